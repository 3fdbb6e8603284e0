import type { Db } from '../../db/database.ts';
import { columnsLike, copyRowOf } from '../../db/schema.ts';
import type { InstallmentRecord } from '../../domain/import/import-records.ts';
import type { AccountRef, Item } from './load-records.ts';
import {
  rejectStaged, stageRows, text, updateChanged, upsertStaged, type BatchResult, type StageCheck,
} from './stage-rows.ts';

/**
 * Upserts installments by (account, seq), carrying the account's borrower. The due date and due
 * amounts follow the file. The paid amounts are taken for new installments only: afterwards the
 * payments the cycle posts own them, so a re-import never lowers what the ledger says was paid, and
 * a due amount below what is already paid is refused (due_below_paid) rather than bent to fit.
 */
const STAGE = 'import_stage_installment';
const UPDATED = ['due_date', 'principal_due_minor', 'interest_due_minor', 'fee_due_minor'] as const;
const NAMES = [
  'account_id', 'borrower_id', 'seq', ...UPDATED, 'principal_paid_minor', 'interest_paid_minor',
  'fee_paid_minor',
] as const;
const COLUMNS = columnsLike('installment', NAMES);
const stagedRow = copyRowOf(['line', ...NAMES]);

const STORED = 'FROM installment i WHERE i.account_id = s.account_id AND i.seq = s.seq';

const BELOW_PAID: StageCheck = {
  sql: `DELETE FROM ${STAGE} s WHERE (SELECT s.principal_due_minor < i.principal_paid_minor
      OR s.interest_due_minor < i.interest_paid_minor OR s.fee_due_minor < i.fee_paid_minor ${STORED})
    RETURNING s.line, (SELECT CASE WHEN s.principal_due_minor < i.principal_paid_minor THEN 'principal_due'
      WHEN s.interest_due_minor < i.interest_paid_minor THEN 'interest_due' ELSE 'fee_due' END
      ${STORED}) AS field`,
  field: null, reason: 'due_below_paid', message: 'The amount due is below what has already been paid.',
};

export async function loadInstallments(tx: Db, items: readonly Item<InstallmentRecord>[],
  accounts: ReadonlyMap<string, AccountRef>): Promise<BatchResult> {
  await stageRows(tx, STAGE, COLUMNS, items.map(({ line, record: r }) => {
    const account = accounts.get(r.accountExternalId)!;
    return stagedRow({
      line: String(line),
      account_id: text(account.id), borrower_id: text(account.borrowerId), seq: text(r.seq),
      due_date: r.dueDate,
      principal_due_minor: text(r.principalDueMinor), interest_due_minor: text(r.interestDueMinor),
      fee_due_minor: text(r.feeDueMinor), principal_paid_minor: text(r.principalPaidMinor),
      interest_paid_minor: text(r.interestPaidMinor), fee_paid_minor: text(r.feePaidMinor),
    });
  }));
  const errors = await rejectStaged(tx, [BELOW_PAID]);
  // The database marks every account whose installments this writes for the recompute of its
  // figures (migration 0013's triggers).
  return upsertStaged(tx, `INSERT INTO installment AS t (${NAMES.join(', ')})
    SELECT ${NAMES.join(', ')} FROM ${STAGE} ORDER BY line
    ON CONFLICT (account_id, seq) ${updateChanged('t', UPDATED)} RETURNING t.account_id`,
  items.length, errors);
}
