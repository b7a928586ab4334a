/** @module Migration 0014: impact factors grouped in dated editions, with source URL, components and precision; every territory moves to the Impact CO2 edition of 2026-05-04. */
import { sql, type Kysely } from 'kysely';

// The edition this migration moves territories to, frozen here as it was shipped (a migration never reads
// files that may change): data/impact-factors/impactco2-2026-05-04.json on the day it was written.
const FILE = 'https://github.com/incubateur-ademe/impactco2/blob/07d97e130ad1dc6b6d1d943c03f45ae12ea0a45a/src/data/categories/deplacement.ts';
export const EDITION = {
  id: 'impactco2-2026-05-04',
  name: 'Impact CO2 (ADEME), transports — édition du 4 mai 2026 ; barème kilométrique des revenus 2024',
  date: '2026-05-04',
  source: FILE,
};
const BAREME_URL = 'https://fiscalonline.com/outils-fiscaux/Impot-sur-le-revenu-bareme-kilometrique-2025-pour-l-imposition-des-revenus-de-l-annee-2024';
const ICO2 = 'Impact CO2 (ADEME), deplacement.ts';
type Row = [key: string, value: number, unit: string, source: string, url: string | null, date: string, use: number | null, construction: number | null, basis: string | null];
export const FACTORS: Row[] = [
  ['car_thermal', 0.1423, 'kgCO2e/vehicle-km', `${ICO2}, voiturethermique : carburant 0,1106 + construction 0,0317 (Modélisation de l’empreinte carbone de la voiture – 2025)`, FILE, '2026-05-04', 0.1106, 0.0317, null],
  ['car_electric', 0.06737, 'kgCO2e/vehicle-km', `${ICO2}, voitureelectrique : électricité 0,01209 + construction 0,05528 (Modélisation de l’empreinte carbone de la voiture – 2025)`, FILE, '2026-05-04', 0.01209, 0.05528, null],
  ['bus_thermal', 0.12242, 'kgCO2e/passenger-km', `${ICO2}, busthermique : carburant 0,1135 + construction 0,00892`, FILE, '2026-05-04', 0.1135, 0.00892, null],
  ['tram', 0.00428, 'kgCO2e/passenger-km', `${ICO2}, tramway : électricité 0,0038 + construction 0,00048`, FILE, '2026-05-04', 0.0038, 0.00048, null],
  ['metro', 0.00444, 'kgCO2e/passenger-km', `${ICO2}, metro : électricité 0,0042 + construction 0,00024`, FILE, '2026-05-04', 0.0042, 0.00024, null],
  ['ter', 0.02769, 'kgCO2e/passenger-km', `${ICO2}, ter : carburant et électricité 0,0229 + construction 0,00479`, FILE, '2026-05-04', 0.0229, 0.00479, null],
  ['bike', 0.00017, 'kgCO2e/passenger-km', `${ICO2}, velo : construction 0,00017 (pas d’usage émetteur)`, FILE, '2026-05-04', 0, 0.00017, null],
  ['ebike', 0.01095, 'kgCO2e/passenger-km', `${ICO2}, veloelectrique : électricité 0,00223 + construction 0,00872`, FILE, '2026-05-04', 0.00223, 0.00872, null],
  ['walk', 0, 'kgCO2e/passenger-km', `${ICO2}, marche : total 0`, FILE, '2026-05-04', null, null, null],
  ['telework', 0, 'kgCO2e/km (trip not made)', 'Pas de facteur d’émission : un trajet non fait n’émet rien. Le télétravail évite la distance du trajet domicile-travail × le facteur du mode habituel ; les effets rebond étudiés par l’ADEME (chauffage et électricité au domicile, déplacements supplémentaires) ne sont pas comptés.', null, '2026-05-04', null, null, 'trip_not_made'],
  ['euros_per_car_km', 0.636, 'EUR/vehicle-km', 'DGFiP, barème kilométrique des voitures applicable aux revenus 2024 (CGI ann. IV art. 6 B, BOI-BAREME-000001), 5 CV, tranche d ≤ 5 000 km : d × 0,636 € — inchangé depuis les revenus 2023', BAREME_URL, '2024-01-01', null, null, 'barème revenus 2024, 5 CV, d ≤ 5 000 km'],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table impact_factors add column source_url text;
    alter table impact_factors add column components jsonb;
    alter table impact_factors add column significant_digits smallint not null default 2 check (significant_digits between 1 and 6);
    alter table impact_factors add column basis text;

    -- Each factors version of a territory comes from one edition: a published data file (id, name, date,
    -- source URL), or an operator's edit. Gestures name the version, so they keep the figures they were given.
    create table impact_factor_editions (
      territory_id bigint not null references territories (id) on delete cascade,
      version integer not null check (version > 0),
      edition_id text not null check (char_length(edition_id) between 1 and 80),
      name text not null check (char_length(name) between 1 and 300),
      edition_date date not null,
      source text not null check (char_length(source) between 1 and 500),
      created_by bigint references users (id) on delete set null,
      created_at timestamptz not null default now(),
      primary key (territory_id, version)
    );

    -- Versions written before editions existed: named for what they were, dated by their latest factor.
    insert into impact_factor_editions (territory_id, version, edition_id, name, edition_date, source)
    select territory_id, version, 'before-editions',
      'Facteurs antérieurs aux éditions datées (valeurs Impact CO2 de deux éditions mêlées dans les défauts)',
      max(published_on), 'impact_factors, version ' || version
    from impact_factors group by territory_id, version;
  `.execute(db);

  // Every territory that has factors moves to the new edition as a new version; old versions stay for old gestures.
  const territories = await sql<{ territory_id: string; version: number }>`
    select territory_id, max(version) as version from impact_factors group by territory_id`.execute(db);
  for (const t of territories.rows) {
    const version = Number(t.version) + 1;
    await sql`
      insert into impact_factor_editions (territory_id, version, edition_id, name, edition_date, source)
      values (${t.territory_id}, ${version}, ${EDITION.id}, ${EDITION.name}, ${EDITION.date}, ${EDITION.source})`.execute(db);
    for (const [key, value, unit, source, url, date, use, construction, basis] of FACTORS) {
      const components = use === null || construction === null ? null : JSON.stringify({ use, construction });
      await sql`
        insert into impact_factors (territory_id, version, key, value, unit, source, published_on, source_url, components, significant_digits, basis)
        values (${t.territory_id}, ${version}, ${key}, ${value}, ${unit}, ${source}, ${date}, ${url}, ${components}::jsonb, 2, ${basis})`.execute(db);
    }
  }
}
