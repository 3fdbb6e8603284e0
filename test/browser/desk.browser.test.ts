// The collector's journey in Chromium, on the real server over the embedded database with a small
// demo portfolio (its cycles run, its cases assigned to team cn-east), at a fixed noon in Shanghai:
// the demo's collector signs in through the form, lands on the desk, takes the next case with the
// N key; the top case of their queue asked to be called back in two hours, so it is skipped and the
// page says when it opens, counting down. On the case they reserve a call (the full number shows
// only then) and record a promise with the keyboard and the form; the promise is stored with the
// amount and date typed, and shown in the timeline in yuan; then they record a time the person said
// is inconvenient, which the page lists and the live gate cites at once. Every page passes the accessibility
// checks, logs no error and asks nothing of any other origin; screenshots go to
// artifacts/screenshots/.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { businessDate } from '../../src/app/calendar/business-date.ts';
import { listQueue } from '../../src/app/desk/list-queue.ts';
import { prepareDemo } from '../../src/cli/run-demo.ts';
import { startServer } from '../../src/cli/serve-http.ts';
import type { Db } from '../../src/db/database.ts';
import { fixedClock } from '../../src/stdx/clock.ts';
import { openTestDatabase } from '../support/test-database.ts';
import { checkAccessibility } from './check-accessibility.ts';
import { browserSkipReason, launchBrowser, takeScreenshot } from './launch-browser.ts';
import { signIn } from './sign-in.ts';

const NOW = new Date('2026-06-15T04:00:00Z');
const TODAY = businessDate(NOW);
const BORROWERS = 60;
const DAYS = 2;

