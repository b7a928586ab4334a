/**
 * @module Where the acting banner goes in the layout: nothing (and no download) unless a session on behalf is open.
 * When a session starts or ends, the signed-in person is reloaded: the app is the resident's, then the mediator's again.
 */
import { useEffect, useState } from 'preact/hooks';
import { useSession } from '../core/session.tsx';
import { useLazyComponent } from '../core/use-lazy-component.ts';
import { ACTING_CHANGED, currentActing, type ActingSession } from './acting-store.ts';

const loadBanner = () => import('./acting-banner.tsx').then((m) => m.ActingBanner);

function LazyBanner({ acting }: { acting: ActingSession }) {
  const Banner = useLazyComponent(loadBanner);
  return Banner ? <Banner acting={acting} /> : null;
}

export function ActingSlot() {
  const { refresh } = useSession();
  const [acting, setActing] = useState<ActingSession | null>(() => currentActing());
  useEffect(() => {
    const onChange = () => {
      setActing(currentActing());
      void refresh();
    };
    window.addEventListener(ACTING_CHANGED, onChange);
    return () => window.removeEventListener(ACTING_CHANGED, onChange);
  }, [refresh]);
  return acting ? <LazyBanner acting={acting} /> : null;
}
