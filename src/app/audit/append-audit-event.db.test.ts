// The audit trail's writer against a real database: events chain (each prev_hash the hash before it,
// seq without gaps, the hash recomputable from what is stored), an event rolls back with its caller's
// transaction and leaves no gap, concurrent appenders on separate connections still make one unbroken
// chain, the database refuses UPDATE, DELETE and TRUNCATE, and a detail holding personal data in the
// clear is a bug the appender stops before anything is written.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Db } from '../../db/database.ts';
import { openTestDatabase } from '../../../test/support/test-database.ts';
import { appendPaymentEvents, COLLECTOR, CYCLE, paymentEvent } from '../../../test/support/audit-fixture.ts';
import { canonicalJson, sha256Hex } from '../../stdx/hash.ts';
import { appendAuditEvent } from './append-audit-event.ts';
import { GENESIS_HASH } from './audit-event-hash.ts';
import { verifyAuditChain } from './verify-audit-chain.ts';

let db: Db;
before(async () => {
  db = await openTestDatabase();
});
after(async () => {
  await db.close();
});

type StoredLink = { id: bigint; seq: bigint; prev_hash: string; hash: string };
const links = () => db.query<StoredLink>('SELECT id, seq, prev_hash, hash FROM audit_event ORDER BY id');

test('the first event starts the chain, and its hash is the documented canonical JSON', async () => {
  const appended = await appendAuditEvent(db, paymentEvent(1));
  const expected = sha256Hex(canonicalJson({
    action: 'payment.received', actor: 'li.na', actorKind: 'user', at: '2026-03-01T02:01:00.000Z',
    borrowerId: '2', detail: { amountMinor: '10001', channel: 'bank_transfer', currency: 'CNY' },
    prevHash: GENESIS_HASH, requestId: 'req-7', seq: '1', sourceIp: '10.1.2.3', subjectId: 'P1',
    subjectKind: 'payment',
  }));
  assert.deepEqual(appended, { id: appended.id, seq: 1n, hash: expected });
  const [row] = await db.query(`SELECT seq, prev_hash, actor_kind, actor, source_ip, request_id, action,
      subject_kind, subject_id, borrower_id, detail, at FROM audit_event`);
  assert.deepEqual(row, {
    seq: 1n, prev_hash: GENESIS_HASH, actor_kind: 'user', actor: 'li.na', source_ip: '10.1.2.3',
    request_id: 'req-7', action: 'payment.received', subject_kind: 'payment', subject_id: 'P1',
    borrower_id: 2n, detail: { amountMinor: '10001', channel: 'bank_transfer', currency: 'CNY' },
    at: new Date('2026-03-01T02:01:00.000Z'),
  });
});

test('each event chains to the one before it, and a rolled-back event leaves no gap', async () => {
  await appendPaymentEvents(db, 3, 2);
  const rolledBack = new Error('the payment failed');
  await assert.rejects(db.transaction(async (tx) => {
    await appendAuditEvent(tx, paymentEvent(99, CYCLE));
    throw rolledBack;
  }), rolledBack);
  await appendAuditEvent(db, paymentEvent(5, CYCLE));
  const rows = await links();
  assert.deepEqual(rows.map((row) => row.seq), [1n, 2n, 3n, 4n, 5n]);
  for (let index = 1; index < rows.length; index += 1) {
    assert.equal(rows[index]!.prev_hash, rows[index - 1]!.hash);
  }
  assert.deepEqual(await verifyAuditChain(db), {
    ok: true, count: 5, head: { seq: 5n, hash: rows[4]!.hash },
  });
});

test('concurrent appenders on separate connections make one unbroken chain', async () => {
  const before = (await links()).length;
  const writers = 24;
  // Each writer appends, then keeps its transaction open a little, as a use case with more to write
  // would: without the lock two of them would read the same last event.
  await Promise.all(Array.from({ length: writers }, (_, index) => db.transaction(async (tx) => {
    await tx.query('SELECT pg_sleep($1)', [(index % 3) / 200]);
    await appendAuditEvent(tx, paymentEvent(100 + index));
    await tx.query('SELECT pg_sleep(0.005)');
  })));
  const rows = await links();
  assert.equal(rows.length, before + writers);
  assert.deepEqual(rows.map((row) => row.seq), rows.map((_, index) => BigInt(index + 1)));
  const verdict = await verifyAuditChain(db);
  assert.equal(verdict.ok, true);
  assert.equal(verdict.ok && verdict.count, before + writers);
});

test('the database refuses to update, delete or truncate an event', async () => {
  for (const statement of [
    "UPDATE audit_event SET actor = 'someone.else' WHERE seq = 2",
    'DELETE FROM audit_event WHERE seq = 2',
    'TRUNCATE audit_event',
  ]) {
    await assert.rejects(db.query(statement), /audit_event is append-only/, statement);
  }
  assert.equal((await verifyAuditChain(db)).ok, true);
});

test('a second event naming the same predecessor is refused, so the chain cannot fork', async () => {
  const last = (await links()).at(-1);
  await assert.rejects(db.query(`INSERT INTO audit_event (seq, prev_hash, hash, at, actor_kind, actor, action,
      subject_kind, subject_id) VALUES ($1, $2, 'forged', now(), 'system', 'x', 'user.created', 'user', 'x')`,
  [last!.seq + 1n, last!.prev_hash]), /audit_event_prev_hash_unique/);
});

test('a detail with personal data in the clear or a secret is a bug, and nothing is written', async () => {
  const count = (await links()).length;
  const details = [
    { dialled: '13812345678' }, { nationalId: '11010519491231002X' }, { email: 'li.na@example.com' },
    { nested: { numbers: ['+1 415 555 0100'] } }, { password: 'hunter2' }, { sessionId: 'abc' },
  ];
  for (const detail of details) {
    await assert.rejects(appendAuditEvent(db, { ...paymentEvent(1), detail }),
      { name: 'AssertionError', message: /looks like personal data or a secret/ });
  }
  const nowhere = { ...COLLECTOR, sourceIp: 'nowhere' };
  await assert.rejects(appendAuditEvent(db, { ...paymentEvent(1), context: nowhere }),
    { name: 'AssertionError', message: /an audit source address is an IP address/ });
  assert.equal((await links()).length, count);
  // Masked values, amounts in minor units and hashes are what a detail holds.
  await appendAuditEvent(db, { ...paymentEvent(1), action: 'pii.revealed', detail: {
    field: 'contact_point.value', masked: '138****5678', amountMinor: '13812345678',
    decisionId: sha256Hex('13812345678'),
  } });
  assert.equal((await links()).length, count + 1);
});
