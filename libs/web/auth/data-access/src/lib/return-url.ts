/** Where to go after signing in when there is no usable return URL. */
export const DEFAULT_RETURN_URL = '/';

/** The sign-in page's own path; never a place to return to. */
export const SIGN_IN_PATH = '/sign-in';

/**
 * The return URL if it is a path inside this app (`/frameworks?q=x`), otherwise `null`.
 * Rejects absolute and protocol-relative URLs (`https://evil.test`, `//evil.test`, `/\evil.test`),
 * any scheme (`javascript:`), control characters, and the sign-in page itself.
 */
export function safeReturnUrl(value: string | null | undefined): string | null {
  if (!value || !value.startsWith('/')) return null;
  if (value.startsWith('//') || value.startsWith('/\\')) return null;
  // Browsers strip tabs and newlines from URLs, which would turn "/\t/evil.test" into "//evil.test".
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return null;
  const path = value.split(/[?#]/, 1)[0];
  if (path === SIGN_IN_PATH || path.startsWith(`${SIGN_IN_PATH}/`)) return null;
  return value;
}
