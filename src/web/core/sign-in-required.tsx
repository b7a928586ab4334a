/** @module Shown instead of a page that needs an account, with sign-in and sign-up links that come back here. */
import { useLocation } from 'preact-iso';
import { useI18n } from './i18n.tsx';
import { PageHeading } from './page-heading.tsx';
import { paths } from './paths.ts';

export function SignInRequired({ slug, title }: { slug: string; title: string }) {
  const { t } = useI18n();
  const { url } = useLocation();
  return (
    <section class="page">
      <PageHeading title={title} />
      <p>{t('auth.required')}</p>
      <p class="actions">
        <a class="button button-primary" href={paths.signIn(slug, url)}>
          {t('home.signIn')}
        </a>
        <a class="button" href={paths.signUp(slug, url)}>
          {t('home.join')}
        </a>
      </p>
    </section>
  );
}
