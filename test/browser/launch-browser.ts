import { accessSync, constants, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

/**
 * The browser tests drive the Chromium that Debian packages (`apt-get install chromium`), never a
 * downloaded one: CHROMIUM_PATH, or /usr/bin/chromium. Like an unreachable PostgreSQL in
 * scripts/test.ts, a missing Chromium skips these tests with a message on a newcomer's machine, and
 * fails them in CI (CI=true) or with FAIRCOLLECT_REQUIRE_BROWSER=1, so CI never passes without them.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const BROWSER_REQUIRED = process.env.CI === 'true' || process.env.FAIRCOLLECT_REQUIRE_BROWSER === '1';
/** Ignored by git (artifacts/ in .gitignore): CI keeps them, a reviewer looks at them. */
const SCREENSHOTS = fileURLToPath(new URL('../../artifacts/screenshots/', import.meta.url));

function chromiumMissing(): string | null {
  try {
    accessSync(CHROMIUM_PATH, constants.X_OK);
    return null;
  } catch (error) {
    return `Chromium is not installed at ${CHROMIUM_PATH} (${(error as NodeJS.ErrnoException).code})`;
  }
}

/**
 * The `skip` option of the browser suites: false when Chromium is there, or when it is required (the
 * suite then runs and fails at launch); otherwise the reason printed beside each skipped suite.
 */
export function browserSkipReason(): string | false {
  const missing = chromiumMissing();
  if (missing === null || BROWSER_REQUIRED) return false;
  return `${missing}: browser tests SKIPPED. Install it with \`apt-get install chromium\` `
    + 'or set CHROMIUM_PATH; they are mandatory in CI.';
}

export async function launchBrowser(): Promise<Browser> {
  const missing = chromiumMissing();
  if (missing !== null) {
    throw new Error(`${missing}. The browser tests are mandatory in CI `
      + '(CI=true or FAIRCOLLECT_REQUIRE_BROWSER=1): install it with `apt-get install chromium` '
      + 'or set CHROMIUM_PATH.');
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH });
}

/** A full-page screenshot as artifacts/screenshots/NAME.png; returns its path. */
export async function takeScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = `${SCREENSHOTS}${name}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}
