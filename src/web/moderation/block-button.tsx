/**
 * @module Block or unblock a person from where one meets them (a ride, a help request): a button, then a confirmation
 * saying what blocking does. `<BlockButton slug={slug} userId={id} name={displayName} />`. Whether the person is
 * already blocked comes from the viewer's block list, loaded once for the whole app (`use-blocked.ts`), so the button
 * reads "Débloquer" after a reload too; results are spoken through the page's aria-live region.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { callApi } from '../core/api.ts';
import { announce } from '../core/announce.ts';
import { toApiError } from '../core/api-error.ts';
import { describeApiError } from '../core/error-message.ts';
import { ErrorNotice } from '../core/status.tsx';
import { useSession } from '../core/session.tsx';
import { useBlocked } from './use-blocked.ts';
import { moderationApi, useModerationI18n } from './use-moderation-i18n.ts';

/** `blocked`: what the caller already knows (the "people I blocked" list), used until the shared list has loaded. */
export function BlockButton({ slug, userId, name, blocked: known, onChange }: { slug: string; userId: string; name: string; blocked?: boolean; onChange?: (blocked: boolean) => void }) {
  const { s, t } = useModerationI18n();
  const { me } = useSession();
  const shared = useBlocked(slug, userId);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const toggle = useRef<HTMLButtonElement>(null);
  const [refocus, setRefocus] = useState(false);
  useEffect(() => {
    if (!refocus) return;
    toggle.current?.focus();
    setRefocus(false);
  }, [refocus]);
  if (!me || me.id === userId) return null;
  const blocked = shared.blocked ?? known;
  const loading = blocked === undefined;
  const act = async (block: boolean) => {
    if (busy) return;
    setError('');
    setBusy(true);
    try {
      await callApi(block ? 'POST' : 'DELETE', moderationApi.block(slug, userId));
      shared.record(block);
      setConfirming(false);
      setRefocus(true);
      announce(s(block ? 'block.done' : 'block.undone', { name }));
      onChange?.(block);
    } catch (caught) {
      setError(describeApiError(toApiError(caught), t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="block">
      {error ? <ErrorNotice message={error} /> : null}
      {blocked ? (
        <button type="button" class="button button-quiet" ref={toggle} aria-disabled={busy ? 'true' : undefined} onClick={() => void act(false)}>
          {s('block.unblock', { name })}
        </button>
      ) : confirming ? (
        <div role="group" aria-label={s('block.button', { name })}>
          <p>{s('block.confirm', { name })}</p>
          <p class="actions">
            <button type="button" class="button button-danger" aria-disabled={busy ? 'true' : undefined} onClick={() => void act(true)}>
              {s('block.confirmYes')}
            </button>
            <button type="button" class="button button-quiet" onClick={() => setConfirming(false)}>
              {s('action.cancel')}
            </button>
          </p>
        </div>
      ) : (
        <button type="button" class="button button-quiet" ref={toggle} aria-disabled={loading ? 'true' : undefined} onClick={() => (loading ? undefined : setConfirming(true))}>
          {s('block.button', { name })}
        </button>
      )}
    </div>
  );
}
