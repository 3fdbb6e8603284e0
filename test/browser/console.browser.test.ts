// The supervisor's console as a person sees it, in Chromium: the real server on the embedded database
// with a small demo portfolio after a few cycle days, under a settings file that tightens China's
// calling hours to 09:00–20:00. The portfolio page is in Chinese by default and draws its roll-rate
// chart with the ECharts we serve (every request the page makes is recorded, and none may leave
// 127.0.0.1); the settings page shows the tightened hours, the legal bound and the active strategy
// version. A reader clicks the English link, stays in English on the next page (the cookie) and
// switches back, without JavaScript. Amounts carry their currency in the reader's format. Both pages,
// in both languages, pass the accessibility checks, log no error and fit a phone's width; each is
// saved as a full-page screenshot at desktop and phone width in artifacts/screenshots/.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { loadConfiguredPolicy } from '../../src/app/settings/load-lender-policy.ts';
import { loadActiveStrategy } from '../../src/app/strategy/active-strategy.ts';
import { businessDate } from '../../src/app/calendar/business-date.ts';
import { prepareDemo } from '../../src/cli/run-demo.ts';
import { startServer } from '../../src/cli/serve-http.ts';
import { signIn } from './sign-in.ts';
import { readConfig } from '../../src/config/config.ts';
import type { Db } from '../../src/db/database.ts';
import { openTestDatabase } from '../support/test-database.ts';
import { checkAccessibility } from './check-accessibility.ts';
import { browserSkipReason, launchBrowser, takeScreenshot } from './launch-browser.ts';

const BORROWERS = 20;
const DAYS = 3;
const TODAY = businessDate(new Date('2026-06-15T04:00:00Z'));
const TIGHT_HOURS = 'CN:\n  quiet_hours: { allowed_start: "09:00", allowed_end: "20:00" }\n';
const VIEWPORTS = {
  desktop: { viewport: { width: 1280, height: 800 } },
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
} as const;
/** Every page in every locale, for the checks each must pass. */
const PAGES = ['/console', '/console/settings']
  .flatMap((path) => (['zh-CN', 'en'] as const).map((locale) => [path, locale] as const));
/** Non-transparent pixels of the chart's canvas below which it counts as not drawn. */
const CHART_PIXELS_MIN = 2_000;

type Visit = { page: Page; context: BrowserContext; requests: string[]; errors: string[] };

