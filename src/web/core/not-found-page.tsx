/** @module 404 page for any address the router does not know. */
import { useI18n } from './i18n.tsx';
import { PageHeading } from './page-heading.tsx';
import { paths } from './paths.ts';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <section class="page">
      <PageHeading title={t('notFound.title')} />
      <p>{t('notFound.text')}</p>
      <p>
        <a href={paths.root()}>{t('notFound.home')}</a>
      </p>
    </section>
  );
}
