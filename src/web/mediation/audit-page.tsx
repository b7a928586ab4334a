/** @module /t/:territory/journal — the territory's audit log for its admins, each entry naming who acted and, for a mediator, on whose behalf. */
import { useState } from 'preact/hooks';
import { territoryPath } from '../core/api.ts';
import { PageHeading } from '../core/page-heading.tsx';
import { useSession } from '../core/session.tsx';
import { SignInRequired } from '../core/sign-in-required.tsx';
import { ErrorNotice, Loading } from '../core/status.tsx';
import { useFetch } from '../core/use-fetch.ts';
import type { AuditEntry } from './types.ts';
import { useMediationI18n, type MediationI18n } from './use-mediation-i18n.ts';
import './mediation.css';

const PAGE = 50;
/** Actions offered in the filter; the log holds more, all shown under "all actions". */
const FILTERS = ['mediation.acted', 'mediation.session_started', 'mediation.assisted_created', 'mediation.taken_over', 'personal_data.viewed', 'territory.roles_changed', 'commitment.signed_for'];

export function AuditPage({ territory: slug }: { territory: string }) {
  const { d } = useMediationI18n();
  const { me } = useSession();
  const isAdmin = Boolean(me?.territories.find((t) => t.slug === slug)?.roles.includes('admin'));
  const [action, setAction] = useState('');
  const [before, setBefore] = useState<string | null>(null);
  const query = `?limit=${PAGE}${action ? `&action=${encodeURIComponent(action)}` : ''}${before ? `&before=${before}` : ''}`;
  const log = useFetch<{ items: AuditEntry[] }>(me && isAdmin ? territoryPath(slug, `/audit${query}`) : null);
  if (me === undefined) return <Loading />;
  if (me === null) return <SignInRequired slug={slug} title={d('audit.title')} />;
  if (!isAdmin) {
    return (
      <div class="page">
        <PageHeading title={d('audit.title')} />
        <p>{d('audit.notAdmin')}</p>
      </div>
    );
  }
  const items = log.data?.items ?? [];
  return (
    <div class="page">
      <PageHeading title={d('audit.title')} />
      <p>{d('audit.intro')}</p>
      <div class="field">
        <label for="audit-action">{d('audit.filter')}</label>
        <select
          id="audit-action"
          value={action}
          onChange={(event) => {
            setAction(event.currentTarget.value);
            setBefore(null);
          }}
        >
          <option value="">{d('audit.filterAll')}</option>
          {FILTERS.map((f) => (
            <option key={f} value={f}>
              {f}
            </option>
          ))}
        </select>
      </div>
      {log.error ? <ErrorNotice error={log.error} /> : null}
      {log.loading ? <Loading /> : null}
      {log.data && items.length === 0 ? <p>{d('audit.none')}</p> : null}
      {items.length > 0 ? (
        <ol class="audit-list" data-testid="audit-list">
          {items.map((entry) => (
            <AuditItem key={entry.id} entry={entry} />
          ))}
        </ol>
      ) : null}
      {items.length === PAGE ? (
        <p>
          <button type="button" class="button" onClick={() => setBefore(items[items.length - 1]!.id)}>
            {d('audit.more')}
          </button>
        </p>
      ) : null}
    </div>
  );
}

function person(i18n: MediationI18n, id: string | null, name: string | null): string {
  if (!id) return '';
  return name ? i18n.d('audit.person', { name, id }) : i18n.d('audit.erased', { id });
}

/** "by M on behalf of R", "by P", "by whoever held the code", or "by the system". */
export function whoLine(i18n: MediationI18n, entry: AuditEntry): string {
  const actor = person(i18n, entry.actorId, entry.actorName);
  // A takeover code typed while signed out: whoever held the printed code, not the system.
  if (!entry.actorId) return i18n.d(entry.action === 'mediation.taken_over' ? 'audit.codeHolder' : 'audit.system');
  if (!entry.onBehalfOfId) return i18n.d('audit.by', { actor });
  const resident = person(i18n, entry.onBehalfOfId, entry.onBehalfOfName);
  return entry.action.startsWith('mediation.') ? i18n.d('audit.mediatorFor', { actor, resident }) : i18n.d('audit.byFor', { actor, resident });
}

function AuditItem({ entry }: { entry: AuditEntry }) {
  const i18n = useMediationI18n();
  const { d, formatDate } = i18n;
  const details = entry.details;
  const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
  const request = typeof details.method === 'string' ? { method: details.method, route: text(details.route), status: text(details.status) } : null;
  return (
    <li class="audit-item" data-testid="audit-entry">
      <p>
        <time dateTime={entry.at}>{formatDate(entry.at)}</time> — <span class="audit-action">{entry.action}</span>
      </p>
      <p class="audit-who">{whoLine(i18n, entry)}</p>
      {request ? <p>{d('audit.request', request)}</p> : null}
      {entry.subjectType ? <p class="meta">{d('audit.subject', { type: entry.subjectType, id: entry.subjectId ?? '' })}</p> : null}
      {entry.reason ? <p>{d('audit.reason', { reason: entry.reason })}</p> : null}
    </li>
  );
}
