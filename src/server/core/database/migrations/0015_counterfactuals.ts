/** @module Migration 0015: each mode switch stores the trip it replaced (its counterfactual); past mode switches are measured again against their author's usual mode. */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- A mode switch avoids something only against the trip it replaced: 'declared' on the gesture, the commute
    -- profile's 'usual_mode', or 'none' known (then nothing is avoided). Other gestures carry none of this.
    alter table gestures
      add column instead_of text check (instead_of is null or instead_of in ('car_alone', 'carpool', 'bike', 'ebike', 'walk', 'bus', 'tram', 'metro', 'ter', 'telework')),
      add column instead_of_occupancy smallint check (instead_of_occupancy is null or instead_of_occupancy between 1 and 9),
      add column counterfactual text check (counterfactual is null or counterfactual in ('declared', 'usual_mode', 'none'));

    -- Past mode switches were all measured against a solo car. Their author's usual mode, as the profile says
    -- it today, is the best witness left of the trip each replaced; without a profile, nothing is known.
    update gestures g
       set instead_of = p.usual_mode,
           instead_of_occupancy = case p.usual_mode when 'car_alone' then 1 when 'carpool' then greatest(2, p.car_occupancy) end,
           counterfactual = 'usual_mode'
      from commute_profiles p
     where g.kind = 'mode_switch' and p.territory_id = g.territory_id and p.user_id = g.user_id;
    update gestures set counterfactual = 'none' where kind = 'mode_switch' and counterfactual is null;

    -- Against a solo car the stored figures stand (they were computed against exactly that). Against anything
    -- but a car, nothing was avoided: the gesture keeps counting as participation.
    update gestures set co2e_kg = 0, car_km = 0, euros = 0
     where kind = 'mode_switch' and (instead_of is null or instead_of not in ('car_alone', 'carpool'));

    -- Against a usual carpool of m people, the person's share of that car is 1/m; recomputed with the factors
    -- version the gesture names. A carpool switch's own car share (1/n) is read back from its stored car-km
    -- (car_km = km × (1 − 1/n)); the CO2e may come out negative (more emitted than the usual trip), as it is.
    with f as (
      select g.id, g.km,
             g.instead_of_occupancy::double precision as m,
             case when g.mode = 'carpool' then (g.km - g.car_km) / nullif(g.km, 0) else 0 end as share,
             (select value from impact_factors v where v.territory_id = g.territory_id and v.version = g.factors_version and v.key = 'car_thermal') as car,
             (select value from impact_factors v where v.territory_id = g.territory_id and v.version = g.factors_version and v.key = 'euros_per_car_km') as eur,
             (select value from impact_factors v where v.territory_id = g.territory_id and v.version = g.factors_version
                 and v.key = case g.mode when 'bus' then 'bus_thermal' else g.mode end) as chosen
        from gestures g
       where g.kind = 'mode_switch' and g.instead_of = 'carpool'
    )
    update gestures g
       set co2e_kg = round((f.km * (f.car / f.m - case when g.mode = 'carpool' then f.car * coalesce(f.share, 0) else f.chosen end))::numeric, 3)::double precision,
           car_km = round((f.km * (1 / f.m - coalesce(f.share, 0)))::numeric, 3)::double precision,
           euros = round((f.km * (1 / f.m - coalesce(f.share, 0)) * f.eur)::numeric, 2)::double precision
      from f
     where g.id = f.id and f.car is not null and f.eur is not null and (g.mode = 'carpool' or f.chosen is not null);

    -- Only mode switches carry a counterfactual (carpools and shifts have their own reference: docs/mobility.md).
    alter table gestures add constraint gestures_counterfactual_kind
      check (kind = 'mode_switch' or (counterfactual is null and instead_of is null and instead_of_occupancy is null));
  `.execute(db);
}

