/**
 * @module Mutual aid on the impact pages: hours of help (reported and estimated apart), requests done, people helped and
 * helpers, per week, each figure with where it comes from; on my page, "N others helped this week".
 */
import { territoryPath } from '../core/api.ts';
import { DataTable } from '../core/charts/data-table.tsx';
import { formatShortDay } from '../core/dates.ts';
import { useFetch } from '../core/use-fetch.ts';
import { useI18n } from '../core/i18n.tsx';
import { isSuppressed, SmallGroup } from '../core/small-group.tsx';
import { aidApi } from './paths.ts';
import { AID_KINDS, type HelpImpact } from './types.ts';
import { useAidI18n } from './use-aid-i18n.ts';

interface Props {
  slug: string;
  scope: 'me' | 'territory' | { communityId: string };
  /** Heading level (2 on a page, 3 inside a panel). */
  level?: 2 | 3;
  weeks?: number;
}

export function HelpImpactSection({ slug, scope, level = 2, weeks = 8 }: Props) {
  const { a, ap, formatNumber, locale } = useAidI18n();
  const { t } = useI18n();
  const path =
    scope === 'me'
      ? `${aidApi.myImpact}?weeks=${weeks}`
      : scope === 'territory'
        ? `${aidApi.impact}?weeks=${weeks}`
        : `${aidApi.impact}?weeks=${weeks}&community=${encodeURIComponent(scope.communityId)}`;
  const impact = useFetch<HelpImpact>(territoryPath(slug, path));
  // Figures that cannot be read (a private community, a network failure) leave the rest of the page alone.
  const view = impact.data;
  if (!view) return null;
  const Heading = level === 2 ? 'h2' : 'h3';
  const id = `help-impact-${typeof scope === 'string' ? scope : 'community'}`;
  const totals = isSuppressed(view.totals) ? null : view.totals;
  const small = (minGroup: number) => t('privacy.smallGroup', { minGroup });
  const estimates = AID_KINDS.map((k) => `${a(`kind.${k}`).toLowerCase()} ${formatNumber(view.estimates[k], 2)} h`).join(', ');
  const others = view.notAlone;
  return (
    <section aria-labelledby={id} data-testid="help-impact">
      <Heading id={id}>{scope === 'me' ? a('impact.mine') : a('impact.title')}</Heading>
      {others ? (
        <div class="not-alone">
          <p>{isSuppressed(others.territory) ? <SmallGroup minGroup={others.territory.minGroup} /> : others.territory > 0 ? ap('impact.others', others.territory) : a('impact.othersNone')}</p>
          {others.communities.some((c) => c.others > 0) ? (
            <ul>
              {others.communities
                .filter((c) => c.others > 0)
                .map((c) => (
                  <li key={c.id}>{ap('impact.othersCommunity', c.others, { name: c.name })}</li>
                ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <p class="meta">{ap('impact.period', view.weeks.length)}</p>
      {totals === null ? (
        <p class="figure-note">
          <SmallGroup minGroup={isSuppressed(view.totals) ? view.totals.minGroup : 0} />
        </p>
      ) : (
      <dl class="figures">
        <div class="figure">
          <dt>{a('impact.hours')}</dt>
          <dd class="figure-value" data-figure="helpHours">{formatNumber(totals.hours, 1)}</dd>
          <dd class="figure-source">{a('impact.split', { reported: formatNumber(totals.hoursReported, 1), estimated: formatNumber(totals.hoursEstimated, 1) })}</dd>
        </div>
        <div class="figure">
          <dt>{a('impact.done')}</dt>
          <dd class="figure-value" data-figure="helpDone">{formatNumber(totals.requestsDone)}</dd>
        </div>
        {scope !== 'me' ? (
          <div class="figure">
            <dt>{a('impact.people')}</dt>
            <dd class="figure-value">{formatNumber(totals.peopleHelped)}</dd>
            <dd class="figure-source">{a('impact.peopleSource', { helpers: formatNumber(totals.helpers) })}</dd>
          </div>
        ) : null}
      </dl>
      )}
      {view.received ? <p>{ap('impact.received', view.received.requestsDone)}</p> : null}
      <p class="figure-note">{a('impact.source')}</p>
      <DataTable
        caption={a('impact.weekTable')}
        columns={[{ header: a('impact.week') }, { header: a('impact.hours'), numeric: true }, { header: a('impact.done'), numeric: true }, { header: a('impact.people'), numeric: true }, { header: a('impact.helpers'), numeric: true }]}
        rows={view.weeks.map((w) => ({
          key: w.weekOf,
          cells: isSuppressed(w)
            ? [formatShortDay(locale, w.weekOf), small(w.minGroup), small(w.minGroup), small(w.minGroup), small(w.minGroup)]
            : [formatShortDay(locale, w.weekOf), formatNumber(w.hours, 1), formatNumber(w.requestsDone), formatNumber(w.peopleHelped), formatNumber(w.helpers)],
        }))}
      />
      <details class="method">
        <summary>{a('impact.method')}</summary>
        <ul>
          <li>{a('impact.method.when')}</li>
          <li>{a('impact.method.hours', { estimates })}</li>
          <li>{a('impact.method.people')}</li>
        </ul>
      </details>
    </section>
  );
}
