-- A change to an account's terms marks it for the recompute of its figures, whoever writes it, as
-- migration 0008 does for a new account and 0013 for its installments: its product (grace days,
-- rates, late fee) and the amounts and date it was opened with. Until now the importer marked the
-- accounts it changed in its own statement, by convention.
--
-- A row trigger with a column list: it fires only for statements that set one of these columns
-- (the importer's upsert), never for the cycle's status updates, and its WHEN clause skips rows
-- whose terms stayed the same. PostgreSQL allows no column list on a trigger with transition
-- tables, and few accounts change terms on a day.
CREATE FUNCTION account_mark_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO ledger_change (account_id) VALUES (NEW.id)
    ON CONFLICT (account_id) DO UPDATE SET marked = nextval('ledger_change_mark');
  RETURN NULL;
END $$;
CREATE TRIGGER account_marked_when_changed
  AFTER UPDATE OF product_id, opened_on, principal_minor, credit_limit_minor ON account
  FOR EACH ROW
  WHEN ((OLD.product_id, OLD.opened_on, OLD.principal_minor, OLD.credit_limit_minor)
    IS DISTINCT FROM (NEW.product_id, NEW.opened_on, NEW.principal_minor, NEW.credit_limit_minor))
  EXECUTE FUNCTION account_mark_changed();
