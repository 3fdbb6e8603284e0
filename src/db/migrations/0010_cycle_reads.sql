-- What lets the daily cycle read only the rows a date can change.
--
-- The late fee step finds the installments whose grace ended since its last run by due date. The
-- cycle never changes a due date, so this index costs no update its own (an update that changes
-- no indexed column can stay on its page: a HOT update).
CREATE INDEX installment_due ON installment (due_date);

-- The product an account's figures were computed under, so that the steps reading figures by
-- product or currency (the recompute's scope, cases, the snapshot) need not read every account
-- for it. An account whose product changes is marked (ledger_change), and its next recompute
-- writes the new one.
ALTER TABLE delinquency ADD COLUMN product_id text REFERENCES product (id);
UPDATE delinquency d SET product_id = a.product_id FROM account a WHERE a.id = d.account_id;
ALTER TABLE delinquency ALTER COLUMN product_id SET NOT NULL;

-- The recompute's scope for one run (recompute-delinquency.ts): scratch, emptied by each run, so
-- unlogged. Not a temporary table, because the server reads a temporary table in one process
-- only, and the recompute's largest read (the scope's installments) runs in parallel against it.
CREATE UNLOGGED TABLE recompute_scope (
  account_id bigint NOT NULL,
  marked bigint,
  borrower_id bigint NOT NULL,
  product_id text NOT NULL,
  has_figures boolean NOT NULL,
  old_product_id text,
  old_dpd integer,
  old_bucket text,
  old_oldest_unpaid_due date,
  old_next_unpaid_due date,
  old_overdue_principal_minor bigint,
  old_overdue_interest_minor bigint,
  old_overdue_penalty_minor bigint,
  old_overdue_fee_minor bigint,
  old_outstanding_minor bigint
);
-- Its plan needs only how many rows there are and how they join: a small sample of two columns.
ALTER TABLE recompute_scope ALTER COLUMN account_id SET STATISTICS 10,
  ALTER COLUMN product_id SET STATISTICS 10;
