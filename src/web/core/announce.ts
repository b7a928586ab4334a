/** @module Polite screen-reader announcements through the single aria-live region rendered by the layout. */

export const ANNOUNCER_ID = 'announcer';

/** Speaks `message` once; clearing first makes a repeated identical message heard again. */
export function announce(message: string): void {
  const region = document.getElementById(ANNOUNCER_ID);
  if (!region) return;
  region.textContent = '';
  window.setTimeout(() => {
    region.textContent = message;
  }, 50);
}
