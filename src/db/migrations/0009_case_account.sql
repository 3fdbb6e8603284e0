-- The account a case's planned actions are decided on: the borrower's most delinquent account
-- (highest DPD, then the oldest), in the currency the case is staged on. The daily case update
-- computes it with the case's other figures from the same rows, so planning reads it from the case
-- instead of ranking every open case's accounts again.
ALTER TABLE collection_case ADD COLUMN account_id bigint REFERENCES account (id);

UPDATE collection_case c SET account_id = (
    SELECT d.account_id FROM delinquency d JOIN account a ON a.id = d.account_id
    WHERE d.borrower_id = c.borrower_id AND a.currency = c.currency
    ORDER BY d.dpd DESC, a.id LIMIT 1)
  WHERE c.status = 'open';
