/** @module Previous / next page links with a "page n of m" status; absent when everything fits on one page. */
import { useI18n } from '../core/i18n.tsx';

export function Pagination({ page, pages, hrefOf }: { page: number; pages: number; hrefOf: (page: number) => string }) {
  const { t } = useI18n();
  if (pages <= 1) return null;
  return (
    <nav class="pagination" aria-label={t('pagination.label')}>
      {page > 1 ? <a href={hrefOf(page - 1)} rel="prev">{t('pagination.previous')}</a> : null}
      <p aria-current="page">{t('pagination.status', { page, pages })}</p>
      {page < pages ? <a href={hrefOf(page + 1)} rel="next">{t('pagination.next')}</a> : null}
    </nav>
  );
}
