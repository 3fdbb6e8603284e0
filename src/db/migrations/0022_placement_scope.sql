-- What an agency may see of a placed account beyond the debt and the borrower's own contact points
-- (PIPL's minimum necessary): the third parties on the borrower's file (emergency contacts,
-- relatives, a guarantor) only when the placement says so. Nothing is shown unless the lender
-- chose to.
ALTER TABLE placement ADD COLUMN shows_third_parties boolean NOT NULL DEFAULT false;

-- The scopes' filters: a team's cases in id order; whether a borrower's cases are a team's (an
-- account page's check); an agency's placements.
CREATE INDEX collection_case_owner_team ON collection_case (owner_team, id);
CREATE INDEX collection_case_borrower_team ON collection_case (borrower_id, owner_team);
CREATE INDEX placement_agency ON placement (agency_id, account_id);
