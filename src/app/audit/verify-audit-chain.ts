import { AUDIT_VERIFY_BATCH_ROWS } from '../../config/limits.ts';
import type { Db } from '../../db/database.ts';
import type { Row } from '../../db/schema.ts';
import type { ActorKind } from './audit-context.ts';
import { auditEventHash, GENESIS_HASH } from './audit-event-hash.ts';

/**
 * What the verifier found wrong at the first broken link, in the order it checks each event:
 * `seq_mismatch` (the event's position is not the one after its predecessor's: an event before it
 * was deleted, or the rows were renumbered), `prev_hash_mismatch` (its prev_hash is not its
 * predecessor's hash: the predecessor was rewritten with a new hash, or removed), `hash_mismatch`
 * (its own content, as stored now, does not give its stored hash: it was edited).
 */
type AuditChainProblem = 'seq_mismatch' | 'prev_hash_mismatch' | 'hash_mismatch';

type AuditChainVerdict =
  | { readonly ok: true; readonly count: number; readonly head: { seq: bigint; hash: string } | null }
  | {
    readonly ok: false; readonly problem: AuditChainProblem; readonly eventId: bigint; readonly seq: bigint;
    /** The event before it in id order, or null when the broken event is the first. */
    readonly previousEventId: bigint | null;
    readonly expected: string; readonly found: string; readonly verifiedCount: number;
  };

/** A stored event with its detail as the text of its jsonb, parsed here the same way on both drivers. */
type StoredEvent = Omit<Row<'audit_event'>, 'detail'> & { detail: string };

/**
 * Recomputes the whole audit chain in id order (the order the appender's lock gives ids), streaming
 * it in batches of `batchRows` (smaller in tests) so that a trail of any length is read with
 * bounded memory, and stops at the first broken link. An intact chain answers its count and its
 * head (last seq and hash): the chain cannot show that events were cut off its end, so an operator
 * keeps the head elsewhere and compares it with the next run's.
 */
export async function verifyAuditChain(
  db: Db, batchRows: number = AUDIT_VERIFY_BATCH_ROWS,
): Promise<AuditChainVerdict> {
  let previous: ChainLink | null = null;
  let count = 0;
  for (;;) {
    const batch: StoredEvent[] = await db.query<StoredEvent>(`SELECT id, seq, prev_hash, hash, at, actor_kind,
        actor, source_ip, request_id, action, subject_kind, subject_id, borrower_id, detail::text AS detail
      FROM audit_event WHERE id > $1 ORDER BY id LIMIT $2`, [previous?.id ?? 0n, batchRows]);
    for (const event of batch) {
      const broken = findBrokenLink(event, previous);
      if (broken !== null) {
        const previousEventId = previous?.id ?? null;
        return {
          ok: false, ...broken, eventId: event.id, seq: event.seq, previousEventId, verifiedCount: count,
        };
      }
      previous = { id: event.id, seq: event.seq, hash: event.hash };
      count += 1;
    }
    if (batch.length < batchRows) break;
  }
  return { ok: true, count, head: previous === null ? null : { seq: previous.seq, hash: previous.hash } };
}

type ChainLink = { readonly id: bigint; readonly seq: bigint; readonly hash: string };
type BrokenLink = { problem: AuditChainProblem; expected: string; found: string };

function findBrokenLink(event: StoredEvent, previous: ChainLink | null): BrokenLink | null {
  const seq = previous === null ? 1n : previous.seq + 1n;
  if (event.seq !== seq) {
    return { problem: 'seq_mismatch', expected: seq.toString(), found: event.seq.toString() };
  }
  const prevHash = previous === null ? GENESIS_HASH : previous.hash;
  if (event.prev_hash !== prevHash) {
    return { problem: 'prev_hash_mismatch', expected: prevHash, found: event.prev_hash };
  }
  const hash = auditEventHash({
    seq: event.seq, prevHash: event.prev_hash, at: event.at, actorKind: event.actor_kind as ActorKind,
    actor: event.actor, sourceIp: event.source_ip, requestId: event.request_id, action: event.action,
    subjectKind: event.subject_kind, subjectId: event.subject_id, borrowerId: event.borrower_id,
    detail: JSON.parse(event.detail) as unknown,
  });
  return event.hash === hash ? null : { problem: 'hash_mismatch', expected: hash, found: event.hash };
}
