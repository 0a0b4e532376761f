import fs from 'node:fs';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
};

export interface StaticFile {
  body: Buffer;
  type: string;
  /** The Cache-Control header to send with it (see `cachePolicy`). */
  cacheControl: string;
}

/**
 * How long a browser may keep a file without asking again. The index page is asked for every
 * time, so a new build is seen at once; the bundles Vite names by their content (under assets/)
 * never change under their name; anything else (the icon) is kept for an hour. Without a policy
 * Chromium fetched the icon again at every change of the address, that is at every article opened,
 * and drew it again while the article was being drawn.
 */
function cachePolicy(relative: string): string {
  if (relative === 'index.html') return 'no-cache';
  if (relative.startsWith('assets/')) return 'max-age=31536000, immutable';
  return 'max-age=3600';
}

/**
 * Resolves a URL path to a file inside `root`, refusing anything that would escape it.
 * `/` is the app's index page. Returns null for anything not found.
 */
export function readStaticFile(root: string, urlPath: string): StaticFile | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const base = path.resolve(root);
  const file = path.resolve(base, relative);
  if (file !== base && !file.startsWith(base + path.sep)) return null;
  try {
    if (!fs.statSync(file).isFile()) return null;
    return { body: fs.readFileSync(file), type: TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream', cacheControl: cachePolicy(relative) };
  } catch {
    return null;
  }
}
