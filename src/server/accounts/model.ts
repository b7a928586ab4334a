/** @module Pure account rules: e-mail normalisation, password policy, reset and verification link lifetimes. */

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;
export const RESET_TOKEN_MINUTES = 60;
/** A verification link lasts two days: long enough to find the mail, short enough to expire if forgotten. */
export const VERIFY_TOKEN_HOURS = 48;

/** E-mails compare case-insensitively and without surrounding spaces. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The domain part of an e-mail, lower-case (for e-mail-domain communities). */
export function emailDomain(email: string): string {
  return normaliseEmail(email).split('@').pop() ?? '';
}

/** A password passes when it is long enough and not a single repeated character. */
export function passwordProblem(password: string): string | null {
  if (password.length < PASSWORD_MIN) return `must have at least ${PASSWORD_MIN} characters`;
  if (password.length > PASSWORD_MAX) return `must have at most ${PASSWORD_MAX} characters`;
  if (new Set(password).size < 4) return 'must not be made of so few different characters';
  return null;
}
