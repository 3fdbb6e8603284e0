// Two journeys of people at work, in Chromium against the real server on the embedded database with
// the demo's people and a small demo portfolio whose cases were assigned to the team's collector.
// The demo supervisor signs in, opens the team board from the navigation, moves a case from the
// collector to the field collector by hand and sees the board say so; the move is in the assignment
// history and the audit trail. The demo agency collector opens an account that is not placed with
// their agency and is refused: the account's page is not theirs to read (403), and asking the gate
// about the account answers 404 (out of scope reads as unknown), while an account placed with the
// agency is answered. The board passes the accessibility checks in both languages on a desktop and a
// phone, logs no error and asks nothing of another origin; screenshots go to artifacts/screenshots/.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { businessDate } from '../../src/app/calendar/business-date.ts';
import { assignCases } from '../../src/app/desk/assign-cases.ts';
import { prepareDemo } from '../../src/cli/run-demo.ts';
import { startServer } from '../../src/cli/serve-http.ts';
import type { Db } from '../../src/db/database.ts';
import { addDays } from '../../src/stdx/civil-date.ts';
import { fixedClock } from '../../src/stdx/clock.ts';
import { openTestDatabase } from '../support/test-database.ts';
import { checkAccessibility } from './check-accessibility.ts';
import { browserSkipReason, launchBrowser, takeScreenshot } from './launch-browser.ts';
import { signIn } from './sign-in.ts';

const NOW = new Date('2026-06-15T02:00:00Z');
const TODAY = businessDate(NOW);
const VIEWPORTS = {
  desktop: { viewport: { width: 1280, height: 800 } },
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
} as const;

type Visit = { page: Page; context: BrowserContext; requests: string[]; errors: string[] };

const SUITE = 'the supervisor board and an agency collector\'s scope in Chromium';

