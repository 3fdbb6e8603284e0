-- Each planned action records the strategy version it was planned under and the policy version of
-- the gate that judged it, and each Decision the cycle makes records the strategy version whose
-- proposal it judged, in columns of their own.
--
-- A planned action's policy version is the version of the gate's evaluator for the borrower's pack
-- even when the action was dropped before any rule ran (a message whose template is unknown); it is
-- null only when there is no pack to name (the account's jurisdiction has none, or the case has no
-- account). A Decision made for an HTTP check or a reservation judges no strategy's proposal: its
-- strategy version is null.
ALTER TABLE planned_action ADD COLUMN strategy_version text, ADD COLUMN policy_version text;
ALTER TABLE decision ADD COLUMN strategy_version text;

-- Rows written before: the strategy version was kept in the detail, the policy version only in the
-- Decision. Left null: a planned action dropped undecided before this migration (which pack's
-- version applied is not recorded anywhere), and Decisions no planned action names (checks and
-- reservations).
UPDATE planned_action p SET strategy_version = p.detail->>'strategyVersion',
  policy_version = (SELECT d.policy_version FROM decision d WHERE d.id = p.decision_id);
UPDATE decision d SET strategy_version = p.strategy_version
  FROM planned_action p WHERE p.decision_id = d.id AND p.strategy_version IS NOT NULL;

-- The versions named exist, and a planned action's policy version is its Decision's: checked once
-- per statement, as the case and Decision references are (migration 0011), not by per-row foreign
-- keys. The version checks read the statement's distinct versions (one or two a day); the
-- Decision's version is compared in the lookup of the Decision that was made already.
-- A null version is not refused here: rows written before this migration may hold one (above).
CREATE OR REPLACE FUNCTION planned_action_references_exist() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  missing boolean;
  other boolean;
BEGIN
  IF EXISTS (SELECT 1 FROM written w
      WHERE NOT EXISTS (SELECT 1 FROM collection_case c WHERE c.id = w.case_id)) THEN
    RAISE EXCEPTION 'a planned action names a case that does not exist'
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  SELECT coalesce(bool_or(d.id IS NULL), false),
      coalesce(bool_or(d.policy_version <> w.policy_version), false)
    INTO missing, other
    FROM written w LEFT JOIN decision d ON d.id = w.decision_id WHERE w.decision_id IS NOT NULL;
  IF missing THEN
    RAISE EXCEPTION 'a planned action names a decision that does not exist'
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  IF other THEN
    RAISE EXCEPTION 'a planned action names a policy version other than its decision''s'
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF EXISTS (SELECT 1 FROM (SELECT DISTINCT strategy_version FROM written) w
      WHERE w.strategy_version IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM strategy_document s WHERE s.version = w.strategy_version)) THEN
    RAISE EXCEPTION 'a planned action names a strategy version that does not exist'
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  IF EXISTS (SELECT 1 FROM (SELECT DISTINCT policy_version FROM written) w
      WHERE w.policy_version IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM policy_version v WHERE v.version = w.policy_version)) THEN
    RAISE EXCEPTION 'a planned action names a policy version that does not exist'
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION decision_references_exist() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM written w WHERE NOT EXISTS (SELECT 1 FROM party p WHERE p.id = w.borrower_id)) THEN
    RAISE EXCEPTION 'a decision names a borrower that does not exist'
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  IF EXISTS (SELECT 1 FROM (SELECT DISTINCT strategy_version FROM written) w
      WHERE w.strategy_version IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM strategy_document s WHERE s.version = w.strategy_version)) THEN
    RAISE EXCEPTION 'a decision names a strategy version that does not exist'
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END $$;
