/** @module Accessible table of the communes: the same data as the map, for people who cannot use the map. */
import { useI18n } from '../core/i18n.tsx';
import type { RatedCommune } from './choropleth.ts';

export function CommunesTable({ communes, territoryName }: { communes: readonly RatedCommune[]; territoryName: string }) {
  const { t, formatNumber, locale } = useI18n();
  const sorted = [...communes].sort((a, b) => a.name.localeCompare(b.name, locale));
  return (
    <div class="table-scroll" role="region" aria-labelledby="communes-caption" tabIndex={0}>
      <table class="data-table">
        <caption id="communes-caption">{t('table.caption', { territory: territoryName })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('table.commune')}</th>
            <th scope="col" class="numeric">{t('table.population')}</th>
            <th scope="col" class="numeric">{t('table.residents')}</th>
            <th scope="col" class="numeric">{t('table.rate')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((commune) => (
            <tr key={commune.code}>
              <th scope="row">{commune.name}</th>
              <td class="numeric">{formatNumber(commune.population)}</td>
              <td class="numeric">{formatNumber(commune.residents)}</td>
              <td class="numeric">{formatNumber(commune.rate, 1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
