/** @module "Engagements presque réunis": commitments still collecting that a few more signatures would make binding. */
import { paths } from '../core/paths.ts';
import type { CommitmentClose } from './types.ts';
import { useOverviewI18n } from './use-overview-i18n.ts';

/** "19 décembre" for the last day one may sign, in Paris time. */
function lastDay(locale: string, deadline: string): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone: 'Europe/Paris' }).format(new Date(new Date(deadline).getTime() - 1));
}

export function CommitmentsClose({ slug, commitments }: { slug: string; commitments: readonly CommitmentClose[] }) {
  const { o, op, locale } = useOverviewI18n();
  if (commitments.length === 0) return null;
  return (
    <section aria-labelledby="commitments-close-title">
      <h3 id="commitments-close-title">{o('commitments.title')}</h3>
      <ul class="card-list" role="list">
        {commitments.map((c) => (
          <li key={c.id} class="card">
            <h4>
              <a href={paths.engagement(slug, c.id)}>{c.wording}</a>
            </h4>
            <p class="gesture-lead">{op('commitments.remaining', c.remaining)}</p>
            <p class="muted">{o('commitments.until', { date: lastDay(locale, c.signingDeadline) })}</p>
          </li>
        ))}
      </ul>
      <p>
        <a href={paths.engagements(slug)}>{o('commitments.all')}</a>
      </p>
    </section>
  );
}
