/** @module Request and response schemas of notification routes, and the types its use-cases return. */
import { Type, type Static } from 'typebox';
import { DateTime, IdParam, Nullable, StringEnum } from '../core/http/schemas.ts';
import { JsonObject } from '../audit/index.ts';
import { EMAIL_PREFERENCES } from './email-preference.ts';


export const Notification = Type.Object({
  id: Type.String(),
  territoryId: Nullable(Type.String()),
  kind: Type.String({ description: 'stable kind, e.g. `commitment.succeeded`; the web app words it from `kind` and `params`' }),
  params: JsonObject('the values the wording of this kind needs (ids, names, counts)'),
  link: Nullable(Type.String({ description: 'a web path, e.g. /t/dijon/engagements/12' })),
  createdAt: DateTime,
  readAt: Nullable(DateTime),
});
export type Notification = Static<typeof Notification>;

export const NotificationList = Type.Object({ items: Type.Array(Notification), unread: Type.Integer({ description: 'all my unread notifications, not only those listed' }) });
export type NotificationList = Static<typeof NotificationList>;
export const NotificationQuery = Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })) }, { additionalProperties: false });
export const NotificationParams = Type.Object({ id: IdParam });

export const EmailPreference = StringEnum(EMAIL_PREFERENCES);
export type EmailPreference = Static<typeof EmailPreference>;
export const Preferences = Type.Object({
  email: EmailPreference,
  hasEmail: Type.Boolean({ description: 'whether the account has an address at all (an assisted account may not): mail needs one' }),
  lastDigestAt: Nullable(DateTime),
});
export type Preferences = Static<typeof Preferences>;
export const PreferencesBody = Type.Object({ email: EmailPreference }, { additionalProperties: false });
