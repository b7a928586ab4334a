/**
 * @module Where the acting banner goes in the layout: nothing (and no download) unless a session on behalf is open.
 * When a session starts or ends, the signed-in person is reloaded: the app is the resident's, then the mediator's again.
 */
import { useEffect, useState } from 'preact/hooks';
import { useSession } from '../core/session.tsx';
import { useLazyComponent } from '../core/use-lazy-component.ts';
import { ACTING_CHANGED, currentActing, takeRefusedSession, type ActingSession } from './acting-store.ts';

const loadBanner = () => import('./acting-banner.tsx').then((m) => m.ActingBanner);

function LazyBanner({ acting, over, onDismiss }: { acting: ActingSession; over?: boolean; onDismiss?: () => void }) {
  const Banner = useLazyComponent(loadBanner);
  return Banner ? <Banner acting={acting} over={over} onDismiss={onDismiss} /> : null;
}

export function ActingSlot() {
  const { refresh } = useSession();
  const [acting, setActing] = useState<ActingSession | null>(() => currentActing());
  const [over, setOver] = useState<ActingSession | null>(null);
  useEffect(() => {
    const onChange = () => {
      const now = currentActing();
      setActing(now);
      setOver(now ? null : takeRefusedSession());
      void refresh();
    };
    window.addEventListener(ACTING_CHANGED, onChange);
    return () => window.removeEventListener(ACTING_CHANGED, onChange);
  }, [refresh]);
  if (acting) return <LazyBanner acting={acting} />;
  // The server ended the session (30 minutes passed): say so until dismissed.
  return over ? <LazyBanner acting={over} over onDismiss={() => setOver(null)} /> : null;
}
