// The compliance officer's audit page over a real trail of 54 events: newest first, a page of
// AUDIT_PAGE_ROWS with a link to the older events that keeps the filters, each filter narrowing
// to exactly the events it names (empty form fields meaning "any"), both languages, and a bad
// filter refused with 400 naming its field.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/database.ts';
import { AUDIT_PAGE_ROWS } from '../../config/limits.ts';
import { openTestDatabase } from '../../../test/support/test-database.ts';
import { createStaffAccess } from '../../../test/support/staff-access.ts';
import { appendPaymentEvents, CYCLE } from '../../../test/support/audit-fixture.ts';
import { appendAuditEvent } from '../../app/audit/append-audit-event.ts';
import { buildApp } from '../app.ts';

let db: Db;
let app: FastifyInstance;
let auth: { authorization: string };

before(async () => {
  db = await openTestDatabase();
  // The test's own tokens are created first: their events are the trail's oldest.
  auth = (await createStaffAccess(db)).headers('compliance_officer');
  await appendPaymentEvents(db, 52);
  await appendAuditEvent(db, {
    context: CYCLE, action: 'case.assigned', subjectKind: 'case', subjectId: '41', borrowerId: 7n,
    at: new Date('2026-03-02T01:00:00Z'), detail: { team: 'east', agent: 'wang.wei' },
  });
  await appendAuditEvent(db, {
    context: { actorKind: 'token', actor: 'dialler-1', sourceIp: '2001:db8::5', requestId: 'req-99' },
    action: 'pii.revealed', subjectKind: 'contact_point', subjectId: '12', borrowerId: 7n,
    at: new Date('2026-03-02T03:00:00Z'), detail: { field: 'value', masked: '138****5678', purpose: 'dial' },
  });
  app = await buildApp({ db });
});
after(async () => {
  await app.close();
  await db.close();
});

async function page(query: string, cookie?: string) {
  const response = await app.inject({
    method: 'GET', url: `/console/audit${query}`, headers: cookie === undefined ? auth : { ...auth, cookie },
  });
  assert.equal(response.statusCode, 200, `${query}: ${response.body.slice(0, 300)}`);
  const subjectCell = /<td>[^<]* <code>([^<]*)<\/code><\/td><td>[^<]*<\/td><td><code class/g;
  const subjects = [...response.body.matchAll(subjectCell)].map((match) => match[1]);
  const link = /<a href="([^"]*)" id="audit-older">/.exec(response.body)?.[1];
  const older = link?.replaceAll('&amp;', '&') ?? null;
  return { body: response.body, subjects, older };
}

const payments = (from: number, to: number) =>
  Array.from({ length: from - to + 1 }, (_, index) => `P${from - index}`);

test('every event, newest first, a page at a time, in Chinese by default', async () => {
  const first = await page('');
  assert.match(first.body, /<html lang="zh-CN">/);
  assert.match(first.body, /<h1>审计日志<\/h1>/);
  assert.ok(first.body.includes('<a href="/console/audit">审计日志</a>'), 'the navigation links the page');
  assert.deepEqual(first.subjects, ['12', '41', ...payments(52, 5)]);
  assert.equal(first.subjects.length, AUDIT_PAGE_ROWS);
  assert.ok(first.body.includes('接口令牌 <code>dialler-1</code></td><td>2001:db8::5 · req-99</td>'));
  assert.ok(first.body.includes(
    '{&quot;field&quot;:&quot;value&quot;,&quot;masked&quot;:&quot;138****5678&quot;'));
  assert.ok(first.older !== null);
  const second = await page(first.older.replace('/console/audit', ''));
  assert.deepEqual(second.subjects.slice(0, 4), payments(4, 1));
  const older = second.subjects.slice(4);
  assert.ok(older.every((subject) => subject?.startsWith('test-') === true), 'then the tokens');
  assert.equal(second.older, null);
  assert.ok(second.body.includes('<a href="/console/audit" id="audit-newest">'));

  const english = await page('?lang=en');
  assert.match(english.body, /<h1>Audit trail<\/h1>/);
  assert.ok(english.body.includes('system <code>cycle</code></td><td>— · —</td>'));
});

test('each filter narrows to the events it names; empty fields mean any', async () => {
  const cases: [string, string[]][] = [
    ['?actor=cycle', ['41']],
    ['?action=pii.revealed', ['12']],
    ['?subjectKind=payment&subjectId=P7', ['P7']],
    ['?borrowerId=7', ['12', '41']],
    ['?borrowerId=1&from=2026-03-01T02:40:00Z&to=2026-03-01T02:46:00Z', ['P44', 'P42', 'P40']],
    ['?from=2026-03-02T09:30:00%2B08:00', ['12']],
    ['?actor=&action=&subjectKind=&subjectId=&borrowerId=7&from=&to=', ['12', '41']],
    ['?actor=nobody', []],
  ];
  for (const [query, subjects] of cases) assert.deepEqual((await page(query)).subjects, subjects, query);
  const filtered = await page('?actor=nobody');
  assert.ok(filtered.body.includes('<p id="audit-none">没有符合条件的审计记录。</p>'));
  assert.ok(filtered.body.includes('name="actor" value="nobody"'), 'the form keeps the filter');
  const older = (await page('?subjectKind=payment')).older;
  assert.ok(older !== null && older.includes('subjectKind=payment&before='), older ?? 'no link');
});

test('a bad filter is refused with 400 naming its field', async () => {
  const cases: [string, string][] = [
    ['?borrowerId=abc', 'borrowerId'],
    ['?from=yesterday', 'from'],
    ['?to=2026-02-30T00:00:00Z', 'to'],
    ['?action=user.hacked', 'action'],
    ['?subjectKind=Payment%20Row', 'subjectKind'],
    ['?before=-1', 'before'],
    [`?actor=${'x'.repeat(300)}`, 'actor'],
    ['?unknown=1', 'unknown'],
    ['?from=2026-03-02T00:00:00Z&to=2026-03-02T08:00:00%2B08:00', 'to'],
  ];
  for (const [query, field] of cases) {
    const response = await app.inject({ method: 'GET', url: `/console/audit${query}`, headers: auth });
    assert.equal(response.statusCode, 400, query);
    assert.equal(response.json().error.field, field, query);
  }
});
