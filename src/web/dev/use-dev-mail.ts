/** @module Whether the demo mail outbox opens to the person signed in (GET /api/dev/mail: demo mode, admins only), asked once per person. */
import { useEffect, useState } from 'preact/hooks';
import { getApi } from '../core/api.ts';
import type { Me } from '../core/types.ts';
import { useSession } from '../core/session.tsx';

const availability = new Map<string, Promise<boolean>>();

/** True when `me` holds the admin role in a territory: the only people the outbox opens to. */
export function isAdminSomewhere(me: Me | null | undefined): boolean {
  return Boolean(me?.territories.some((t) => t.roles.includes('admin')));
}

function isDevMailAvailable(userId: string): Promise<boolean> {
  let known = availability.get(userId);
  if (!known) {
    known = getApi('/dev/mail').then(
      () => true,
      () => false,
    );
    availability.set(userId, known);
  }
  return known;
}

/** Whether to show the link to the outbox: an admin, on a server in demo mode. */
export function useDevMailAvailable(): boolean {
  const { me } = useSession();
  const userId = isAdminSomewhere(me) ? (me?.id ?? null) : null;
  const [available, setAvailable] = useState(false);
  useEffect(() => {
    setAvailable(false);
    if (userId === null) return;
    let live = true;
    void isDevMailAvailable(userId).then((value) => live && setAvailable(value));
    return () => {
      live = false;
    };
  }, [userId]);
  return available;
}
