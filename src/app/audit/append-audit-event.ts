import { isIP } from 'node:net';
import { AUDIT_DETAIL_CHARS_MAX, AUDIT_TEXT_CHARS_MAX } from '../../config/limits.ts';
import type { Db } from '../../db/database.ts';
import type { Row } from '../../db/schema.ts';
import { findInvalidCharacter } from '../../domain/input/find-invalid-character.ts';
import { assert } from '../../stdx/assert.ts';
import { canonicalJson } from '../../stdx/hash.ts';
import type { AuditAction } from './audit-action.ts';
import { ACTOR_KINDS, type AuditContext } from './audit-context.ts';
import { auditEventHash, GENESIS_HASH, type AuditEventContent } from './audit-event-hash.ts';
import { findUnmaskedPersonalData } from './find-unmasked-personal-data.ts';

/**
 * One thing that happened, as a use case records it: who did it and from where (`context`), what
 * (`action`), to which record (`subjectKind` and `subjectId`, e.g. `payment` and its id; the
 * borrower it concerns, when there is one, so that a borrower's whole trail can be listed) and
 * when (`at`, from the caller's clock, the same instant the change itself records). `detail`
 * holds what else explains the event: ids, codes, amounts under keys ending in `Minor`, masked
 * values; never personal data in the clear (see find-unmasked-personal-data.ts).
 */
export type AuditEvent = {
  readonly context: AuditContext;
  readonly action: AuditAction;
  readonly subjectKind: string;
  readonly subjectId: string;
  readonly borrowerId: bigint | null;
  readonly at: Date;
  readonly detail: Readonly<Record<string, unknown>>;
};

type AppendedAuditEvent = { readonly id: bigint; readonly seq: bigint; readonly hash: string };

/**
 * The advisory lock that serialises appenders, held until the caller's transaction ends. Its own
 * number, apart from the migration lock's (db/migrate.ts), so the two never wait on each other.
 */
const AUDIT_CHAIN_LOCK_KEY = 7_265_637_201;

/**
 * Appends one event to the audit trail, inside the caller's transaction, so the event commits or
 * rolls back with the change it records. Appenders take one advisory lock, then read the last
 * event, so that each event's `prev_hash` is the hash of the event committed just before it and
 * the chain stays one line under any number of concurrent transactions; the lock is held until the
 * caller's transaction ends, so a use case appends as its last write. The read must see what
 * committed while it waited, which READ COMMITTED (every transaction here) guarantees; under a
 * snapshot taken earlier the unique `prev_hash` refuses the second of two events with one
 * predecessor rather than letting the chain fork. Called with no transaction open, it opens one.
 */
export async function appendAuditEvent(tx: Db, event: AuditEvent): Promise<AppendedAuditEvent> {
  const detailJson = checkedDetailJson(event);
  checkContext(event);
  return tx.transaction(async (inner) => {
    await inner.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK_KEY]);
    const [last] = await inner.query<Pick<Row<'audit_event'>, 'seq' | 'hash'>>(
      'SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1');
    const content: AuditEventContent = {
      seq: last === undefined ? 1n : last.seq + 1n,
      prevHash: last === undefined ? GENESIS_HASH : last.hash,
      at: event.at,
      // Named one by one: a caller may pass a richer object (its principal) as the context.
      actorKind: event.context.actorKind,
      actor: event.context.actor,
      sourceIp: event.context.sourceIp,
      requestId: event.context.requestId,
      action: event.action,
      subjectKind: event.subjectKind,
      subjectId: event.subjectId,
      borrowerId: event.borrowerId,
      detail: JSON.parse(detailJson) as unknown,
    };
    const hash = auditEventHash(content);
    const [inserted] = await inner.query<Pick<Row<'audit_event'>, 'id'>>(`INSERT INTO audit_event
        (seq, prev_hash, hash, at, actor_kind, actor, source_ip, request_id, action, subject_kind, subject_id,
         borrower_id, detail)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::jsonb) RETURNING id`, [
      content.seq, content.prevHash, hash, content.at, content.actorKind, content.actor, content.sourceIp,
      content.requestId, content.action, content.subjectKind, content.subjectId, content.borrowerId,
      detailJson,
    ]);
    assert(inserted !== undefined, 'INSERT … RETURNING returns the row');
    return { id: inserted.id, seq: content.seq, hash };
  });
}

/**
 * The detail as the hash and the database will hold it: canonical JSON, so bigints become strings
 * and what JSON drops is dropped before hashing, and the verifier, reading the stored jsonb back,
 * hashes the same value. A detail that breaks the rules is a bug in the caller, not bad input.
 */
function checkedDetailJson(event: AuditEvent): string {
  const unmasked = findUnmaskedPersonalData(event.detail);
  assert(unmasked === null, `audit event ${event.action}: ${unmasked} looks like personal data or a secret; `
    + 'record an id or a masked value instead');
  const json = canonicalJson(event.detail);
  assert(json.length <= AUDIT_DETAIL_CHARS_MAX, `audit event ${event.action}: detail is too long`);
  assert(findInvalidCharacter(json) === -1,
    `audit event ${event.action}: detail holds a NUL or lone surrogate`);
  return json;
}

function checkContext(event: AuditEvent): void {
  const { context } = event;
  assert(ACTOR_KINDS.includes(context.actorKind), `unknown actor kind ${context.actorKind}`);
  assert(context.sourceIp === null || isIP(context.sourceIp) !== 0,
    'an audit source address is an IP address');
  assert(!Number.isNaN(event.at.getTime()), 'an audit event happens at a valid instant');
  const texts = { actor: context.actor, subjectKind: event.subjectKind, subjectId: event.subjectId,
    requestId: context.requestId ?? 'none' };
  for (const [name, text] of Object.entries(texts)) {
    assert(text.length > 0 && text.length <= AUDIT_TEXT_CHARS_MAX,
      `audit event ${name} is empty or too long`);
    assert(findInvalidCharacter(text) === -1, `audit event ${name} holds a NUL or lone surrogate`);
  }
}
