/** @module "Les axes ce matin": each corridor's morning queue by its model, and what shifting would change — with a link to act. */
import { formatFigure } from '../core/figures.ts';
import { paths } from '../core/paths.ts';
import type { CorridorNow } from './types.ts';
import { useOverviewI18n } from './use-overview-i18n.ts';

function Shift({ corridor }: { corridor: CorridorNow }) {
  const { o, op } = useOverviewI18n();
  if (!corridor.shifting || corridor.morningJamHours <= 0) return <p>{o('corridors.fluid')}</p>;
  const { drivers, minutesEarlier } = corridor.shifting;
  return <p>{minutesEarlier >= 0 ? op('corridors.shift', drivers, { minutes: minutesEarlier }) : op('corridors.shiftLater', drivers, { minutes: -minutesEarlier })}</p>;
}

export function CorridorsNow({ slug, corridors }: { slug: string; corridors: readonly CorridorNow[] }) {
  const { o, formatNumber } = useOverviewI18n();
  if (corridors.length === 0) return null;
  return (
    <section aria-labelledby="corridors-now-title">
      <h3 id="corridors-now-title">{o('corridors.title')}</h3>
      <ul class="card-list" role="list">
        {corridors.map((c) => (
          <li key={c.id} class="card">
            <h4>
              <a href={paths.corridor(slug, c.id)}>{c.name}</a>
            </h4>
            <p class="gesture-lead">{o('corridors.jam', { hours: formatFigure(formatNumber, c.morningJamHours, 'vehicleHours') })}</p>
            <Shift corridor={c} />
            <p class="figure-source">{o('corridors.source')}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
