-- The collectors' desk reads open cases by their owner (a team's queue, a collector's load), and the
-- cycle settles promises to pay from the payments of their borrower since the promise was made.
-- Neither had an index to answer by: each read scanned every open case or every payment.
CREATE INDEX collection_case_owner ON collection_case (owner_team, owner_agent) WHERE status = 'open';
CREATE INDEX payment_borrower_value_date ON payment (borrower_id, value_date);
-- The board counts the promises each person recorded on a day.
CREATE INDEX promise_to_pay_recorded ON promise_to_pay (recorded_by, recorded_at);
-- The board counts each collector's attempts of a day; attempts name their actor as the principal does.
CREATE INDEX contact_attempt_actor_time ON contact_attempt (actor_id, started_at);
-- Planning rests a case for some days after a promise is kept; it asks daily for the recent ones.
CREATE INDEX promise_to_pay_kept ON promise_to_pay (settled_on) WHERE status = 'kept';
