/** @module The mediator's latest sessions on behalf: for whom, why, when, and how each ended. */
import type { Resource } from '../core/use-fetch.ts';
import { ErrorNotice } from '../core/status.tsx';
import type { MediationSession } from './types.ts';
import { useMediationI18n } from './use-mediation-i18n.ts';

export function SessionList({ sessions }: { sessions: Resource<{ items: MediationSession[] }> }) {
  const { d, formatDate, time } = useMediationI18n();
  const items = sessions.data?.items ?? [];
  const state = (s: MediationSession) => {
    if (!s.endedAt) return d('mediation.sessions.open', { time: time(s.expiresAt) });
    return s.endedAt === s.expiresAt ? d('mediation.sessions.expired', { date: formatDate(s.endedAt) }) : d('mediation.sessions.ended', { date: formatDate(s.endedAt) });
  };
  return (
    <section aria-labelledby="sessions-title">
      <h2 id="sessions-title">{d('mediation.sessions.title')}</h2>
      {sessions.error ? <ErrorNotice error={sessions.error} /> : null}
      {sessions.data && items.length === 0 ? <p>{d('mediation.sessions.none')}</p> : null}
      {items.length > 0 ? (
        <ul class="session-list">
          {items.map((s) => (
            <li key={s.id}>
              {d('mediation.sessions.item', { name: s.residentName, reason: s.reason, start: formatDate(s.startedAt) })} ({state(s)})
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
