/** @module Invite landing page: shows the community behind /invitation/:code and joins it with that code. */
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { territoryPath } from '../core/api.ts';
import { toApiError } from '../core/api-error.ts';
import { announce } from '../core/announce.ts';
import { useI18n } from '../core/i18n.tsx';
import { PageHeading } from '../core/page-heading.tsx';
import { paths } from '../core/paths.ts';
import { useSession } from '../core/session.tsx';
import { ErrorNotice, Loading } from '../core/status.tsx';
import type { InviteAnswer } from '../core/types.ts';
import { useFetch } from '../core/use-fetch.ts';
import { explainJoinError, joinCommunity } from './join-community.ts';
import { MemberCount } from './member-count.tsx';
import { useEnsureResident } from './use-ensure-resident.ts';

export function InvitePage({ territory: slug, code }: { territory: string; code: string }) {
  const { t } = useI18n();
  const { me } = useSession();
  const { url, route } = useLocation();
  const ensureResident = useEnsureResident(slug);
  const invite = useFetch<InviteAnswer>(territoryPath(slug, `/invites/${encodeURIComponent(code)}`));
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  if (invite.error) {
    return (
      <section class="page">
        <PageHeading title={t('invite.heading')} />
        <ErrorNotice message={invite.error.code === 'not_found' ? t('invite.invalid') : undefined} error={invite.error} />
      </section>
    );
  }
  if (!invite.data) return <Loading />;
  const { community } = invite.data;

  const join = () => {
    if (busy) return;
    setBusy(true);
    setError('');
    ensureResident()
      .then(() => joinCommunity(slug, community.id, code))
      .then((status) => {
        announce(t(status === 'pending' ? 'community.pendingNotice' : 'community.joined'));
        route(paths.community(slug, community.id));
      })
      .catch((caught: unknown) => {
        const apiError = toApiError(caught);
        if (apiError.code === 'conflict') route(paths.community(slug, community.id)); // already a member
        else setError(explainJoinError(apiError, { joinPolicy: 'invite' }, t));
      })
      .finally(() => setBusy(false));
  };

  return (
    <div class="page">
      <PageHeading title={t('invite.title', { name: community.name })} />
      <p>{t('invite.intro')}</p>
      <p class="meta">{t('community.kind', { kind: t(`kind.${community.kind}`) })}</p>
      <MemberCount count={community.memberCount} />
      {community.description ? <p class="description">{community.description}</p> : null}
      {error ? <ErrorNotice message={error} /> : null}
      {me === null ? (
        <div class="panel">
          <p>{t('community.signInToJoin')}</p>
          <p class="actions">
            <a class="button button-primary" href={paths.signIn(slug, url)}>{t('home.signIn')}</a>
            <a class="button" href={paths.signUp(slug, url)}>{t('home.join')}</a>
          </p>
        </div>
      ) : me ? (
        <p class="actions">
          <button type="button" class="button button-primary" onClick={join} aria-disabled={busy ? 'true' : undefined}>
            {t('community.join')}
          </button>
          <a class="button" href={paths.community(slug, community.id)}>{t('invite.view')}</a>
        </p>
      ) : null}
    </div>
  );
}
