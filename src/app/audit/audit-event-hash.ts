import { canonicalJson, sha256Hex } from '../../stdx/hash.ts';
import type { ActorKind } from './audit-context.ts';

/** The previous hash of the first event: there is none, and a hash is never 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

/** Everything an audit event records, as the appender writes it and the verifier reads it back. */
export type AuditEventContent = {
  readonly seq: bigint;
  readonly prevHash: string;
  readonly at: Date;
  readonly actorKind: ActorKind;
  readonly actor: string;
  readonly sourceIp: string | null;
  readonly requestId: string | null;
  readonly action: string;
  readonly subjectKind: string;
  readonly subjectId: string;
  readonly borrowerId: bigint | null;
  /** The detail as JSON.parse reads its canonical JSON (no bigint, no undefined, no Date). */
  readonly detail: unknown;
};

/**
 * An event's hash: the lower-case hex SHA-256 of the UTF-8 text of
 *
 *   canonicalJson({ action, actor, actorKind, at, borrowerId, detail, prevHash, requestId, seq,
 *                   sourceIp, subjectId, subjectKind })
 *
 * that is, JSON with every object's keys sorted (stdx/hash.ts), where `at` is the instant in
 * ISO 8601 UTC with milliseconds (`2026-03-01T02:00:00.000Z`), `seq` and `borrowerId` are decimal
 * strings (borrowerId null when the event concerns no borrower), `sourceIp` and `requestId` are null
 * when absent, and `detail` is the event's detail object. The previous event's hash is inside, so
 * the hashes chain; the id is not, as the database assigns it and it may skip numbers. Any change
 * to this text is a new chain format: events hashed the old way would no longer verify.
 */
export function auditEventHash(content: AuditEventContent): string {
  return sha256Hex(canonicalJson({
    action: content.action,
    actor: content.actor,
    actorKind: content.actorKind,
    at: content.at.toISOString(),
    borrowerId: content.borrowerId === null ? null : content.borrowerId.toString(),
    detail: content.detail,
    prevHash: content.prevHash,
    requestId: content.requestId,
    seq: content.seq.toString(),
    sourceIp: content.sourceIp,
    subjectId: content.subjectId,
    subjectKind: content.subjectKind,
  }));
}
