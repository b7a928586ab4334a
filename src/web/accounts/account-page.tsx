/** @module My account: profile and language, e-mail address (verified, changed), export of my data, deletion of the account. */
import { useI18n } from '../core/i18n.tsx';
import { PageHeading } from '../core/page-heading.tsx';
import { useSession } from '../core/session.tsx';
import { SignInRequired } from '../core/sign-in-required.tsx';
import { Loading } from '../core/status.tsx';
import { BlockedPeople } from '../moderation/blocked-people.tsx';
import { DeleteAccountForm } from './delete-account-form.tsx';
import { EmailForm } from './email-form.tsx';
import { ProfileForm } from './profile-form.tsx';

export function AccountPage({ territory: slug }: { territory: string }) {
  const { t } = useI18n();
  const { me } = useSession();
  if (me === undefined) return <Loading />;
  if (me === null) return <SignInRequired slug={slug} title={t('account.title')} />;
  return (
    <div class="page page-narrow">
      <PageHeading title={t('account.title')} />
      <ProfileForm me={me} />
      <EmailForm me={me} />
      <section aria-labelledby="data-title">
        <h2 id="data-title">{t('account.data')}</h2>
        <p>{t('account.exportIntro')}</p>
        {/* A plain download link: the server sends the JSON as an attachment with the session cookie. */}
        <a class="button" href="/api/me/export" download>
          {t('account.export')}
        </a>
      </section>
      <BlockedPeople slug={slug} />
      <DeleteAccountForm slug={slug} />
    </div>
  );
}
