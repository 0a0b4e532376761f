/**
 * Pasted web pages arrive wrapped in site chrome: navigation and sign-up lines before the
 * headline, newsletter pitches and copyright lines after the body, ad markers in between. These
 * patterns recognise such lines so they are neither taken for the headline nor stored as body.
 */
/** Newsletter and sign-up pitches: sites put them above the headline as well as below the body. */
const SIGN_UP = ['subscribe to our newsletters?.*', 'sign up (for|to) .*newsletter.*', 'get (our|the) .*newsletter.*'];
/** Cookie-consent banners: at the top of most pages, at the bottom of some. */
const COOKIE_CONSENT = ['we use cookies.*', 'this (web)?site uses cookies.*', 'accept( all)?( cookies)?', '(manage|reject( all)?) cookies', 'cookie (settings|preferences)'];

const HEAD_CHROME = new RegExp(
  '^(' +
    [
      ...SIGN_UP,
      ...COOKIE_CONSENT,
      'home',
      'menu',
      'open menu',
      'close menu',
      'toggle navigation',
      'skip to (main )?content',
      'contact( us)?',
      'about( us)?',
      'subscribe( now)?',
      'sign in',
      'sign up',
      'log ?in',
      'log ?out',
      'register',
      'search',
      'share',
      'newsletters?',
      'follow us',
      'donate',
      'support us',
      'advertise( with us)?',
      'advertisement',
      'sponsored( content)?',
      'latest( news)?',
      'trending',
      'live',
      'world',
      'politics',
      'business',
      'opinion',
      'sport',
      'sports',
      'privacy( policy)?',
      'terms( of (use|service))?',
      'english',
      'français',
      'deutsch',
      'español',
      'русский',
      'українська',
    ].join('|') +
    ')$',
  'iu',
);

const TAIL_CHROME = new RegExp(
  '^(' +
    [
      ...SIGN_UP,
      ...COOKIE_CONSENT,
      'share (this|on) .*',
      'share this( (article|story))?:?',
      'related( (articles|stories|news|coverage))?:?',
      'read (more|next|also):?.*',
      'more from .*',
      'most read',
      'follow us on .*',
      '(©|\\(c\\)|copyright).*',
      'all rights reserved.*',
      'tags?:.*',
      'topics?:.*',
      'comments?( \\(\\d+\\))?',
      'leave a (comment|reply)',
      'report an error',
      'contact us',
      'advertisement',
      'print',
      'email',
    ].join('|') +
    ')$',
  'iu',
);

/** Ad placeholders that publishing systems leave in copied text, e.g. "[ad_1]". */
const AD_MARKER = /^(\[ad_?\d*\]|\[advertisement\]|advertisement|ad|–? ?advertisement ?–?)$/iu;

/**
 * A photo credit, alone or closing a caption: "Photo: Reuters/Ivan Petrov", "… in Vienna. Photo:
 * Reuters/Ivan Petrov", "(Photo by Ana Ruiz/AFP)". The credit ends the line without a full stop,
 * so a body line that only mentions a photo, or a caption line of sentences, is kept.
 */
const PHOTO_CREDIT = /(?:^|(?<=[.!?…]\s))\(?(?:photo(?:graph)?s?|pictures?|images?|foto)(?: credits?)?\s*(?::|by\b)\s*([^.!?:“”"«»]{1,80})$/iu;
/** Caption lines are short; longer lines are body and are not matched at all. */
const MAX_CAPTION = 300;
/** Lower-case words a credit's names may hold ("Ivan Petrov via Reuters", "Office of the President"). */
const CREDIT_JOINERS = new Set(['via', 'for', 'and', 'of', 'the', 'de', 'da', 'del', 'van', 'von', 'der', 'la', 'le', '&']);

/**
 * Whether what follows "Photo:" names who took it: an agency path ("Reuters/Ivan Petrov") or a few
 * capitalised names. A headline such as "Photos: crowds gather in Listra" names no one and stays.
 */
function namesCredit(credit: string): boolean {
  const words = credit.replace(/\)$/u, '').trim().split(/\s+/u);
  if (credit.includes('/')) return /\p{L}/u.test(credit);
  return words.length <= 6 && words.every((word) => /^[\p{Lu}\p{N}]/u.test(word) || CREDIT_JOINERS.has(word));
}

/** "Home | World | Politics" and similar rows of short navigation items. */
function isNavigationRow(line: string): boolean {
  const items = line.split(/\s*[|•·»›]\s*/u).filter(Boolean);
  return items.length >= 3 && items.every((item) => item.length <= 24 && !/[.!?]$/.test(item));
}

export function isAdMarker(line: string): boolean {
  return AD_MARKER.test(line.trim());
}

export function isPhotoCredit(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed.length > MAX_CAPTION) return false;
  const credit = PHOTO_CREDIT.exec(trimmed);
  return credit !== null && namesCredit(credit[1]!);
}

export function isHeadChrome(line: string): boolean {
  const trimmed = line.trim();
  return HEAD_CHROME.test(trimmed) || isAdMarker(trimmed) || isPhotoCredit(trimmed) || isNavigationRow(trimmed);
}

export function isTailChrome(line: string): boolean {
  const trimmed = line.trim();
  return TAIL_CHROME.test(trimmed) || isAdMarker(trimmed) || isPhotoCredit(trimmed) || isNavigationRow(trimmed);
}

/**
 * Removes chrome lines before the first real line and after the last one, and stand-alone ad
 * markers and photo credits anywhere. Lines of the body are kept exactly.
 */
export function stripSiteChrome(text: string): string {
  const lines = text.split('\n');
  let start = 0;
  while (start < lines.length && (lines[start]!.trim() === '' || isHeadChrome(lines[start]!))) start++;
  let end = lines.length;
  while (end > start && (lines[end - 1]!.trim() === '' || isTailChrome(lines[end - 1]!))) end--;
  const kept = lines.slice(start, end).filter((line) => !isAdMarker(line) && !isPhotoCredit(line));
  // The text itself when every line stays, so a caller can tell that nothing was removed.
  return kept.length === lines.length ? text : kept.join('\n');
}
