/** @module A follow-up's last 30 days — one line per day, then the alerts with who answered — for the resident, a referent or staff. */
import { todayIn } from '../core/dates.ts';
import type { CheckInsI18n } from './use-check-ins-i18n.ts';
import { alertWording, dayWording, type Wording } from './describe.ts';
import type { Alert, History } from './types.ts';

export function say(i18n: CheckInsI18n, w: Wording, extra: Record<string, string> = {}): string {
  return i18n.c(w.key, { time: w.at ? i18n.time(w.at) : (w.hhmm ?? ''), ...extra });
}

export function AlertDetails({ i18n, alert }: { i18n: CheckInsI18n; alert: Alert }) {
  const { c, time } = i18n;
  return (
    <>
      <p class="card-text">{say(i18n, alertWording(alert))}</p>
      {alert.acknowledgements.length > 0 ? (
        <ul class="ack-list">
          {alert.acknowledgements.map((a, i) => (
            <li key={i}>
              {c(a.action === 'all_well' ? 'history.ack.all_well' : 'history.ack.on_my_way', { name: a.by ?? c('history.someone'), time: time(a.at) })}
              {a.role === 'duty' ? ` ${c('history.ack.duty')}` : null}
              {a.note ? <q class="meta"> {a.note}</q> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

export function HistoryView({ i18n, history, headingLevel = 2 }: { i18n: CheckInsI18n; history: History; headingLevel?: 2 | 3 }) {
  const { c, day, time } = i18n;
  // The server's today (the first day listed), not the browser's clock.
  const today = history.days[0]?.date ?? todayIn();
  const missedToday = history.alerts.some((a) => a.date === today);
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const Sub = headingLevel === 2 ? 'h3' : 'h4';
  return (
    <section aria-label={c('history.caption')}>
      {history.days.length === 0 ? <p>{c('history.none')}</p> : null}
      <ul class="history-list">
        {history.days.map((d) => (
          <li key={d.date}>
            <span class="history-day">{day(d.date)}</span>
            <span>{say(i18n, dayWording(d, today, missedToday))}</span>
          </li>
        ))}
      </ul>
      {history.alerts.length > 0 ? <H>{c('history.alerts')}</H> : null}
      {history.alerts.map((a) => (
        <div key={a.id} class="card">
          <Sub class="card-title">{c('history.alert', { date: day(a.date), time: time(a.deadlineAt) })}</Sub>
          <AlertDetails i18n={i18n} alert={a} />
        </div>
      ))}
    </section>
  );
}
