/** @module Small shared displays: loading line, error notice (with text, never colour alone), success notice. */
import type { ApiError } from './api-error.ts';
import { describeApiError } from './error-message.ts';
import { useI18n } from './i18n.tsx';

export function Loading() {
  const { t } = useI18n();
  return (
    <p class="loading" role="status">
      {t('app.loading')}
    </p>
  );
}

export function ErrorNotice({ error, message }: { error?: ApiError; message?: string }) {
  const { t } = useI18n();
  const text = message ?? (error ? describeApiError(error, t) : '');
  return (
    <p class="notice notice-error" role="alert">
      <span class="error-prefix">{t('error.prefix')}</span> {text}
    </p>
  );
}

export function SuccessNotice({ message }: { message: string }) {
  return (
    <p class="notice notice-success" role="status">
      {message}
    </p>
  );
}
