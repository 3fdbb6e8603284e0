import { AUDIT_PAGE_ROWS } from '../../config/limits.ts';
import type { Db } from '../../db/database.ts';
import type { Row } from '../../db/schema.ts';

/** Which events a compliance officer asks for; every filter given must hold. */
export type AuditEventFilter = {
  readonly actor?: string;
  readonly action?: string;
  readonly subjectKind?: string;
  readonly subjectId?: string;
  readonly borrowerId?: bigint;
  /** Events at or after this instant. */
  readonly from?: Date;
  /** Events before this instant. */
  readonly to?: Date;
  /** The page after the one that ended with this event: only events with a smaller id. */
  readonly beforeId?: bigint;
};

export type ListedAuditEvent = {
  readonly id: bigint; readonly seq: bigint; readonly at: Date; readonly actorKind: string;
  readonly actor: string; readonly sourceIp: string | null; readonly requestId: string | null;
  readonly action: string; readonly subjectKind: string; readonly subjectId: string;
  readonly borrowerId: bigint | null; readonly detail: unknown; readonly hash: string;
};

type AuditEventPage = {
  readonly events: readonly ListedAuditEvent[];
  /** The `beforeId` of the next (older) page, or null when this page is the last. */
  readonly nextBeforeId: bigint | null;
};

const COLUMNS: Readonly<Record<Exclude<keyof AuditEventFilter, 'from' | 'to' | 'beforeId'>, string>> = {
  actor: 'actor', action: 'action', subjectKind: 'subject_kind', subjectId: 'subject_id',
  borrowerId: 'borrower_id',
};

/**
 * The audit trail for the compliance console: newest first, AUDIT_PAGE_ROWS a page, paged by id
 * (a keyset, so a page costs the same however deep it is and events appended meanwhile do not
 * shift it). Each filter is an equality on an indexed column, or a half-open time range.
 */
export async function listAuditEvents(db: Db, filter: AuditEventFilter): Promise<AuditEventPage> {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const where = (condition: (placeholder: string) => string, value: unknown) => {
    params.push(value);
    conditions.push(condition(`$${params.length}`));
  };
  for (const [key, column] of Object.entries(COLUMNS) as [keyof typeof COLUMNS, string][]) {
    const value = filter[key];
    if (value !== undefined) where((placeholder) => `${column} = ${placeholder}`, value);
  }
  if (filter.from !== undefined) where((placeholder) => `at >= ${placeholder}`, filter.from);
  if (filter.to !== undefined) where((placeholder) => `at < ${placeholder}`, filter.to);
  if (filter.beforeId !== undefined) where((placeholder) => `id < ${placeholder}`, filter.beforeId);
  params.push(AUDIT_PAGE_ROWS + 1);
  const rows = await db.query<Omit<Row<'audit_event'>, 'prev_hash'>>(`SELECT id, seq, at, actor_kind, actor,
      source_ip, request_id, action, subject_kind, subject_id, borrower_id, detail, hash
    FROM audit_event ${conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`}
    ORDER BY id DESC LIMIT $${params.length}`, params);
  const page = rows.slice(0, AUDIT_PAGE_ROWS);
  return {
    events: page.map((row) => ({
      id: row.id, seq: row.seq, at: row.at, actorKind: row.actor_kind, actor: row.actor,
      sourceIp: row.source_ip,
      requestId: row.request_id, action: row.action, subjectKind: row.subject_kind, subjectId: row.subject_id,
      borrowerId: row.borrower_id, detail: row.detail, hash: row.hash,
    })),
    nextBeforeId: rows.length > AUDIT_PAGE_ROWS ? page.at(-1)!.id : null,
  };
}
