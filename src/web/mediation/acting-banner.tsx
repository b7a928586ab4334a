/** @module The persistent banner while a mediator acts for a resident: who, until when, and a button to end the session. */
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { callApi, territoryPath } from '../core/api.ts';
import { announce } from '../core/announce.ts';
import { stopActing, type ActingSession } from './acting-store.ts';
import { mediationPaths } from './paths.ts';
import { useMediationI18n } from './use-mediation-i18n.ts';
import './mediation.css';

export function ActingBanner({ acting, over, onDismiss }: { acting: ActingSession; over?: boolean | undefined; onDismiss?: (() => void) | undefined }) {
  const { d } = useMediationI18n();
  if (over) {
    return (
      <section class="acting-banner" aria-label={d('banner.over')} data-testid="acting-over">
        <p role="status">{d('banner.expired', { name: acting.residentName })}</p>
        <button type="button" class="button" onClick={onDismiss}>
          {d('banner.dismiss')}
        </button>
      </section>
    );
  }
  return <ActiveBanner acting={acting} />;
}

function ActiveBanner({ acting }: { acting: ActingSession }) {
  const { d, time } = useMediationI18n();
  const { route } = useLocation();
  const [busy, setBusy] = useState(false);
  const end = () => {
    if (busy) return;
    setBusy(true);
    callApi('POST', territoryPath(acting.territory, `/mediation/sessions/${encodeURIComponent(acting.id)}/end`))
      .catch(() => undefined) // already ended or expired: the session is over either way
      .finally(() => {
        stopActing();
        setBusy(false);
        announce(d('banner.ended'));
        route(mediationPaths.mediation(acting.territory));
      });
  };
  return (
    <section class="acting-banner" aria-label={d('banner.acting', { name: acting.residentName, time: time(acting.expiresAt) })} data-testid="acting-banner">
      <p>
        <strong>{d('banner.acting', { name: acting.residentName, time: time(acting.expiresAt) })}</strong>
      </p>
      <button type="button" class="button" onClick={end} aria-disabled={busy ? 'true' : undefined}>
        {d('banner.end')}
      </button>
    </section>
  );
}
