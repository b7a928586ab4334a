/** @module The invite link in a read-only field, with copy (clipboard, else selection) and rotation of the code. */
import { useRef, useState } from 'preact/hooks';
import { callApi, territoryPath } from '../core/api.ts';
import { toApiError } from '../core/api-error.ts';
import { announce } from '../core/announce.ts';
import { describeApiError } from '../core/error-message.ts';
import { useI18n } from '../core/i18n.tsx';
import { paths } from '../core/paths.ts';
import { ErrorNotice } from '../core/status.tsx';
import type { InviteCodeAnswer } from '../core/types.ts';

interface Props {
  slug: string;
  communityId: string;
  inviteCode: string;
  onRotated: (inviteCode: string) => void;
}

export function InviteLink({ slug, communityId, inviteCode, onRotated }: Props) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [feedback, setFeedback] = useState('');
  const [error, setError] = useState('');
  const link = `${location.origin}${paths.invite(slug, inviteCode)}`;

  const selectLink = () => {
    input.current?.focus();
    input.current?.select();
  };
  const copy = () => {
    const fallback = () => {
      selectLink();
      setFeedback(t('community.copyFallback'));
    };
    if (!navigator.clipboard) return fallback();
    navigator.clipboard.writeText(link).then(() => {
      setFeedback(t('community.copied'));
      announce(t('community.copied'));
    }, fallback);
  };
  const rotate = () => {
    setError('');
    callApi<InviteCodeAnswer>('POST', territoryPath(slug, `/communities/${encodeURIComponent(communityId)}/invite-code`))
      .then(({ inviteCode: next }) => {
        onRotated(next);
        setFeedback(t('community.rotated'));
        announce(t('community.rotated'));
      })
      .catch((caught: unknown) => setError(describeApiError(toApiError(caught), t)));
  };

  return (
    <section aria-labelledby="invite-link-title">
      <h3 id="invite-link-title">{t('community.inviteTitle')}</h3>
      <div class="field">
        <label for="invite-link">{t('community.inviteLink')}</label>
        <p class="field-hint" id="invite-link-hint">{t('community.inviteHint')}</p>
        <input id="invite-link" ref={input} type="text" readOnly value={link} aria-describedby="invite-link-hint" onFocus={(event) => event.currentTarget.select()} />
      </div>
      <p class="actions">
        <button type="button" class="button button-primary" onClick={copy}>
          {t('community.copy')}
        </button>
        <button type="button" class="button" onClick={rotate}>
          {t('community.rotate')}
        </button>
      </p>
      {feedback ? <p class="notice notice-success">{feedback}</p> : null}
      {error ? <ErrorNotice message={error} /> : null}
    </section>
  );
}
