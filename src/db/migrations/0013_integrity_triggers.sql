-- What the database itself holds, rather than every writer by convention.
--
-- 1. A party, a case or a Decision that a row still refers to cannot be deleted (nor its id
--    changed, nor its table truncated alone). Migration 0011 replaced three foreign keys with
--    statement triggers that check the rows the cycle writes; the checks on the other side, which
--    the foreign keys also made, come back here as triggers on the referred tables. They fire only
--    on DELETE, TRUNCATE and on an UPDATE that sets the id: never in the cycle, which writes
--    Decisions and planned actions by the tens of thousands a day and deletes none of these rows.
--    Restoring the foreign keys instead would check, and lock, the referred row for each of those
--    writes again (measured in ARCHITECTURE.md).

-- Whether any row still refers to one of the given parties, cases or Decisions. The foreign keys
-- that remain (contact attempts, accounts, holds and the rest) answer for their own references.
CREATE FUNCTION referred_party_exists(ids bigint[]) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM decision d WHERE d.borrower_id = ANY (ids))
$$;
CREATE FUNCTION referred_case_exists(ids bigint[]) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM planned_action p WHERE p.case_id = ANY (ids))
$$;
CREATE FUNCTION referred_decision_exists(ids text[]) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM planned_action p WHERE p.decision_id = ANY (ids))
$$;

-- DELETE: one check per statement, over the rows it removed.
CREATE FUNCTION party_delete_refused() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF referred_party_exists(ARRAY(SELECT id FROM removed)) THEN
    RAISE EXCEPTION 'a party named by a decision cannot be deleted' USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER party_kept_while_referred AFTER DELETE ON party
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION party_delete_refused();

CREATE FUNCTION case_delete_refused() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF referred_case_exists(ARRAY(SELECT id FROM removed)) THEN
    RAISE EXCEPTION 'a case named by a planned action cannot be deleted'
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER case_kept_while_referred AFTER DELETE ON collection_case
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION case_delete_refused();

CREATE FUNCTION decision_delete_refused() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF referred_decision_exists(ARRAY(SELECT id FROM removed)) THEN
    RAISE EXCEPTION 'a decision named by a planned action cannot be deleted'
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER decision_kept_while_referred AFTER DELETE ON decision
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION decision_delete_refused();

-- An id changed is the old row gone. A row trigger limited to UPDATE OF id: the cycle's updates
-- never set the id, so PostgreSQL does not even queue it for them.
CREATE FUNCTION referred_id_change_refused() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (TG_TABLE_NAME = 'party' AND referred_party_exists(ARRAY[OLD.id]::bigint[]))
      OR (TG_TABLE_NAME = 'collection_case' AND referred_case_exists(ARRAY[OLD.id]::bigint[]))
      OR (TG_TABLE_NAME = 'decision' AND referred_decision_exists(ARRAY[OLD.id]::text[])) THEN
    RAISE EXCEPTION 'the id of a % that is referred to cannot change', TG_TABLE_NAME
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER party_id_kept_while_referred AFTER UPDATE OF id ON party
  FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id) EXECUTE FUNCTION referred_id_change_refused();
CREATE TRIGGER case_id_kept_while_referred AFTER UPDATE OF id ON collection_case
  FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id) EXECUTE FUNCTION referred_id_change_refused();
CREATE TRIGGER decision_id_kept_while_referred AFTER UPDATE OF id ON decision
  FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id) EXECUTE FUNCTION referred_id_change_refused();

-- TRUNCATE: checked after the statement's truncations, so truncating the referring table in the
-- same statement (TRUNCATE collection_case, planned_action, …) is allowed, as with a foreign key.
CREATE FUNCTION referred_truncate_refused() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (TG_TABLE_NAME = 'party' AND EXISTS (SELECT 1 FROM decision))
      OR (TG_TABLE_NAME = 'collection_case' AND EXISTS (SELECT 1 FROM planned_action))
      OR (TG_TABLE_NAME = 'decision'
        AND EXISTS (SELECT 1 FROM planned_action WHERE decision_id IS NOT NULL)) THEN
    RAISE EXCEPTION 'table % is referred to and cannot be truncated alone', TG_TABLE_NAME
      USING ERRCODE = 'feature_not_supported';
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER party_truncate_checked AFTER TRUNCATE ON party
  FOR EACH STATEMENT EXECUTE FUNCTION referred_truncate_refused();
