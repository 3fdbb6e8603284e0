-- Every new account is marked for the recompute of delinquency (ledger_change), whoever creates
-- it: the importer, the generator, a fixture. With that, every account without figures is marked,
-- and the cycle's steps find the accounts that may have something due from `delinquency` and
-- `ledger_change` alone, without reading the whole account table (ledger-change-sql.ts).
-- A statement-level trigger with the inserted rows as a table: one INSERT per statement, so a COPY
-- of a million accounts pays once, not once per row.
CREATE FUNCTION account_mark_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO ledger_change (account_id) SELECT id FROM added_account
    ON CONFLICT (account_id) DO UPDATE SET marked = nextval('ledger_change_mark');
  RETURN NULL;
END $$;
CREATE TRIGGER account_marked_when_added AFTER INSERT ON account
  REFERENCING NEW TABLE AS added_account FOR EACH STATEMENT EXECUTE FUNCTION account_mark_new();

-- Accounts created before this migration and not yet recomputed.
INSERT INTO ledger_change (account_id)
  SELECT a.id FROM account a WHERE NOT EXISTS (SELECT 1 FROM delinquency d WHERE d.account_id = a.id)
  ON CONFLICT (account_id) DO NOTHING;
