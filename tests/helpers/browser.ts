/**
 * Chromium for browser tests: Debian's package (`/usr/bin/chromium`) or `CHROMIUM_PATH`, driven
 * by playwright-core (which gives each launch a fresh profile). Never a browser downloaded by a test tool. Where none is found, browser
 * tests are skipped — loudly, so a green run never hides that they did not run.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const chromiumPath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (path): path is string => Boolean(path && existsSync(path)),
);

if (!chromiumPath) {
  console.warn(
    '\n\u001b[33m!! BROWSER TESTS SKIPPED: no Chromium found at /usr/bin/chromium (apt-get install -y chromium) or CHROMIUM_PATH.\u001b[0m\n',
  );
}

/** Headless, sandbox-free (root in a container), and quiet: no request of Chromium's own leaves the machine. */
export const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

export async function launchChromium(): Promise<Browser> {
  if (!chromiumPath) throw new Error('no Chromium');
  return chromium.launch({ executablePath: chromiumPath, args: chromiumFlags });
}
