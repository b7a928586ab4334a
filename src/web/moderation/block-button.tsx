/**
 * @module Block or unblock a person from where one meets them (a ride, a help request): a button, then a confirmation
 * saying what blocking does. `<BlockButton slug={slug} userId={id} name={displayName} />`.
 */
import { useState } from 'preact/hooks';
import { callApi } from '../core/api.ts';
import { announce } from '../core/announce.ts';
import { toApiError } from '../core/api-error.ts';
import { describeApiError } from '../core/error-message.ts';
import { ErrorNotice } from '../core/status.tsx';
import { useSession } from '../core/session.tsx';
import { moderationApi, useModerationI18n } from './use-moderation-i18n.ts';

export function BlockButton({ slug, userId, name, blocked: initiallyBlocked = false, onChange }: { slug: string; userId: string; name: string; blocked?: boolean; onChange?: (blocked: boolean) => void }) {
  const { s, t } = useModerationI18n();
  const { me } = useSession();
  const [blocked, setBlocked] = useState(initiallyBlocked);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState('');
  if (!me || me.id === userId) return null;
  const act = async (block: boolean) => {
    setError('');
    try {
      await callApi(block ? 'POST' : 'DELETE', moderationApi.block(slug, userId));
      setBlocked(block);
      setConfirming(false);
      announce(s(block ? 'block.done' : 'block.undone', { name }));
      onChange?.(block);
    } catch (caught) {
      setError(describeApiError(toApiError(caught), t));
    }
  };
  return (
    <div class="block">
      {error ? <ErrorNotice message={error} /> : null}
      {blocked ? (
        <button type="button" class="button button-quiet" onClick={() => void act(false)}>
          {s('block.unblock', { name })}
        </button>
      ) : confirming ? (
        <div role="group" aria-label={s('block.button', { name })}>
          <p>{s('block.confirm', { name })}</p>
          <p class="actions">
            <button type="button" class="button button-danger" onClick={() => void act(true)}>
              {s('block.confirmYes')}
            </button>
            <button type="button" class="button button-quiet" onClick={() => setConfirming(false)}>
              {s('block.cancel')}
            </button>
          </p>
        </div>
      ) : (
        <button type="button" class="button button-quiet" onClick={() => setConfirming(true)}>
          {s('block.button', { name })}
        </button>
      )}
    </div>
  );
}
