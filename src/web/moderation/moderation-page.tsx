/** @module /t/:territory/moderation — the moderation queue: operators see the territory, organisers their communities. */
import { PageHeading } from '../core/page-heading.tsx';
import { useSession } from '../core/session.tsx';
import { SignInRequired } from '../core/sign-in-required.tsx';
import { Loading } from '../core/status.tsx';
import { ModerationQueue } from './moderation-queue.tsx';
import { useModerationI18n } from './use-moderation-i18n.ts';

export function ModerationPage({ territory: slug }: { territory: string }) {
  const { s } = useModerationI18n();
  const { me } = useSession();
  if (me === undefined) return <Loading />;
  if (me === null) return <SignInRequired slug={slug} title={s('queue.title')} />;
  return (
    <div class="page">
      <PageHeading title={s('queue.title')} />
      <ModerationQueue slug={slug} intro />
    </div>
  );
}
