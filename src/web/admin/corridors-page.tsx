/** @module /t/:territory/admin/axes — operators and admins list the territory's corridors, to create or edit one. */
import { territoryPath } from '../core/api.ts';
import { ErrorNotice, Loading } from '../core/status.tsx';
import { useFetch } from '../core/use-fetch.ts';
import { AdminGate } from './admin-gate.tsx';
import { adminApi, adminPaths } from './paths.ts';
import { useAdminI18n } from './use-admin-i18n.ts';

interface ListedCorridor {
  id: string;
  name: string;
  capacityPerHour: number;
  freeFlowMin: number;
}

export function CorridorsAdminPage({ territory: slug }: { territory: string }) {
  const { a, formatNumber } = useAdminI18n();
  const list = useFetch<{ items: ListedCorridor[] }>(territoryPath(slug, adminApi.corridors));
  return (
    <AdminGate slug={slug} title={a('corridors.title')} roles={['operator', 'admin']}>
      <p>{a('corridors.intro')}</p>
      <p>
        <a class="button button-primary" href={adminPaths.newCorridor(slug)}>
          {a('corridors.new')}
        </a>
      </p>
      {list.error ? <ErrorNotice error={list.error} /> : null}
      {list.loading ? <Loading /> : null}
      {list.data && list.data.items.length === 0 ? <p>{a('corridors.none')}</p> : null}
      <ul class="admin-list" data-testid="corridor-list">
        {(list.data?.items ?? []).map((corridor) => (
          <li key={corridor.id} class="admin-item">
            <h2 class="h3">{corridor.name}</h2>
            <p class="meta">{a('corridors.summary', { capacity: formatNumber(corridor.capacityPerHour), minutes: formatNumber(corridor.freeFlowMin, 1) })}</p>
            <a href={adminPaths.corridor(slug, corridor.id)}>
              {a('corridors.edit')}
              <span class="visually-hidden"> — {corridor.name}</span>
            </a>
          </li>
        ))}
      </ul>
    </AdminGate>
  );
}
