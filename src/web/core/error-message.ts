/** @module The user-facing sentence for an ApiError, in the current language. */
import type { MessageKey } from '../i18n/translate.ts';
import type { ApiError } from './api-error.ts';

export function describeApiError(error: ApiError, t: (key: MessageKey) => string): string {
  const generic = t(`error.${error.code}` as MessageKey);
  // Validation details name the precise rule broken; other details may be internal wording.
  return error.code === 'invalid' && error.detail ? `${generic} (${error.detail})` : generic;
}
