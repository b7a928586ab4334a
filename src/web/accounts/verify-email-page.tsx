/** @module Opens the e-mailed verification link /verifier?token=…: the address becomes the account's, verified. */
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { callApi } from '../core/api.ts';
import { toApiError } from '../core/api-error.ts';
import { useI18n } from '../core/i18n.tsx';
import { PageHeading } from '../core/page-heading.tsx';
import { paths } from '../core/paths.ts';
import { useSession } from '../core/session.tsx';
import { ErrorNotice, Loading, SuccessNotice } from '../core/status.tsx';
import type { VerifiedEmail } from '../core/types.ts';

type State = { kind: 'checking' } | { kind: 'done'; email: string } | { kind: 'failed'; conflict: boolean };

export function VerifyEmailPage() {
  const { t } = useI18n();
  const { query } = useLocation();
  const { me, refresh } = useSession();
  const token = query['token'] ?? '';
  const [state, setState] = useState<State>(token === '' ? { kind: 'failed', conflict: false } : { kind: 'checking' });

  // The link is opened once, when the page loads: a mail client's preview fetches the page, never this call.
  useEffect(() => {
    if (token === '') return;
    let live = true;
    callApi<VerifiedEmail>('POST', '/auth/verify-email', { body: { token } })
      .then(async ({ email }) => {
        if (!live) return;
        setState({ kind: 'done', email });
        await refresh().catch(() => null);
      })
      .catch((error: unknown) => live && setState({ kind: 'failed', conflict: toApiError(error).code === 'conflict' }));
    return () => {
      live = false;
    };
  }, [token]);

  const slug = me?.territories[0]?.slug;
  return (
    <section class="page page-narrow">
      <PageHeading title={t('verify.title')} />
      {state.kind === 'checking' ? <Loading /> : null}
      {state.kind === 'done' ? <SuccessNotice message={t('verify.done', { email: state.email })} /> : null}
      {state.kind === 'failed' ? <ErrorNotice message={t(state.conflict ? 'verify.taken' : 'verify.badToken')} /> : null}
      {state.kind !== 'checking' && slug ? (
        <p>
          <a href={paths.account(slug)}>{t('account.title')}</a>
        </p>
      ) : null}
    </section>
  );
}
