/** @module Whether the dev mail outbox exists on this server (GET /api/dev/mail answers 200), asked once. */
import { useEffect, useState } from 'preact/hooks';
import { getApi } from '../core/api.ts';

let availability: Promise<boolean> | undefined;

export function isDevMailAvailable(): Promise<boolean> {
  availability ??= getApi('/dev/mail').then(
    () => true,
    () => false,
  );
  return availability;
}

export function useDevMailAvailable(): boolean {
  const [available, setAvailable] = useState(false);
  useEffect(() => {
    let live = true;
    void isDevMailAvailable().then((value) => live && setAvailable(value));
    return () => {
      live = false;
    };
  }, []);
  return available;
}
