/**
 * The records of the import format (docs/import.md), one type per kind, as they are after parsing
 * and validation. Amounts are minor units; the file carries decimal major units ("1234.50") in the
 * currency of the product or account. External ids tie rows together across files, so re-importing
 * a file upserts instead of duplicating.
 */
import type { CivilDate } from '../../stdx/civil-date.ts';
import type { Minor } from '../../stdx/money.ts';

export const IMPORT_KINDS = [
  'products', 'parties', 'contact_points', 'accounts', 'installments', 'payments',
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const PRODUCT_KINDS = ['bnpl_line', 'cash_loan', 'credit_card', 'installment_loan'] as const;
export const JURISDICTIONS = ['CN', 'US', 'UK'] as const;
export const PENALTY_BASES = ['overdue_principal', 'overdue_principal_interest'] as const;
export const ALLOCATION_MODES = ['installment_first', 'component_first'] as const;
export const COMPONENTS = ['fee', 'penalty', 'interest', 'principal'] as const;
export type Component = (typeof COMPONENTS)[number];

export type ProductRecord = {
  id: string;
  name: string;
  kind: (typeof PRODUCT_KINDS)[number];
  jurisdiction: (typeof JURISDICTIONS)[number];
  currency: string;
  interestRateBp: number;
  penaltyRatePpmPerDay: number;
  penaltyBasis: (typeof PENALTY_BASES)[number];
  graceDays: number;
  lateFeeMinor: Minor;
  allocationMode: (typeof ALLOCATION_MODES)[number];
  componentOrder: Component[];
  costCapBp: number;
};

export const PARTY_KINDS = ['borrower', 'contact_person'] as const;
export const RELATIONSHIPS = [
  'self', 'spouse', 'parent', 'child', 'sibling', 'relative', 'friend', 'colleague', 'guarantor', 'other',
] as const;

export type PartyRecord = {
  externalId: string;
  kind: (typeof PARTY_KINDS)[number];
  /** For a contact person, the borrower it belongs to; for a borrower, null. */
  borrowerExternalId: string | null;
  relationship: (typeof RELATIONSHIPS)[number];
  fullName: string;
  timeZone: string;
  extraTimeZones: string[];
  city: string | null;
  country: string;
  locale: string;
};

export const CONTACT_POINT_KINDS = ['mobile', 'landline', 'email', 'address', 'app_push'] as const;
export const CONTACT_POINT_STATUSES = ['valid', 'invalid', 'wrong_person'] as const;

export type ContactPointRecord = {
  externalId: string;
  partyExternalId: string;
  kind: (typeof CONTACT_POINT_KINDS)[number];
  value: string;
  status: (typeof CONTACT_POINT_STATUSES)[number];
  employerProvided: boolean;
  /** The number, address or email reaches the person at their place of work (US-02). */
  workplace: boolean;
};

export const ACCOUNT_STATUSES = ['active', 'frozen', 'closed', 'charged_off', 'sold'] as const;

export type AccountRecord = {
  externalId: string;
  borrowerExternalId: string;
  productId: string;
  currency: string;
  creditLimitMinor: Minor;
  principalMinor: Minor;
  openedOn: CivilDate;
  status: (typeof ACCOUNT_STATUSES)[number];
};

export type InstallmentRecord = {
  accountExternalId: string;
  seq: number;
  dueDate: CivilDate;
  principalDueMinor: Minor;
  interestDueMinor: Minor;
  feeDueMinor: Minor;
  principalPaidMinor: Minor;
  interestPaidMinor: Minor;
  feePaidMinor: Minor;
};

export type PaymentRecord = {
  idempotencyKey: string;
  accountExternalId: string;
  amountMinor: Minor;
  currency: string;
  valueDate: CivilDate;
  channel: string;
};

export type ImportRecord =
  | { kind: 'products'; record: ProductRecord }
  | { kind: 'parties'; record: PartyRecord }
  | { kind: 'contact_points'; record: ContactPointRecord }
  | { kind: 'accounts'; record: AccountRecord }
  | { kind: 'installments'; record: InstallmentRecord }
  | { kind: 'payments'; record: PaymentRecord };
