/** @module /t/:territory/trajet — my commute profile: what Maille keeps (cells, not points), the form, the distance, delete. */
import { PageHeading } from '../core/page-heading.tsx';
import { paths } from '../core/paths.ts';
import { useSession } from '../core/session.tsx';
import { SignInRequired } from '../core/sign-in-required.tsx';
import { ErrorNotice, Loading } from '../core/status.tsx';
import { useMobilityI18n } from '../core/use-mobility-i18n.ts';
import { CommuteForm } from './commute-form.tsx';
import { ProfileSummary } from './profile-summary.tsx';
import { isResident, useProfile } from './use-profile.ts';

export function CommutePage({ territory: slug }: { territory: string }) {
  const { m } = useMobilityI18n();
  const { me } = useSession();
  const profile = useProfile(slug);
  if (me === undefined) return <Loading />;
  if (me === null) return <SignInRequired slug={slug} title={m('commute.title')} />;
  if (isResident(me, slug) && !profile.data && !profile.error) return <Loading />;
  const current = profile.data?.profile ?? null;
  return (
    <div class="page">
      <PageHeading title={m('commute.title')} />
      <p class="lead">{m('commute.intro')}</p>
      <p class="notice notice-info">{m('commute.privacy')}</p>
      {profile.error ? <ErrorNotice error={profile.error} /> : null}
      {current ? (
        <>
          <ProfileSummary slug={slug} profile={current} onDeleted={() => profile.setData({ profile: null })} />
          <p class="actions">
            <a class="button" href={paths.carpool(slug)}>{m('commute.toCarpool')}</a>
            <a class="button" href={paths.myImpact(slug)}>{m('commute.toImpact')}</a>
          </p>
        </>
      ) : null}
      <section aria-labelledby="commute-form-title">
        <h2 id="commute-form-title">{current ? m('commute.edit') : m('commute.create')}</h2>
        <CommuteForm key={current?.updatedAt ?? 'new'} slug={slug} initial={current} onSaved={(saved) => profile.setData({ profile: saved })} />
      </section>
    </div>
  );
}
