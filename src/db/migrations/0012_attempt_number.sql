-- Every outbound call or text records the number it used, so each number's daily cap (CN-CBA-02)
-- counts all of its calls: an attempt without a number was once counted as if it were a number of
-- its own, which let twelve unanswered calls reach one phone in a day.
--
-- NOT VALID: the rows already written stay as they were recorded. Their number is not known, and
-- writing a guessed one into the contact log would falsify it; the rules count each of them against
-- every number of the person called instead. The constraint holds for every row inserted from now
-- on, and for every row updated: an outbound call or text reserved before this migration without a
-- number can no longer have its outcome recorded, so upgrade when no such reservation is open.
ALTER TABLE contact_attempt ADD CONSTRAINT contact_attempt_outbound_number
  CHECK (direction = 'inbound' OR channel NOT IN ('voice', 'sms') OR contact_point_id IS NOT NULL)
  NOT VALID;
