/** Debian's Chromium, started the way the end-to-end tests start it. */
export const CHROMIUM_PATH = process.env.GAINSAY_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
