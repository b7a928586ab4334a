/** @module The reminder shown while the signed-in person's address is not verified, with a button to send the link again. */
import { useState } from 'preact/hooks';
import { callApi } from '../core/api.ts';
import { toApiError } from '../core/api-error.ts';
import { useI18n } from '../core/i18n.tsx';
import { useSession } from '../core/session.tsx';

export function VerifyEmailNotice() {
  const { t } = useI18n();
  const { me } = useSession();
  const [answer, setAnswer] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!me || me.emailVerified || !me.email) return null;

  const resend = async () => {
    setBusy(true);
    try {
      await callApi('POST', '/me/email/verification');
      setAnswer(t('verify.sent', { email: me.pendingEmail ?? me.email }));
    } catch (error) {
      setAnswer(toApiError(error).code === 'rate_limited' ? t('verify.tooMany') : t('error.internal'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <aside class="notice notice-info verify-email-notice" aria-labelledby="verify-email-title">
      <p id="verify-email-title">
        <strong>{t('verify.pendingTitle')}</strong> {t('verify.pending', { email: me.email })}
      </p>
      <p>
        <button type="button" class="button" onClick={resend} disabled={busy}>
          {t('verify.resend')}
        </button>
      </p>
      {answer ? <p role="status">{answer}</p> : null}
    </aside>
  );
}
