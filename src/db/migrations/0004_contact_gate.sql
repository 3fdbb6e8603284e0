-- The gate in front of every contact. An outbound attempt can only be written with the stored
-- Decision that allowed it: the database itself refuses an undecided contact, whatever code path
-- tries. Attempts name the debt they were about, since the US call cap counts per debt (US-03).

ALTER TABLE contact_attempt ADD COLUMN account_id bigint REFERENCES account (id);
ALTER TABLE contact_attempt ADD CONSTRAINT contact_attempt_outbound_decided
  CHECK (direction = 'inbound' OR decision_id IS NOT NULL);
-- When the outcome was recorded, and by whom; a reservation without one still counts against caps.
ALTER TABLE contact_attempt ADD COLUMN outcome_recorded_at timestamptz;

ALTER TABLE decision ADD COLUMN action text NOT NULL DEFAULT 'contact'
  CHECK (action IN ('contact', 'credit_report', 'legal_action', 'placement'));

-- The citation of every rule of a policy version, kept once here rather than in every Decision row.
ALTER TABLE policy_version ADD COLUMN citations jsonb NOT NULL DEFAULT '{}';
