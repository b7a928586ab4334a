/** @module /notifications — what Maille told me (milestones, nudges, "did you do it?"), newest first; mark one or all read. */
import { callApi } from '../core/api.ts';
import { announce } from '../core/announce.ts';
import { PageHeading } from '../core/page-heading.tsx';
import { useSession } from '../core/session.tsx';
import { ErrorNotice, Loading } from '../core/status.tsx';
import { useFetch } from '../core/use-fetch.ts';
import { useMobilityI18n } from '../core/use-mobility-i18n.ts';
import { paths } from '../core/paths.ts';
import { mobilityFr, type MobilityKey } from '../i18n/mobility-fr.ts';
import { numberParam, textParam, type AppNotification, type NotificationList } from './types.ts';
import { notificationsChanged } from './use-unread-count.ts';
import { EmailPreferenceForm } from '../moderation/email-preference-form.tsx';
import { useModerationI18n } from '../moderation/use-moderation-i18n.ts';
import { moderationFr, type ModerationKey } from '../i18n/moderation-fr.ts';
import { mutualAidFr, type AidKey } from '../i18n/mutual-aid-fr.ts';
import { useAidI18n } from '../mutual-aid/use-aid-i18n.ts';
import { volunteeringFr, type VolunteeringKey } from '../i18n/volunteering-fr.ts';
import { useVolunteeringI18n } from '../volunteering/use-volunteering-i18n.ts';
import { useCheckInsI18n } from '../check-ins/use-check-ins-i18n.ts';
import { checkInsFr, type CheckInKey } from '../i18n/check-ins-fr.ts';
import { carpoolNoticeLink, carpoolNoticeText, isCarpoolNotice } from '../carpool/notice-words.ts';
import { noticeLinkKey } from '../engagements/notice-link.ts';

/** The in-app wording of a notification from its kind and parameters. */
function useNotificationText(): (n: AppNotification) => string {
  const { m, locale } = useMobilityI18n();
  const { s } = useModerationI18n();
  const { a } = useAidI18n();
  const { v } = useVolunteeringI18n();
  const { c } = useCheckInsI18n();
  return (n) => {
    const text = (key: string) => textParam(n, key);
    if (isCarpoolNotice(n)) return carpoolNoticeText(n, m, locale);
    if (`notice.${n.kind}` in checkInsFr) {
      return c(`notice.${n.kind}` as CheckInKey, { resident: text('resident'), deadline: text('deadline'), by: text('by') });
    }
    if (`notice.${n.kind}` in mutualAidFr) {
      const kind = `kind.${text('kind')}` in mutualAidFr ? a(`kind.${text('kind')}` as AidKey).toLowerCase() : '';
      return a(`notice.${n.kind}` as AidKey, { kind, commune: text('commune'), message: text('message') });
    }
    if (`notice.${n.kind}` in volunteeringFr) {
      return v(`notice.${n.kind}` as VolunteeringKey, { title: text('title'), reason: text('reason') }).trim();
    }
    const notice = `notice.${n.kind}`;
    if (notice in moderationFr) {
      return s(notice as ModerationKey, { reason: text('reason') });
    }
    const key = `notifications.kind.${n.kind}`;
    if (!(key in mobilityFr)) return m('notifications.kind.other');
    return m(key as MobilityKey, { wording: text('wording'), remaining: numberParam(n, 'remaining') });
  };
}

export function NotificationsPage() {
  const { m, mp, formatDate, locale } = useMobilityI18n();
  const { me } = useSession();
  const list = useFetch<NotificationList>(me ? '/notifications' : null);
  const text = useNotificationText();
  if (me === undefined) return <Loading />;
  if (me === null) {
    return (
      <section class="page">
        <PageHeading title={m('notifications.title')} />
        <p>
          <a href={paths.root()}>{m('notifications.signIn')}</a>
        </p>
      </section>
    );
  }
  const markRead = async (n: AppNotification) => {
    await callApi('POST', `/notifications/${encodeURIComponent(n.id)}/read`);
    announce(m('notifications.marked'));
    notificationsChanged();
    list.reload();
  };
  const markAll = async () => {
    await callApi('POST', '/notifications/read');
    announce(m('notifications.markedAll'));
    notificationsChanged();
    list.reload();
  };
  const unread = list.data?.unread ?? 0;
  return (
    <div class="page">
      <PageHeading title={m('notifications.title')} />
      {list.error ? <ErrorNotice error={list.error} /> : null}
      {!list.data && !list.error ? <Loading /> : null}
      {list.data ? (
        <p class="actions">
          <span data-testid="notifications-unread">{mp('notifications.unread', unread)}</span>
          {unread > 0 ? (
            <button type="button" class="button" onClick={() => void markAll()}>
              {m('notifications.markAll')}
            </button>
          ) : null}
        </p>
      ) : null}
      {list.data?.items.length === 0 ? <p>{m('notifications.none')}</p> : null}
      <ul class="cards">
        {(list.data?.items ?? []).map((n) => (
          <li key={n.id} class={n.readAt ? 'card' : 'card card-unread'}>
            <p class="card-text">
              {n.readAt ? null : <span class="badge badge-pending">{m('notifications.new')}</span>} {text(n)}
            </p>
            <p class="card-text meta">{formatDate(n.createdAt)}</p>
            <p class="actions">
              {n.link ? (
                <a href={n.link} onClick={() => (n.readAt ? undefined : void markRead(n))}>
                  {isCarpoolNotice(n) ? carpoolNoticeLink(n, m, locale) : m(noticeLinkKey(n.link))}
                </a>
              ) : null}
              {n.readAt ? null : (
                <button type="button" class="button button-quiet" onClick={() => void markRead(n)}>
                  {m('notifications.markRead')}
                </button>
              )}
            </p>
          </li>
        ))}
      </ul>
      <EmailPreferenceForm />
    </div>
  );
}