CREATE TRIGGER case_truncate_checked AFTER TRUNCATE ON collection_case
  FOR EACH STATEMENT EXECUTE FUNCTION referred_truncate_refused();
CREATE TRIGGER decision_truncate_checked AFTER TRUNCATE ON decision
  FOR EACH STATEMENT EXECUTE FUNCTION referred_truncate_refused();

-- 2. Every writer of installments marks the accounts it changed for the recompute of delinquency
--    (migration 0007), as migration 0008 does for new accounts: the database marks them, whoever
--    writes. One INSERT per statement over its transition tables, so a COPY or a batch pays once.
--    A mark that exists is renewed (`marked`), so a recompute running meanwhile keeps it.
--
--    An update marks an account only when a column the figures are computed from changed: the due
--    date, the amounts due and paid, the penalty charged and its date. The late fee (`fee_due_minor`
--    raised while `late_fee_charged` turns true) is no such change: it falls only on installments
--    already past due, whose account the recompute reads anyway, and marking them would widen the
--    recompute's scope, and the late fee step's own next read, every day. A statement trigger
--    compares the old and new rows itself: PostgreSQL allows no column list (UPDATE OF) on a
--    trigger with transition tables, and a row trigger would insert one mark per row written.
CREATE FUNCTION installment_mark_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO ledger_change (account_id) SELECT DISTINCT account_id FROM added_installment
    ON CONFLICT (account_id) DO UPDATE SET marked = nextval('ledger_change_mark');
  RETURN NULL;
END $$;
CREATE TRIGGER installment_marked_when_added AFTER INSERT ON installment
  REFERENCING NEW TABLE AS added_installment FOR EACH STATEMENT EXECUTE FUNCTION installment_mark_added();

CREATE FUNCTION installment_mark_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO ledger_change (account_id) SELECT DISTINCT account_id FROM removed_installment r
    WHERE EXISTS (SELECT 1 FROM account a WHERE a.id = r.account_id)
    ON CONFLICT (account_id) DO UPDATE SET marked = nextval('ledger_change_mark');
  RETURN NULL;
END $$;
CREATE TRIGGER installment_marked_when_removed AFTER DELETE ON installment
  REFERENCING OLD TABLE AS removed_installment FOR EACH STATEMENT
  EXECUTE FUNCTION installment_mark_removed();

CREATE FUNCTION installment_mark_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A row whose key changed has no partner on the other side: both its accounts are marked.
  INSERT INTO ledger_change (account_id)
    SELECT DISTINCT coalesce(n.account_id, o.account_id)
    FROM old_installment o FULL JOIN new_installment n ON n.account_id = o.account_id AND n.seq = o.seq
    WHERE o.account_id IS NULL OR n.account_id IS NULL
      OR (o.due_date, o.principal_due_minor, o.interest_due_minor, o.penalty_accrued_minor,
          o.penalty_through, o.principal_paid_minor, o.interest_paid_minor, o.fee_paid_minor,
          o.penalty_paid_minor)
        IS DISTINCT FROM (n.due_date, n.principal_due_minor, n.interest_due_minor,
          n.penalty_accrued_minor, n.penalty_through, n.principal_paid_minor, n.interest_paid_minor,
          n.fee_paid_minor, n.penalty_paid_minor)
      OR (o.fee_due_minor <> n.fee_due_minor AND NOT (n.late_fee_charged AND NOT o.late_fee_charged))
    ON CONFLICT (account_id) DO UPDATE SET marked = nextval('ledger_change_mark');
  RETURN NULL;
END $$;
CREATE TRIGGER installment_marked_when_changed AFTER UPDATE ON installment
  REFERENCING OLD TABLE AS old_installment NEW TABLE AS new_installment FOR EACH STATEMENT
  EXECUTE FUNCTION installment_mark_changed();
