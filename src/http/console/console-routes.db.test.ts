// The console's two pages in each language, over a small real portfolio after a few cycles: Chinese
// by default, English once chosen with ?lang=en and remembered by the cookie on the next page, back
// to Chinese the same way; each page wholly in its language (no Chinese on an English page but the
// link back to Chinese, no English catalogue text on a Chinese page), html lang and
// Content-Language following the locale, and the reply marked as varying with the cookie; amounts in
// the locale's format with their currency.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/database.ts';
import { openTestDatabase } from '../../../test/support/test-database.ts';
import { addTestUser, signInThroughForm } from '../../../test/support/staff-access.ts';
import { insertAccount, insertBorrower, insertProduct } from '../../../test/support/ledger-fixture.ts';
import { runCycle } from '../../app/cycle/run-cycle.ts';
import { addDays } from '../../stdx/civil-date.ts';
import { MESSAGES } from '../i18n/messages.ts';
import { buildApp } from '../app.ts';

const PAGES = ['/console', '/console/settings'];
const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

let db: Db;
let app: FastifyInstance;
let session: string;

before(async () => {
  db = await openTestDatabase();
  // A penalty high enough to put the product above the cost cap, so its flag is rendered too.
  await insertProduct(db, { id: 'loan', interestRateBp: 1800, penaltyRatePpmPerDay: 5000, graceDays: 3 });
  const borrower = await insertBorrower(db, 'wang');
  await insertAccount(db, { externalId: 'W1', borrowerId: borrower, productId: 'loan', openedOn: '2026-02-01',
    installments: [{ dueDate: '2026-03-01', principal: 100000n, interest: 1000n }] });
  for (let date = '2026-03-01'; date <= '2026-03-05'; date = addDays(date, 1)) {
    assert.ok((await runCycle({ db, asOf: date })).ok);
  }
  app = await buildApp({ db, settingsSource: 'FAIRCOLLECT_SETTINGS lender.yaml' });
  await addTestUser(db, 'mgr', 'manager');
  session = (await signInThroughForm(app, 'mgr')).cookie;
});
after(async () => {
  await app.close();
  await db.close();
});

async function get(url: string, cookie?: string) {
  const response = await app.inject({
    method: 'GET', url, headers: { cookie: cookie === undefined ? session : `${session}; ${cookie}` },
  });
  assert.equal(response.statusCode, 200, url);
  const lang = /<html lang="([^"]*)">/.exec(response.body)?.[1];
  return { body: response.body, headers: response.headers, lang };
}

test('Chinese by default; ?lang=en switches and is remembered; ?lang=zh-CN switches back', async () => {
  const first = await get('/console');
  assert.deepEqual([first.lang, first.headers['content-language'], first.headers['set-cookie']],
    ['zh-CN', 'zh-CN', undefined]);
  assert.equal(first.headers.vary, 'cookie');
  assert.ok(first.body.includes(
    '<a class="language" href="/console?lang=en" hreflang="en" lang="en">English</a>'));
  assert.match(first.body, /<h1>资产组合 <span class="muted">· 截至 2026-03-05 · 策略 /);

  const english = await get('/console?lang=en');
  assert.deepEqual([english.lang, english.headers['content-language'], english.headers['set-cookie']],
    ['en', 'en', 'lang=en; Max-Age=31536000; Path=/; SameSite=Lax']);
  assert.match(english.body, /<h1>Portfolio <span class="muted">· as of 2026-03-05 · strategy /);
  assert.ok(english.body.includes(
    '<a class="language" href="/console?lang=zh-CN" hreflang="zh-CN" lang="zh-CN">中文</a>'));

  const settings = await get('/console/settings', 'lang=en');
  assert.equal(settings.lang, 'en');
  assert.match(settings.body, /<h1>Settings and strategy in force<\/h1>/);
  assert.ok(settings.body.includes(
    '<p id="settings-source">Source: <code>FAIRCOLLECT_SETTINGS lender.yaml</code></p>'));
  assert.ok(settings.body.includes('href="/console/settings?lang=zh-CN"'), 'the switch keeps the page');

  const back = await get('/console/settings?lang=zh-CN', 'lang=en');
  assert.deepEqual([back.lang, back.headers['set-cookie']],
    ['zh-CN', 'lang=zh-CN; Max-Age=31536000; Path=/; SameSite=Lax']);
  assert.equal((await get('/console?lang=fr', 'lang=en')).lang, 'zh-CN', 'an unknown language is Chinese');
  assert.equal((await get('/console', 'lang=fr')).lang, 'zh-CN', 'so is an unknown cookie');
  assert.equal((await get('/console', 'session=x; lang=en ; theme=dark')).lang, 'en',
    'the cookie among others');
  assert.equal((await get('/console', 'xlang=en')).lang, 'zh-CN', 'a cookie whose name only ends in lang');
  assert.equal((await get('/console', 'lang')).lang, 'zh-CN', 'a cookie without a value');
});

test('an English page holds no Chinese but the link back to Chinese', async () => {
  for (const page of PAGES) {
    const { body } = await get(page, 'lang=en');
    assert.ok(body.includes('above cap') || page !== '/console', 'the cost flag is rendered');
    const outside = body.replace(/<a class="language"[^>]*lang="zh-CN">[^<]*<\/a>/, '');
    const at = CJK.exec(outside)?.index;
    assert.equal(at, undefined, `${page}: ${outside.slice(Math.max(0, (at ?? 0) - 80), (at ?? 0) + 40)}`);
  }
});

test('a Chinese page holds no English text of the catalogue', async () => {
  const english = Object.entries(MESSAGES.en)
    .filter(([key, text]) => text !== MESSAGES['zh-CN'][key as keyof typeof MESSAGES.en])
    .flatMap(([, text]) => text.split(/\{\w+\}/))
    .filter((fragment) => (fragment.match(/[A-Za-z]/g) ?? []).length >= 4);
  for (const page of PAGES) {
    const { body } = await get(page);
    assert.ok(body.includes('超过上限') || page !== '/console', 'the cost flag is rendered');
    // Commands and codes are written the same in every language.
    const visible = body
      .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>|<code[^>]*>[^<]*<\/code>/g, '')
      .replaceAll('&#39;', '\'');
    assert.deepEqual(english.filter((fragment) => visible.includes(fragment)), [], page);
  }
});

test('amounts carry their currency in the reader\'s format, never as bare decimals', async () => {
  const totalRow = /<tr><th>[^<]*<\/th><th>1<\/th><th>100%<\/th><th>([^<]*)<\/th><th>([^<]*)<\/th><\/tr>/;
  const totals = (body: string) => totalRow.exec(body)?.slice(1);
  assert.deepEqual(totals((await get('/console')).body), ['¥1,030.00', '¥1,030.00']);
  assert.deepEqual(totals((await get('/console', 'lang=en')).body), ['CN¥1,030.00', 'CN¥1,030.00']);
  assert.ok((await get('/console')).body
    .includes('<td>M0</td><td>0</td><td>0.0%</td><td>¥0.00</td><td>¥0.00</td>'));
  const threshold = (body: string) => /<tr><td>field_visit_or_agency<\/td><td>61<\/td><td>([^<]*)<\/td>/
    .exec(body)?.[1];
  assert.equal(threshold((await get('/console/settings')).body), '¥3,000.00, US$500.00');
  assert.equal(threshold((await get('/console/settings', 'lang=en')).body), 'CN¥3,000.00, $500.00');
});
