import type { Principal } from '../../domain/people/principal.ts';
import { grants } from '../../domain/people/roles.ts';
import { assert } from '../../stdx/assert.ts';
import type { CivilDate } from '../../stdx/civil-date.ts';

/**
 * What of the portfolio a principal may read (PIPL's minimum necessary): which records, whether the
 * third parties on a borrower's file are shown, and whether the principal may have a full number
 * revealed. The read models turn it into SQL conditions (scope-filters.ts), so a page of rows is
 * filtered in the one query that reads it.
 *
 * Full numbers never appear in a read model's rows, whatever the scope: a number is revealed one
 * at a time (reveal-contact-point.ts), and each reveal is audited, or handed to the dial of an
 * allowed reservation (reserve-contact.ts).
 */
export type DataScope = {
  records: RecordScope;
  /**
   * `shown`: the other persons on a borrower's file (emergency contacts, relatives, a guarantor) are
   * listed; `per_placement`: only on an account whose current placement allows it.
   */
  thirdParties: 'shown' | 'per_placement';
  /** The role grants `pii:reveal`: a full number may be revealed on demand, audited. */
  mayRevealNumbers: boolean;
};

/**
 * `all`: every account. `team`: the borrowers whose case the team owns (collection_case.owner_team).
 * `agency`: the accounts placed with the agency on `today` (placed on or before it, not recalled on
 * or before it). `none`: nothing, for a collector not yet on a team. A borrower's own portal scope
 * (their own file) will be one more kind.
 */
type RecordScope =
  | { kind: 'all' }
  | { kind: 'team'; teamId: string }
  | { kind: 'agency'; agencyId: string; today: CivilDate }
  | { kind: 'none' };

/** Everything, masked: what a system reads, and the stand-in until the edge passes a principal. */
export const ALL_RECORDS_MASKED: DataScope = Object.freeze({
  records: Object.freeze({ kind: 'all' }), thirdParties: 'shown', mayRevealNumbers: false,
});

/**
 * The scope of a principal on `today` (the lender's civil date, which placements are dated in).
 * Managers, administrators and compliance officers oversee the whole portfolio; supervisors and
 * collectors work their team's cases; an agency collector only what is placed with the agency now.
 * A system's token (the ledger feed, a dialler) reads everything, masked.
 */
export function loadScope(principal: Principal, today: CivilDate): DataScope {
  const mayRevealNumbers = grants(principal.role, 'pii:reveal');
  switch (principal.role) {
    case 'admin':
    case 'manager':
    case 'compliance_officer':
    case 'system':
    case 'dialler':
      return { records: { kind: 'all' }, thirdParties: 'shown', mayRevealNumbers };
    case 'supervisor':
    case 'collector':
    case 'field_collector':
      return {
        records: principal.teamId === null ? { kind: 'none' } : { kind: 'team', teamId: principal.teamId },
        thirdParties: 'shown', mayRevealNumbers,
      };
    case 'agency_collector':
      assert(principal.agencyId !== null, 'an agency collector belongs to an agency');
      return {
        records: { kind: 'agency', agencyId: principal.agencyId, today },
        thirdParties: 'per_placement', mayRevealNumbers,
      };
  }
}
