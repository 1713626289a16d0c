// How the browser scripts start Debian's Chromium through playwright-core.

/**
 * The flags known to work on this project's machines (a closed network: without the
 * background-networking flags Chromium keeps trying to reach Google's hosts).
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
