/** @module Join / leave a community, following its join policy (open, invite code, e-mail domain, approval). */
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { callApi, territoryPath } from '../core/api.ts';
import { toApiError, type ApiError } from '../core/api-error.ts';
import { announce } from '../core/announce.ts';
import { describeApiError } from '../core/error-message.ts';
import { useI18n } from '../core/i18n.tsx';
import { paths } from '../core/paths.ts';
import { useSession } from '../core/session.tsx';
import { ErrorNotice } from '../core/status.tsx';
import type { Community } from '../core/types.ts';
import { explainJoinError, joinCommunity } from './join-community.ts';
import { useEnsureResident } from './use-ensure-resident.ts';

export function JoinPanel({ slug, community, onChange }: { slug: string; community: Community; onChange: () => void }) {
  const { t } = useI18n();
  const { me } = useSession();
  const { url } = useLocation();
  const ensureResident = useEnsureResident(slug);
  const [inviteCode, setInviteCode] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const act = (work: () => Promise<string>, explain: (error: ApiError) => string) => {
    if (busy) return;
    setBusy(true);
    setError('');
    work()
      .then((message) => {
        announce(message);
        onChange();
      })
      .catch((caught: unknown) => setError(explain(toApiError(caught))))
      .finally(() => setBusy(false));
  };
  const join = (event: Event) => {
    event.preventDefault();
    act(async () => {
      await ensureResident();
      const status = await joinCommunity(slug, community.id, inviteCode.trim() || undefined);
      return t(status === 'pending' ? 'community.pendingNotice' : 'community.joined');
    }, (apiError) => explainJoinError(apiError, community, t));
  };
  const leave = () =>
    act(
      async () => {
        await callApi('POST', territoryPath(slug, `/communities/${encodeURIComponent(community.id)}/leave`));
        return t('community.left');
      },
      (apiError) => (apiError.code === 'conflict' ? t('community.lastOrganiser') : describeApiError(apiError, t)),
    );

  if (me === undefined) return null;
  if (me === null) {
    return (
      <div class="panel">
        <p>{t('community.signInToJoin')}</p>
        <p class="actions">
          <a class="button button-primary" href={paths.signIn(slug, url)}>{t('home.signIn')}</a>
          <a class="button" href={paths.signUp(slug, url)}>{t('home.join')}</a>
        </p>
      </div>
    );
  }
  const errorNotice = error ? <ErrorNotice message={error} /> : null;
  if (community.myStatus === 'active' || community.myStatus === 'pending') {
    return (
      <div class="panel">
        <p class={community.myStatus === 'pending' ? 'badge badge-pending' : 'badge'}>
          {t(community.myStatus === 'pending' ? 'community.pendingNotice' : 'community.joined')}
        </p>
        {community.myRole && community.myStatus === 'active' ? (
          <p>{t('community.yourRole', { role: t(`role.${community.myRole}`) })}</p>
        ) : null}
        {errorNotice}
        <button type="button" class="button" onClick={leave} aria-disabled={busy ? 'true' : undefined}>
          {t(community.myStatus === 'pending' ? 'community.cancelRequest' : 'community.leave')}
        </button>
      </div>
    );
  }
  return (
    <form class="panel" onSubmit={join} noValidate>
      {errorNotice}
      {community.joinPolicy === 'invite' ? (
        <div class="field">
          <label for="join-invite-code">{t('field.inviteCode')}</label>
          <input id="join-invite-code" value={inviteCode} autoComplete="off" onInput={(e) => setInviteCode(e.currentTarget.value)} />
        </div>
      ) : null}
      <button type="submit" class="button button-primary" aria-disabled={busy ? 'true' : undefined}>
        {t(community.joinPolicy === 'approval' ? 'community.requestJoin' : 'community.join')}
      </button>
    </form>
  );
}
