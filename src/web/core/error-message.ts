/** @module The user-facing sentence for an ApiError, in the current language. */
import { isMessageKey, type MessageKey } from '../i18n/translate.ts';
import type { ApiError } from './api-error.ts';

export function describeApiError(error: ApiError, t: (key: MessageKey) => string): string {
  // A code this build does not know yet (a newer server) reads as the generic server error.
  const key = `error.${error.code}`;
  const generic = t(isMessageKey(key) ? key : 'error.internal');
  // Validation details name the precise rule broken; other details may be internal wording.
  return error.code === 'invalid' && error.detail ? `${generic} (${error.detail})` : generic;
}
