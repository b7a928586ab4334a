/** @module The CSRF token sent with cookie-authenticated writes: cookie `maille_csrf`, else the one from GET /api/me. */

let rememberedToken = '';

/** Value of one cookie in a `document.cookie` string, or "" when absent. */
export function readCookie(cookieHeader: string, name: string): string {
  for (const part of cookieHeader.split(';')) {
    const [rawName, ...rest] = part.trim().split('=');
    if (rawName === name) return decodeURIComponent(rest.join('='));
  }
  return '';
}

export function rememberCsrfToken(token: string): void {
  rememberedToken = token;
}

export function currentCsrfToken(): string {
  const fromCookie = typeof document === 'undefined' ? '' : readCookie(document.cookie, 'maille_csrf');
  return fromCookie || rememberedToken;
}
