import type { Db } from '../../db/database.ts';
import type { Row } from '../../db/schema.ts';
import { principalName, type Principal } from '../../domain/people/principal.ts';
import type { DataScope } from './load-scope.ts';
import { accountInScopeSql, thirdPartiesShownSql } from './scope-filters.ts';

/**
 * Shows one full number or address on demand, to a principal whose role grants `pii:reveal`, for a
 * contact point the scope shows (its borrower has an account in scope; a third party's only where
 * the scope shows third parties). Every reveal is written to the audit trail before the value is
 * returned: a reveal that cannot be recorded does not happen.
 */
type RevealContactPointOptions = {
  db: Db;
  principal: Principal;
  scope: DataScope;
  /** The contact point's external id, as the account page lists it. */
  contactPointId: string;
  now: Date;
  /** Appends one event to the audit trail (the audit module's appendAuditEvent). */
  audit: (event: RevealAuditEvent) => Promise<void>;
};

/** What a reveal records: who saw which number of whose file, and when. The value itself is not kept. */
type RevealAuditEvent = {
  at: Date; actor: string; action: 'pii.reveal'; subjectKind: 'contact_point'; subjectId: string;
  borrowerId: bigint; detail: { kind: string };
};

/**
 * Rejections in precedence order. A contact point outside the scope is answered as unknown, for
 * the reason an account is (ARCHITECTURE.md, "Data scopes").
 */
type RevealResult =
  | { ok: true; contactPointId: string; kind: string; value: string }
  | { ok: false; reason: 'reveal_not_permitted' }
  | { ok: false; reason: 'unknown_contact_point'; field: 'contactPointId' };

export async function revealContactPoint(options: RevealContactPointOptions): Promise<RevealResult> {
  if (!options.scope.mayRevealNumbers) return { ok: false, reason: 'reveal_not_permitted' };
  const params: unknown[] = [options.contactPointId];
  const inScope = accountInScopeSql(options.scope, 'a', params);
  const thirdParties = thirdPartiesShownSql(options.scope, 'a', params);
  const [point] = await options.db.query<Pick<Row<'contact_point'>, 'kind' | 'value' | 'borrower_id'>>(
    `SELECT cp.kind, cp.value, cp.borrower_id FROM contact_point cp JOIN party p ON p.id = cp.party_id
    WHERE cp.external_id = $1 AND EXISTS (SELECT 1 FROM account a WHERE a.borrower_id = cp.borrower_id
      AND ${inScope} AND (p.kind = 'borrower' OR ${thirdParties}))`, params);
  if (point === undefined) return { ok: false, reason: 'unknown_contact_point', field: 'contactPointId' };
  await options.audit({
    at: options.now, actor: principalName(options.principal), action: 'pii.reveal',
    subjectKind: 'contact_point', subjectId: options.contactPointId, borrowerId: point.borrower_id,
    detail: { kind: point.kind },
  });
  return { ok: true, contactPointId: options.contactPointId, kind: point.kind, value: point.value };
}
