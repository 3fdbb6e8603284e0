// The verifier against chains broken the ways an intruder with database rights could break them:
// each test builds a chain of seven events, disables the refusing trigger, does one thing to the
// event in the middle (edits its content, edits it and rewrites its hash, deletes it) and re-enables
// the trigger; the verifier must name exactly the event where the chain breaks, and why. Batches of
// two make every chain cross several batch boundaries, as a large trail crosses many.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Db } from '../../db/database.ts';
import { openTestDatabase } from '../../../test/support/test-database.ts';
import { appendPaymentEvents } from '../../../test/support/audit-fixture.ts';
import type { Row } from '../../db/schema.ts';
import type { ActorKind } from './audit-context.ts';
import { auditEventHash } from './audit-event-hash.ts';
import { verifyAuditChain } from './verify-audit-chain.ts';

const BATCH_ROWS = 2;

async function withChain(tamper: string | null, check: (db: Db, ids: bigint[]) => Promise<void>) {
  const db = await openTestDatabase();
  try {
    await appendPaymentEvents(db, 7);
    const rows = await db.query<{ id: bigint }>('SELECT id FROM audit_event ORDER BY id');
    const ids = rows.map((row) => row.id);
    if (tamper !== null) {
      await db.exec(`ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update;
        ${tamper};
        ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update`);
    }
    await check(db, ids);
  } finally {
    await db.close();
  }
}

test('an untouched chain verifies, in any batch size, and an empty one too', async () => {
  await withChain(null, async (db, ids) => {
    const [head] = await db.query<{ hash: string }>('SELECT hash FROM audit_event WHERE id = $1', [ids[6]]);
    for (const batchRows of [1, BATCH_ROWS, 7, 1000]) {
      assert.deepEqual(await verifyAuditChain(db, batchRows), {
        ok: true, count: 7, head: { seq: 7n, hash: head!.hash },
      });
    }
  });
  const empty = await openTestDatabase();
  assert.deepEqual(await verifyAuditChain(empty), { ok: true, count: 0, head: null });
  await empty.close();
});

test('an event edited in the middle is named: its content no longer gives its hash', async () => {
  await withChain(`UPDATE audit_event SET detail = '{"amountMinor": "1", "currency": "CNY"}' WHERE seq = 4`,
    async (db, ids) => {
      const verdict = await verifyAuditChain(db, BATCH_ROWS);
      assert.equal(verdict.ok, false);
      assert.deepEqual({ ...verdict, expected: '', found: '' }, {
        ok: false, problem: 'hash_mismatch', eventId: ids[3], seq: 4n, previousEventId: ids[2],
        expected: '', found: '', verifiedCount: 3,
      });
    });
});

test('every column of an event is covered by its hash', async () => {
  const edits = ["actor = 'someone.else'", "actor_kind = 'system'", "source_ip = '10.9.9.9'",
    'request_id = NULL', "action = 'pii.revealed'", "subject_kind = 'case'", "subject_id = 'P9'",
    'borrower_id = NULL', "at = at + interval '1 millisecond'"];
  for (const edit of edits) {
    await withChain(`UPDATE audit_event SET ${edit} WHERE seq = 4`, async (db, ids) => {
      const verdict = await verifyAuditChain(db, BATCH_ROWS);
      const named = verdict.ok ? null : [verdict.problem, verdict.eventId];
      assert.deepEqual(named, ['hash_mismatch', ids[3]], edit);
    });
  }
});

test('an event edited with its hash recomputed breaks the next link, whose event is named', async () => {
  // The forger knows the hash format and rewrites event 4 consistently; event 5's prev_hash still
  // names the old hash, and rewriting it would break event 5's own hash in turn.
  await withChain(null, async (db, ids) => {
    const [event] = await db.query<Row<'audit_event'>>('SELECT * FROM audit_event WHERE seq = 4');
    const detail = { amountMinor: '1', currency: 'CNY' };
    const forged = auditEventHash({
      seq: event!.seq, prevHash: event!.prev_hash, at: event!.at, actorKind: event!.actor_kind as ActorKind,
      actor: event!.actor, sourceIp: event!.source_ip, requestId: event!.request_id, action: event!.action,
      subjectKind: event!.subject_kind, subjectId: event!.subject_id, borrowerId: event!.borrower_id, detail,
    });
    await db.exec(`ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update`);
    await db.query('UPDATE audit_event SET detail = $1::jsonb, hash = $2 WHERE seq = 4',
      [JSON.stringify(detail), forged]);
    await db.exec(`ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update`);
    assert.deepEqual(await verifyAuditChain(db, BATCH_ROWS), {
      ok: false, problem: 'prev_hash_mismatch', eventId: ids[4], seq: 5n, previousEventId: ids[3],
      expected: forged, found: event!.hash, verifiedCount: 4,
    });
  });
});

test('a deleted event in the middle is named by its seq, at the event after the gap', async () => {
  await withChain('DELETE FROM audit_event WHERE seq = 4', async (db, ids) => {
    assert.deepEqual(await verifyAuditChain(db, BATCH_ROWS), {
      ok: false, problem: 'seq_mismatch', eventId: ids[4], seq: 5n, previousEventId: ids[2],
      expected: '4', found: '5', verifiedCount: 3,
    });
  });
});