describe('the collector\'s desk in Chromium', { skip: browserSkipReason() }, () => {
  let browser: Browser;
  let db: Db;
  let app: FastifyInstance;
  let origin: string;
  let context: BrowserContext;
  let page: Page;
  const requests: string[] = [];
  const errors: string[] = [];
  let skippedCase: string;

  before(async () => {
    browser = await launchBrowser();
    db = await openTestDatabase();
    await prepareDemo({ db, borrowers: BORROWERS, days: DAYS, seed: 7, today: TODAY });
    const [collector] = await db.query<{ id: bigint }>(`SELECT id FROM staff_user WHERE username = 'collector'`);
    const queue = await listQueue({ db, teamId: 'cn-east', userId: String(collector!.id), asOf: TODAY, now: NOW });
    assert.ok(queue.length >= 2, `the demo collector has a queue (${queue.length})`);
    // The top case asked to be called at 14:00: the gate denies it now and says when it opens.
    skippedCase = String(queue[0]!.caseId);
    await db.query(`INSERT INTO agreement (borrower_id, party_id, kind, channel, starts_at, recorded_at,
      recorded_by) VALUES ($1, $1, 'callback', 'voice', '2026-06-15T06:00:00Z', '2026-06-15T01:00:00Z',
      'user:collector')`, [queue[0]!.borrowerId]);
    const started = await startServer({ db, host: '127.0.0.1', port: 0, clock: fixedClock(NOW) });
    app = started.app;
    origin = started.notice.origin;
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.on('request', (request) => requests.push(request.url()));
    context.on('response', (response) => {
      if (response.status() >= 400) errors.push(`${response.status()}: ${response.url()}`);
    });
    page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await app?.close();
    await db?.close();
  });

  test('a collector signs in, takes the next case, sees a denial counting down, reserves and records a promise',
    async () => {
      const landed = await signIn(page, origin, 'collector', '/desk');
      assert.equal(landed?.status(), 200);
      assert.equal(new URL(page.url()).pathname, '/desk');
      assert.equal(await page.locator('h1').innerText(), '催收工作台');
      assert.ok(await page.locator('#desk-queue tbody tr').count() >= 2);
      assert.deepEqual(await checkAccessibility(page), [], '/desk');
      await takeScreenshot(page, 'desk-queue');

      await page.keyboard.press('n');
      await page.waitForURL(/\/desk\/cases\/\d+\?skipped=/);
      const skipped = page.locator(`#desk-skipped tr[data-case-id="${skippedCase}"]`);
      assert.match(await skipped.innerText(), /14:00 起允许 ?（(120|119) 分钟后）/);
      assert.match(await skipped.innerText(), /CN-CIVIL-01：对方约定的回拨时间未到/);
      assert.equal(await skipped.locator('time').getAttribute('datetime'), '2026-06-15T06:00:00.000Z');
      assert.ok(await page.locator('#desk-gate').isVisible());
      assert.deepEqual(await checkAccessibility(page), [], 'the case page');
      await takeScreenshot(page, 'desk-case-skipped');

      const reserve = page.locator('button[data-key="r"]');
      assert.equal(await reserve.count(), 1, 'an allowed number to reserve');
      await page.keyboard.press('r');
      await page.locator('#desk-dial').waitFor();
      assert.match(await page.locator('#desk-dial').innerText(), /\d{11}/, 'the full number, to dial');
      assert.deepEqual(await checkAccessibility(page), [], 'the reserved call');
      await takeScreenshot(page, 'desk-call-reserved');

      await page.keyboard.press('8');
      assert.equal(await page.locator('input[name="outcome"][value="promise_to_pay"]').isChecked(), true);
      await page.fill('input[name="amount"]', '300.00');
      await page.keyboard.press('9');
      assert.equal(await page.locator('input[name="outcome"][value="promise_to_pay"]').isChecked(), true,
        'a key typed in a field is not a shortcut');
      assert.equal(await page.inputValue('input[name="amount"]'), '300.009');
      await page.fill('input[name="amount"]', '300.00');
      await page.fill('input[name="dueOn"]', '2026-06-20');
      await page.fill('textarea[name="note"]', 'pays on Saturday');
      await page.click('#record-outcome');
      await page.waitForURL(/notice=recorded/);
      assert.equal(await page.locator('#desk-notice').innerText(), '通话结果已记录。');
      const promise = page.locator('#desk-timeline tr[data-kind="promise"]').first();
      assert.match(await promise.innerText(), /2026-06-20 前还 ¥300\.00：未到期（user:collector）/);
      assert.equal(await page.locator('#desk-dial').count(), 0, 'the number is gone with the reservation');
      assert.deepEqual(await checkAccessibility(page), [], 'after the outcome');
      await takeScreenshot(page, 'desk-promise-recorded');

      // What the person said on the call: "not between 00:00 and 23:59", which the gate reads at once.
      await page.fill('#desk-facts-time-form input[name="from"]', '00:00');
      await page.fill('#desk-facts-time-form input[name="until"]', '23:59');
      await page.click('#desk-facts-time-form button[type="submit"]');
      await page.waitForURL(/notice=fact_recorded/);
      assert.match(await page.locator('#desk-facts-inconveniences').innerText(), /每天 00:00–23:59 不便/);
      assert.match(await page.locator('#desk-gate tr[data-channel="voice"]').first().innerText(),
        /对方表示此时不便/);
      assert.deepEqual(await checkAccessibility(page), [], 'after a fact is recorded');
      await takeScreenshot(page, 'desk-fact-recorded');

      const [stored] = await db.query<{ amount_minor: bigint; due_on: string }>(
        `SELECT amount_minor, due_on FROM promise_to_pay WHERE recorded_by = 'user:collector'`);
      assert.deepEqual(stored, { amount_minor: 30000n, due_on: '2026-06-20' });
      assert.ok(requests.includes(`${origin}/assets/htmx.min.js`));
      assert.equal(requests.filter((url) => url.endsWith('/outcome')).length, 1, 'one outcome posted');
      assert.equal(requests.filter((url) => url.endsWith('/facts/inconvenient-time')).length, 1, 'one fact posted');
      assert.equal(requests.filter((url) => url.endsWith('/assets/htmx.min.js')).length, 1, 'htmx loaded once');
      assert.deepEqual(requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:')), []);
      assert.deepEqual(errors, []);
    });

  test('the desk in English on a phone: accessible, fitting the width, without errors', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const failures: string[] = [];
    phone.on('response', (response) => {
      if (response.status() >= 400) failures.push(`${response.status()}: ${response.url()}`);
    });
    const small = await phone.newPage();
    small.on('pageerror', (error) => failures.push(`page: ${error.message}`));
    await signIn(small, origin, 'collector', '/desk?lang=en');
    assert.equal(await small.locator('html').getAttribute('lang'), 'en');
    assert.equal(await small.locator('h1').innerText(), 'Collector\'s desk');
    await small.goto(`${origin}/desk/cases/${skippedCase}`, { waitUntil: 'load' });
    const voice = small.locator('#desk-gate tr[data-channel="voice"]').first();
    assert.match(await voice.innerText(), /not now[\s\S]*CN-CIVIL-01: the callback time the person asked for has not come/);
    assert.match(await voice.innerText(), /allowed from 14:00 \(in \d+ min\)/);
    assert.deepEqual(await checkAccessibility(small), [], 'the case page in English');
    const wide = await small.evaluate('document.documentElement.scrollWidth');
    assert.ok(Number(wide) <= 390 + 1, `the page fits a phone (${String(wide)} px)`);
    await takeScreenshot(small, 'desk-case-phone-en');
    assert.deepEqual(failures, []);
    await phone.close();
  });
});
