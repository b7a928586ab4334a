/** @module Demo outbox: the mails Maille "sent" (GET /api/dev/mail), newest first, links clickable; for a signed-in admin only. */
import { useI18n } from '../core/i18n.tsx';
import { PageHeading } from '../core/page-heading.tsx';
import { useSession } from '../core/session.tsx';
import { SignInRequired } from '../core/sign-in-required.tsx';
import { ErrorNotice, Loading } from '../core/status.tsx';
import type { MailItem } from '../core/types.ts';
import { useFetch } from '../core/use-fetch.ts';
import { useDefaultTerritorySlug } from '../territories/load-territory.ts';
import { linkify } from './linkify.ts';
import { isAdminSomewhere } from './use-dev-mail.ts';

function MailText({ text }: { text: string }) {
  return (
    <pre class="mail-text">
      {linkify(text).map((part, index) => (part.href ? <a key={index} href={part.href}>{part.text}</a> : part.text))}
    </pre>
  );
}

export function MailOutboxPage() {
  const { t, formatDate } = useI18n();
  const { me } = useSession();
  const fallback = useDefaultTerritorySlug();
  const admin = isAdminSomewhere(me);
  // Reset links are in there: asked for only by an admin, and the server checks again.
  const outbox = useFetch<{ items: MailItem[] }>(admin ? '/dev/mail' : null);
  if (me === undefined) return <Loading />;
  if (me === null) return fallback ? <SignInRequired slug={fallback} title={t('dev.title')} /> : <Loading />;
  if (!admin) {
    return (
      <div class="page">
        <PageHeading title={t('dev.title')} />
        <p>{t('dev.adminOnly')}</p>
      </div>
    );
  }
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
