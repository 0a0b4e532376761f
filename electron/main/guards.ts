/**
 * The desktop shell's security decisions as small pure functions, so they are unit-tested here
 * and only wired up in main.ts.
 */

/** The UI is served from this origin by the app's own protocol handler. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'gainsay';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

function parse(url: string | undefined | null): URL | null {
  if (!url) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

export function isAppUrl(url: string | undefined | null): boolean {
  const parsed = parse(url);
  return parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
}

/** IPC is answered only for frames showing our own UI (not iframes of anything else, not remote pages). */
export function isTrustedSender(frameUrl: string | undefined | null): boolean {
  return isAppUrl(frameUrl);
}

/** In-window navigation only ever stays inside the app. */
export function isNavigationAllowed(url: string): boolean {
  return isAppUrl(url);
}

/** Links the user may open in the system browser (after confirming): http(s) only. */
export function isExternalLinkAllowed(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.hostname !== '';
}
