/**
 * @module Live alerts (open, then taken in charge): severity, rule, thing, the figures that fired in words and since
 * when; « Prendre en charge » and « Clore » (with an optional note). The list is read again after each action, and
 * every 30 s while the page is visible.
 */
import { useState } from 'preact/hooks';
import { callApi } from '../core/api.ts';
import { toApiError, type ApiError } from '../core/api-error.ts';
import { announce } from '../core/announce.ts';
import { ErrorNotice, Loading } from '../core/status.tsx';
import { useAction } from '../core/use-action.ts';
import { useFetch } from '../core/use-fetch.ts';
import { observatoryApi } from './paths.ts';
import type { Alert, AlertList } from './types.ts';
import { useObservatoryI18n } from './use-observatory-i18n.ts';
import { useVisibleRefresh } from './use-visible-refresh.ts';
import { alertFigures } from './words.ts';

function AlertItem({ slug, alert, onChanged }: { slug: string; alert: Alert; onChanged: () => void }) {
  const { o, formatNumber, formatDate, t } = useObservatoryI18n();
  const [note, setNote] = useState('');
  const [error, setError] = useState<ApiError | undefined>();
  const action = useAction((caught) => setError(toApiError(caught)));
  const thingName = alert.thing.name ?? alert.thing.entityId;
  const figures = alertFigures(o, formatNumber, alert);
  const noteId = `alert-note-${alert.id}`;
  const act = (path: string, body: unknown, done: string) =>
    action.run(async () => {
      setError(undefined);
      await callApi('POST', path, { body });
      announce(done);
      onChanged();
    });
  const status =
    alert.status === 'acknowledged'
      ? alert.acknowledged?.by
        ? o('obs.alerts.status.acknowledged', { name: alert.acknowledged.by })
        : o('obs.alerts.status.acknowledgedAnon')
      : o(`obs.alerts.status.${alert.status}`);
  return (
    <li class={`obs-item obs-alert obs-severity-${alert.severity}`} data-testid="obs-alert">
      <h3>
        <span class="obs-badge">{o(`obs.alerts.severity.${alert.severity}`)}</span> {alert.rule.name}
      </h3>
      <p>{o('obs.alerts.thing', { name: thingName })}</p>
      {figures ? <p>{figures}</p> : null}
      <p>{o('obs.alerts.since', { date: formatDate(alert.since ?? alert.openedAt) })}</p>
      <p class="obs-status" data-testid="obs-alert-status">{status}</p>
      {error ? <ErrorNotice error={error} /> : null}
      <div class="obs-actions">
        {alert.status === 'open' ? (
          <button
            type="button"
            class="button button-primary"
            aria-label={o('obs.alerts.acknowledgeLabel', { name: alert.rule.name })}
            aria-disabled={action.busy ? 'true' : undefined}
            onClick={() => act(observatoryApi.acknowledge(slug, alert.id), undefined, o('obs.alerts.acknowledged'))}
          >
            {o('obs.alerts.acknowledge')}
          </button>
        ) : null}
        {alert.status !== 'resolved' ? (
          <div class="obs-resolve">
            <label for={noteId}>
              {o('obs.alerts.note')} <span class="field-optional">{t('form.optionalMark')}</span>
            </label>
            <input id={noteId} type="text" maxLength={500} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
            <button
              type="button"
              class="button"
              aria-label={o('obs.alerts.resolveLabel', { name: alert.rule.name })}
              aria-disabled={action.busy ? 'true' : undefined}
              onClick={() => act(observatoryApi.resolve(slug, alert.id), note.trim() ? { note: note.trim() } : {}, o('obs.alerts.resolved'))}
            >
              {o('obs.alerts.resolve')}
            </button>
          </div>
        ) : null}
      </div>
    </li>
  );
}

export function AlertsPanel({ slug }: { slug: string }) {
  const { o } = useObservatoryI18n();
  const alerts = useFetch<AlertList>(observatoryApi.alerts(slug));
  useVisibleRefresh(alerts.reload);
  return (
    <section class="obs-section" aria-labelledby="obs-alerts-title">
      <h2 id="obs-alerts-title">{o('obs.alerts.title')}</h2>
      <p class="field-hint">{o('obs.alerts.refresh')}</p>
      {alerts.error ? <ErrorNotice error={alerts.error} /> : null}
      {!alerts.data && alerts.loading ? <Loading /> : null}
      {alerts.data ? (
        <>
          <p>{o('obs.alerts.counts', { open: alerts.data.counts.open, acknowledged: alerts.data.counts.acknowledged })}</p>
          {alerts.data.alerts.length === 0 ? (
            <p>{o('obs.alerts.none')}</p>
          ) : (
            <ul class="obs-list">
              {alerts.data.alerts.map((alert) => (
                <AlertItem key={alert.id} slug={slug} alert={alert} onChanged={alerts.reload} />
              ))}
            </ul>
          )}
        </>
      ) : null}
    </section>
  );
}