describe(SUITE, { skip: browserSkipReason() }, () => {
  let browser: Browser;
  let db: Db;
  let app: FastifyInstance;
  let origin: string;
  /** An account placed with the demo agency, and one that is not. */
  let placed: string;
  let notPlaced: string;

  before(async () => {
    browser = await launchBrowser();
    db = await openTestDatabase();
    await prepareDemo({ db, borrowers: 20, days: 3, seed: 42, today: TODAY });
    const assigned = await assignCases({ db, teamId: 'cn-east', actor: 'system:assignment', now: NOW });
    assert.ok(assigned.ok);
    const accounts = await db.query<{ id: bigint; external_id: string; borrower_id: bigint }>(
      'SELECT id, external_id, borrower_id FROM account ORDER BY id LIMIT 2');
    await db.query(`INSERT INTO placement (account_id, borrower_id, agency_id, placed_on)
      VALUES ($1, $2, 'demo-agency', $3)`, [accounts[0]!.id, accounts[0]!.borrower_id, addDays(TODAY, -5)]);
    [placed, notPlaced] = accounts.map((account) => account.external_id) as [string, string];
    const started = await startServer({ db, host: '127.0.0.1', port: 0, clock: fixedClock(NOW) });
    app = started.app;
    origin = started.notice.origin;
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    await db?.close();
  });

  /** Signs a demo user in for a path in a fresh context, recording requests and errors. */
  async function visit(username: string, path: string, device: keyof typeof VIEWPORTS): Promise<Visit & {
    status: number | undefined;
  }> {
    const context = await browser.newContext(VIEWPORTS[device]);
    const requests: string[] = [];
    const errors: string[] = [];
    context.on('request', (request) => requests.push(request.url()));
    context.on('requestfailed', (request) => errors.push(`request failed: ${request.url()}`));
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()} (${message.location().url})`);
    });
    page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
    const response = await signIn(page, origin, username, path);
    return { page, context, requests, errors, status: response?.status() };
  }

  test('the supervisor opens the board from the navigation and moves a case to the field collector',
    async () => {
      const { page, context, requests, errors, status } = await visit('supervisor', '/console', 'desktop');
      assert.equal(status, 200);
      await page.getByRole('link', { name: '团队看板', exact: true }).click();
      await page.waitForURL(`${origin}/console/team`);
      assert.match(await page.locator('h1').innerText(),
        /^华东催收一组 East China team 1 · 团队看板 · 今日 2026-06-15/);
      assert.deepEqual(await page.locator('h2').allInnerTexts().then((texts) => texts.map((h) => h.split(' ')[0])),
        ['各阶段工作队列', '组员今日工作', '本组在催案件']);
      const members = await page.locator('#team-members tbody tr').evaluateAll(
        (rows) => rows.map((row) => row.getAttribute('data-username')));
      assert.deepEqual(members, ['collector', 'field', 'supervisor']);

      const row = page.locator('#team-cases tbody tr')
        .filter({ has: page.locator('td.owner', { hasText: /^collector$/ }) }).first();
      const caseId = await row.getAttribute('data-case');
      assert.ok(caseId !== null, 'the collector owns a case');
      await row.getByRole('combobox', { name: `案件 ${caseId} 的新负责人` })
        .selectOption({ label: '赵外访 Field Collector Zhao (field)' });
      await row.getByRole('button', { name: '改派' }).click();
      await page.waitForURL(`${origin}/console/team?team=cn-east&moved=${caseId}`);
      assert.equal(await page.locator('#team-notice').innerText(),
        `案件 ${caseId} 已改派，改派已记入分配历史和审计日志。`);
      assert.equal(await page.locator(`#team-cases tr[data-case="${caseId}"] td.owner`).innerText(), 'field');
      await takeScreenshot(page, 'console-team-reassigned-zh-CN-desktop');

      const history = await db.query(`SELECT u.username, a.assigned_by, a.reason, a.ended_at IS NULL AS open
        FROM case_assignment a JOIN staff_user u ON u.id = a.user_id WHERE a.case_id = $1 ORDER BY a.id`,
      [caseId]);
      assert.deepEqual(history, [
        { username: 'collector', assigned_by: 'system:assignment', reason: 'automatic', open: false },
        { username: 'field', assigned_by: 'user:supervisor', reason: 'manual', open: true },
      ]);
      const [event] = await db.query(`SELECT actor_kind, actor, source_ip FROM audit_event
        WHERE action = 'case.assigned' AND subject_kind = 'case' AND subject_id = $1`, [caseId]);
      assert.deepEqual(event, { actor_kind: 'user', actor: 'user:supervisor', source_ip: '127.0.0.1' });
      assert.deepEqual(errors, []);
      assert.deepEqual(requests.filter((url) => !url.startsWith(`${origin}/`)), []);
      await context.close();
    });

  test('the agency collector is refused an account not placed with their agency', async () => {
    const { page, context, status } = await visit('agency', `/api/v1/accounts/${notPlaced}`, 'desktop');
    assert.equal(status, 403, 'the account\'s page is not an agency collector\'s to read');
    const shown = JSON.parse(await page.locator('body').innerText()) as { error: { reason: string } };
    assert.equal(shown.error.reason, 'permission_denied');
    await takeScreenshot(page, 'agency-account-refused');
    // The gate is the agency collector's way to an account; its token comes with any page's form.
    await page.goto(`${origin}/sign-in`);
    const csrf = await page.locator('input[name="_csrf"]').getAttribute('value');
    const check = async (accountId: string) => page.evaluate(CONTACT_CHECK, { accountId, csrf });
    const refused = await check(notPlaced);
    assert.deepEqual([refused.status, refused.reason], [404, 'unknown_account']);
    const answered = await check(placed);
    assert.equal(answered.status, 200, JSON.stringify(answered));
    await context.close();
  });

  for (const locale of ['zh-CN', 'en'] as const) {
    for (const device of ['desktop', 'phone'] as const) {
      test(`the board in ${locale} on a ${device}: accessible, no error, no request off the server`,
        async () => {
          const { page, context, requests, errors, status } = await visit('supervisor',
            `/console/team?lang=${locale}`, device);
          assert.equal(status, 200);
          assert.equal(await page.locator('html').getAttribute('lang'), locale);
          await takeScreenshot(page, `console-team-${locale}-${device}`);
          assert.deepEqual(await checkAccessibility(page), []);
          assert.equal(await page.evaluate(SIDEWAYS_OVERFLOW), 0, 'the page is no wider than the screen');
          assert.deepEqual(errors, []);
          assert.deepEqual(requests.filter((url) => !url.startsWith(`${origin}/`)), []);
          await context.close();
        });
    }
  }
});

// Code run in the page, as source text or a function: the project's TypeScript knows Node's types,
// not the DOM's, so the page's globals are reached through globalThis.

/** Asks the gate about an account as the signed-in person, with the page's CSRF token. */
async function CONTACT_CHECK(input: { accountId: string; csrf: string | null }) {
  const response = await (globalThis as unknown as { fetch: typeof fetch }).fetch('/api/v1/contact-checks', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': input.csrf ?? '' },
    body: JSON.stringify({ accountId: input.accountId, channel: 'voice' }),
  });
  const body = await response.json() as { error?: { reason?: string } };
  return { status: response.status, reason: body.error?.reason ?? null };
}
const SIDEWAYS_OVERFLOW = 'document.documentElement.scrollWidth - document.documentElement.clientWidth';