describe('the console in Chromium', { skip: browserSkipReason() }, () => {
  const directory = mkdtempSync(join(tmpdir(), 'faircollect-browser-'));
  let browser: Browser;
  let db: Db;
  let app: FastifyInstance;
  let origin: string;

  before(async () => {
    const settings = join(directory, 'lender.yaml');
    writeFileSync(settings, TIGHT_HOURS);
    const config = readConfig({ FAIRCOLLECT_SETTINGS: settings });
    assert.ok(config.ok);
    const loaded = await loadConfiguredPolicy(config.config);
    assert.ok(loaded.ok);
    browser = await launchBrowser();
    db = await openTestDatabase();
    const { demoSeed } = config.config;
    const { gate } = loaded.policy;
    await prepareDemo({ db, borrowers: BORROWERS, days: DAYS, seed: demoSeed, today: TODAY, gate });
    const started = await startServer({ db, host: '127.0.0.1', port: 0, policy: loaded.policy });
    app = started.app;
    origin = started.notice.origin;
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    await db?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  /** Opens a path in a fresh context, recording every request and every error the page reports. */
  async function visit(path: string, device: keyof typeof VIEWPORTS): Promise<Visit> {
    const context = await browser.newContext(VIEWPORTS[device]);
    const requests: string[] = [];
    const errors: string[] = [];
    context.on('request', (request) => requests.push(request.url()));
    context.on('requestfailed', (request) => errors.push(`request failed: ${request.url()}`));
    context.on('response', (response) => {
      if (response.status() >= 400) errors.push(`${response.status()}: ${response.url()}`);
    });
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()} (${message.location().url})`);
    });
    page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
    const response = await signIn(page, origin, 'manager', path);
    assert.equal(response?.status(), 200);
    assert.equal(new URL(page.url()).pathname + new URL(page.url()).search, path);
    return { page, context, requests, errors };
  }

  test('/console: zh-CN by default, the roll-rate chart drawn from our own origin', async () => {
      const { page, context, requests, errors } = await visit('/console', 'desktop');
      assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
      assert.match(await page.locator('h1').innerText(), /^资产组合 · 截至 2026-06-15 · 策略 /);
      assert.deepEqual(await page.locator('h2').allInnerTexts(), [
        '账龄', '迁徙率 各账龄段每个批处理日迁入更后账龄段的比例', '各阶段在催案件', '产品',
      ]);
      await page.waitForFunction(`${DRAWN_PIXELS} >= ${CHART_PIXELS_MIN}`);
      const { buckets } = (await loadActiveStrategy(db)).strategy;
      assert.equal(await page.evaluate(CHART_SERIES), buckets.length - 1, 'one line per pair of buckets');
      const label = await page.locator('#roll-chart').getAttribute('aria-label');
      assert.match(label ?? '', /^迁徙率折线图，最近一日 2026-06-15：M0→M1 \d+\.\d\d%，/);
      // Amounts in the reader's format with their currency, never bare decimals.
      const total = await page.locator('table.aging[data-currency="CNY"] tbody tr').last().locator('th')
        .allInnerTexts();
      assert.match(total[3] ?? '', /^¥\d{1,3}(,\d{3})*\.\d\d$/, total.join(' | '));
      assert.match(total[4] ?? '', /^¥\d{1,3}(,\d{3})*\.\d\d$/, total.join(' | '));
      assert.ok(requests.includes(`${origin}/assets/echarts.min.js`), requests.join('\n'));
      const elsewhere = requests.filter((url) => !url.startsWith(`${origin}/`));
      assert.deepEqual(elsewhere, [], 'no request leaves the server');
      assert.deepEqual(errors, []);
      await context.close();
    });

  test('/console/settings: the tightened calling hours, the legal bound, the active strategy version',
    async () => {
      const { page, context } = await visit('/console/settings', 'desktop');
      const row = (key: string) => page.locator(`table[data-pack="CN"] tr[data-key="${key}"]`);
      const cells = (key: string) => row(key).locator('td').allInnerTexts();
      assert.deepEqual(await cells('quiet_hours.allowed_start'),
        ['quiet_hours.allowed_start', '09:00 · 机构设置', '08:00', '08:00', 'CN-GBT-01']);
      assert.deepEqual(await cells('quiet_hours.allowed_end'),
        ['quiet_hours.allowed_end', '20:00 · 机构设置', '22:00', '22:00', 'CN-GBT-01']);
      assert.ok(await row('quiet_hours.allowed_start').isVisible());
      const { version } = await loadActiveStrategy(db);
      assert.equal(await page.locator('#strategy-version').innerText(), version);
      assert.deepEqual(await page.locator('#strategy-versions tbody tr')
        .filter({ hasText: version }).locator('td').nth(2).innerText(), '生效');
      await context.close();
    });

  test('the language switch: English by a link, remembered on the next page, and back to Chinese',
    async () => {
      const { page, context, errors } = await visit('/console', 'desktop');
      await page.getByRole('link', { name: 'English', exact: true }).click();
      await page.waitForURL(`${origin}/console?lang=en`);
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      assert.match(await page.locator('h1').innerText(), /^Portfolio · as of 2026-06-15 · strategy /);
      assert.deepEqual(await page.locator('h2').allInnerTexts(), [
        'Aging', 'Roll rates share of each bucket that moved to a later bucket, per cycle day',
        'Open cases by stage', 'Products',
      ]);
      assert.match(await page.locator('#roll-chart').getAttribute('aria-label') ?? '',
        /^Roll-rate line chart, latest day 2026-06-15: M0→M1 \d+\.\d\d%, /);
      assert.match(await page.locator('table.aging[data-currency="CNY"] tbody tr').last().locator('th').nth(3)
        .innerText(), /^CN¥\d{1,3}(,\d{3})*\.\d\d$/, 'yuan in English name their country');
      const [cookie] = (await context.cookies()).filter((each) => each.name === 'lang');
      assert.deepEqual([cookie?.value, cookie?.path, cookie?.sameSite, cookie?.httpOnly],
        ['en', '/', 'Lax', false]);

      await page.getByRole('link', { name: 'Settings', exact: true }).click();
      await page.waitForURL(`${origin}/console/settings`);
      assert.equal(await page.locator('html').getAttribute('lang'), 'en', 'the cookie keeps English');
      assert.equal(await page.locator('h1').innerText(), 'Settings and strategy in force');
      const start = page.locator('table[data-pack="CN"] tr[data-key="quiet_hours.allowed_start"] td');
      assert.deepEqual(await start.allInnerTexts(),
        ['quiet_hours.allowed_start', '09:00 · set by lender', '08:00', '08:00', 'CN-GBT-01']);

      await page.getByRole('link', { name: '中文', exact: true }).click();
      await page.waitForURL(`${origin}/console/settings?lang=zh-CN`);
      assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
      assert.equal(await page.locator('h1').innerText(), '现行设置与策略');
      await page.getByRole('link', { name: '资产组合', exact: true }).click();
      await page.waitForURL(`${origin}/console`);
      assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN', 'the cookie keeps Chinese');
      assert.deepEqual(errors, []);
      await context.close();
    });

  for (const [path, locale] of PAGES) {
    for (const device of ['desktop', 'phone'] as const) {
      test(`${path} in ${locale} on a ${device}: accessible, no error, no request off the server, `
        + 'no sideways scroll',
        async () => {
          const { page, context, requests, errors } = await visit(`${path}?lang=${locale}`, device);
          assert.equal(await page.locator('html').getAttribute('lang'), locale);
          if (path === '/console') await page.waitForFunction(`${DRAWN_PIXELS} > 0`);
          // Taken first, so that a failing check below leaves the picture of what failed.
          await takeScreenshot(page, `${path.slice(1).replaceAll('/', '-')}-${locale}-${device}`);
          assert.deepEqual(await checkAccessibility(page), []);
          assert.deepEqual(await page.evaluate(SIDEWAYS_OVERFLOW), 0, 'the page is no wider than the screen');
          assert.deepEqual(errors, []);
          assert.deepEqual(requests.filter((url) => !url.startsWith(`${origin}/`)), []);
          await context.close();
        });
    }
  }
});

// Expressions evaluated in the page, as source text: the project's TypeScript knows Node's types,
// not the DOM's.

/** How many pixels of the roll-rate chart's canvas are painted. */
const DRAWN_PIXELS = `(() => {
  const canvas = document.querySelector('#roll-chart canvas');
  if (canvas === null || canvas.width === 0) return 0;
  const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
  let painted = 0;
  for (let alpha = 3; alpha < data.length; alpha += 4) if (data[alpha] !== 0) painted += 1;
  return painted;
})()`;
const CHART_SERIES =
  "echarts.getInstanceByDom(document.getElementById('roll-chart')).getOption().series.length";
const SIDEWAYS_OVERFLOW = 'document.documentElement.scrollWidth - document.documentElement.clientWidth';
