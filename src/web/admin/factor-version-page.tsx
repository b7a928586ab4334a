/** @module /t/:territory/admin/facteurs/:version — one factors version: its edition and every factor with its source and date. */
import { territoryPath } from '../core/api.ts';
import { ErrorNotice, Loading } from '../core/status.tsx';
import { useFetch } from '../core/use-fetch.ts';
import { useMobilityI18n } from '../core/use-mobility-i18n.ts';
import { AdminGate } from './admin-gate.tsx';
import { adminApi, adminPaths } from './paths.ts';
import type { Factors } from './types.ts';
import { useAdminI18n } from './use-admin-i18n.ts';

export function FactorVersionPage({ territory: slug, version }: { territory: string; version: string }) {
  const { a, formatNumber } = useAdminI18n();
  const { m } = useMobilityI18n();
  const wanted = /^\d{1,7}$/.test(version) ? version : '0';
  const factors = useFetch<Factors>(territoryPath(slug, adminApi.factors(wanted)));
  return (
    <AdminGate slug={slug} title={a('factors.versionTitle', { version })} roles={['operator', 'admin']}>
      <p>
        <a href={adminPaths.factors(slug)}>{a('factors.title')}</a>
      </p>
      {factors.error ? <ErrorNotice error={factors.error} /> : null}
      {factors.loading ? <Loading /> : null}
      {factors.data ? (
        <>
          <p>{a('factors.editionLine', { name: factors.data.edition.name, date: factors.data.edition.date })}</p>
          <p class="meta">{a('factors.source', { source: factors.data.edition.source })}</p>
          <ul class="admin-list">
            {factors.data.factors.map((f) => (
              <li key={f.key} class="admin-item">
                <h2 class="h3">{m(`factor.${f.key}`)}</h2>
                <p>{a('factors.factor', { key: m(`factor.${f.key}`), value: formatNumber(f.value, 6), unit: f.unit })}</p>
                <p class="meta">{a('factors.factorSource', { source: f.source, date: f.publishedOn })}</p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </AdminGate>
  );
}
