-- Planning asks, for every open case in a stage with a one-off treatment (a firm-notice letter, a
-- visit request, a bureau pre-notice, a legal referral), whether that treatment was already planned
-- since the case entered its stage. The only index that could answer led with the date, so each
-- question scanned every planned action of the stage's whole period: a daily cost that grew with
-- the history. This index answers it by case.
CREATE INDEX planned_action_case_action ON planned_action (case_id, action, as_of);
