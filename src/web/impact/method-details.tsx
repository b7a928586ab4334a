/** @module "Comment est-ce calculé ?": the method, line by line, and every factor with its value, unit, source, date and version. */
import { DataTable } from '../core/charts/data-table.tsx';
import { dayOnly } from '../core/dates.ts';
import { useMobilityI18n } from '../core/use-mobility-i18n.ts';
import { factorLabelKey, factorUnitKey, methodLineKey } from './method-lines.ts';
import type { ImpactView } from './types.ts';

export function MethodDetails({ view }: { view: Pick<ImpactView, 'method' | 'factors' | 'factorsVersion'> }) {
  const { m, formatNumber } = useMobilityI18n();
  return (
    <details class="method">
      <summary>{m('method.summary')}</summary>
      <ul>
        {view.method.map((line) => {
          const key = methodLineKey(line);
          return <li key={line}>{key ? m(key) : <span lang="en">{line}</span>}</li>;
        })}
      </ul>
      <DataTable
        caption={m('method.factorsCaption', { version: view.factorsVersion })}
        columns={[
          { header: m('method.col.factor') },
          { header: m('method.col.value'), numeric: true },
          { header: m('method.col.unit') },
          { header: m('method.col.source') },
          { header: m('method.col.date') },
          { header: m('method.col.version'), numeric: true },
        ]}
        rows={view.factors.map((factor) => {
          const label = factorLabelKey(factor.key);
          const unit = factorUnitKey(factor.unit);
          return {
            key: factor.key,
            cells: [label ? m(label) : factor.key, formatNumber(factor.value, 5), unit ? m(unit) : factor.unit, factor.source, dayOnly(factor.publishedOn), formatNumber(view.factorsVersion)],
          };
        })}
      />
    </details>
  );
}
