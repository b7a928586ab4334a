/** @module /t/:territory/journal — the territory's audit log for its admins, each entry naming who acted and, for a mediator, on whose behalf. */
import { useState } from 'preact/hooks';
import { territoryPath } from '../core/api.ts';
import { PageHeading } from '../core/page-heading.tsx';
import { useSession } from '../core/session.tsx';
import { SignInRequired } from '../core/sign-in-required.tsx';
import { ErrorNotice, Loading } from '../core/status.tsx';
import { useFetch } from '../core/use-fetch.ts';
import { ACTION_CODES, actionWords, detailsLine, subjectOf } from '../admin/audit-words.ts';
import { useAdminI18n } from '../admin/use-admin-i18n.ts';
import type { AuditEntry } from './types.ts';
import { useMediationI18n, type MediationI18n } from './use-mediation-i18n.ts';
import './mediation.css';

const PAGE = 50;

export function AuditPage({ territory: slug }: { territory: string }) {
  const { d } = useMediationI18n();
  const admin = useAdminI18n();
  const { me } = useSession();
  // Every action, in words, alphabetically in the reader's language; the option's value stays the code.
  const filters = ACTION_CODES.map((code) => ({ code, label: actionWords(admin, code) })).sort((x, y) => x.label.localeCompare(y.label, admin.locale));
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
          {filters.map((f) => (
            <option key={f.code} value={f.code}>
              {f.label}
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
            <AuditItem key={entry.id} entry={entry} slug={slug} />
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

function AuditItem({ entry, slug }: { entry: AuditEntry; slug: string }) {
  const i18n = useMediationI18n();
  const admin = useAdminI18n();
  const { d, formatDate } = i18n;
  const subject = entry.subjectType ? subjectOf(admin, slug, entry.subjectType, entry.subjectId) : null;
  const about = detailsLine(admin, entry.action, entry.details);
  const details = entry.details;
  const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
  const request = typeof details.method === 'string' ? { method: details.method, route: text(details.route), status: text(details.status) } : null;
  return (
    <li class="audit-item" data-testid="audit-entry">
      <p>
        <time dateTime={entry.at}>{formatDate(entry.at)}</time> — <span class="audit-action" data-code={entry.action}>{actionWords(admin, entry.action)}</span>
      </p>
      <p class="audit-who">{whoLine(i18n, entry)}</p>
      {request ? <p>{d('audit.request', request)}</p> : null}
      {subject ? <p class="meta">{subject.href ? <a href={subject.href}>{subject.label}</a> : subject.label}</p> : null}
      {about ? <p>{about}</p> : null}
      {entry.reason ? <p>{d('audit.reason', { reason: entry.reason })}</p> : null}
    </li>
  );
}
