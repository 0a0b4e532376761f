/**
 * The Content-Security-Policy of the UI, identical for the desktop window and browser mode.
 * No inline script, no eval, no remote origins: imported text is never rendered as HTML, and this
 * policy is the second line if that ever fails.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
