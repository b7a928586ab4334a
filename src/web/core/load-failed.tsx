/** @module Shown when a page's code could not be downloaded (offline, new deployment). */
import { useI18n } from './i18n.tsx';
import { PageHeading } from './page-heading.tsx';

export function LoadFailed() {
  const { t } = useI18n();
  return (
    <section class="page">
      <PageHeading title={t('app.name')} />
      <p role="alert">{t('app.loadFailed')}</p>
      <button type="button" class="button" onClick={() => location.reload()}>
        {t('app.retry')}
      </button>
    </section>
  );
}
