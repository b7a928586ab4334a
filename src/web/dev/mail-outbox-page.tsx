/** @module Development outbox: the mails Maille "sent" (GET /api/dev/mail), newest first, links clickable. */
import { useI18n } from '../core/i18n.tsx';
import { PageHeading } from '../core/page-heading.tsx';
import { ErrorNotice, Loading } from '../core/status.tsx';
import type { MailItem } from '../core/types.ts';
import { useFetch } from '../core/use-fetch.ts';
import { linkify } from './linkify.ts';

function MailText({ text }: { text: string }) {
  return (
    <pre class="mail-text">
      {linkify(text).map((part, index) => (part.href ? <a key={index} href={part.href}>{part.text}</a> : part.text))}
    </pre>
  );
}

export function MailOutboxPage() {
  const { t, formatDate } = useI18n();
  const outbox = useFetch<{ items: MailItem[] }>('/dev/mail');
  const items = [...(outbox.data?.items ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <div class="page">
      <PageHeading title={t('dev.title')} />
      <p>{t('dev.intro')}</p>
      {outbox.loading ? <Loading /> : null}
      {outbox.error ? <ErrorNotice message={outbox.error.code === 'not_found' ? t('dev.unavailable') : undefined} error={outbox.error} /> : null}
      {outbox.data && items.length === 0 ? <p>{t('dev.empty')}</p> : null}
      <ol class="mails">
        {items.map((mail) => (
          <li key={mail.id} class="card">
            <h2 class="card-title">{mail.subject}</h2>
            <p class="meta">
              {t('dev.to', { to: mail.to })} · {t('dev.sentAt', { date: formatDate(mail.createdAt) })}
            </p>
            <MailText text={mail.text} />
          </li>
        ))}
      </ol>
      <button type="button" class="button" onClick={outbox.reload}>
        {t('app.retry')}
      </button>
    </div>
  );
}
