-- The daily recompute of delinquency reads only the accounts whose figures can have changed since
-- they were last computed, not the whole portfolio:
-- * accounts with something past due (their DPD and penalty interest move every day);
-- * accounts whose next unpaid installment has fallen due since (next_unpaid_due);
-- * accounts without figures yet (new);
-- * accounts whose installments a writer changed since (ledger_change): the importer, and the
--   allocation of payments and credit balances. Every writer of installments marks the account
--   in the same transaction; the recompute removes the marks it has read.
ALTER TABLE delinquency ADD COLUMN next_unpaid_due date;

CREATE SEQUENCE ledger_change_mark;
CREATE TABLE ledger_change (
  account_id bigint PRIMARY KEY REFERENCES account (id),
  -- Renewed on every mark, so a mark made while the recompute runs is never removed unread.
  marked bigint NOT NULL DEFAULT nextval('ledger_change_mark')
);

-- Figures written before this migration have no next_unpaid_due: recompute them all once.
INSERT INTO ledger_change (account_id) SELECT account_id FROM delinquency;
