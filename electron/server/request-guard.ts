import { timingSafeEqual } from 'node:crypto';

/**
 * The checks browser mode applies to every request, as pure functions. Browser mode listens on
 * 127.0.0.1 only; these checks stop other web pages in the user's browser from reaching it:
 * a foreign Host header (DNS rebinding), a foreign Origin (cross-site requests) and a missing or
 * wrong per-run token (an API request's X-Gainsay-Token header).
 */

export const TOKEN_HEADER = 'x-gainsay-token';
/** Names the page a request comes from, so change events can skip the page that made the change. */
export const CLIENT_HEADER = 'x-gainsay-client';

export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host !== undefined && allowedHosts(port).includes(host.toLowerCase());
}

/** No Origin header (same-origin navigation, non-browser client) is fine; a present one must be ours. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return allowedHosts(port).some((host) => origin.toLowerCase() === `http://${host}`);
}

export function tokenMatches(given: string | null | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
