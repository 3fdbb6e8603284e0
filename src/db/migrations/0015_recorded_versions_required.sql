-- Every planned action written from now on names the strategy version that planned it, and a
-- decided one the policy version of its Decision: the cycle always knows both, so a row without
-- them is a writer's bug, refused here rather than found in an audit.
--
-- NOT VALID: rows written before migration 0014 may hold no strategy version (nothing recorded
-- it), and stay as they are; every row inserted or updated from now on is checked.
ALTER TABLE planned_action
  ADD CONSTRAINT planned_action_strategy_version_recorded CHECK (strategy_version IS NOT NULL) NOT VALID,
  ADD CONSTRAINT planned_action_policy_version_recorded
    CHECK (decision_id IS NULL OR policy_version IS NOT NULL) NOT VALID;
