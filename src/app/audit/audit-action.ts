/**
 * Every action an audit event may name, `<subject>.<what happened>` in the past tense. The list is
 * closed so that a compliance officer can filter by each one and nothing is recorded under a
 * misspelt name; a use case that starts writing a new kind of event adds its name here. Personal
 * data revealed to a person is `pii.revealed`, whatever the record it came from.
 */
export const AUDIT_ACTIONS = [
  'user.signed_in',
  'user.signed_out',
  'user.sign_in_failed',
  'user.created',
  'user.disabled',
  'user.password_reset',
  'team.supervisor_set',
  'token.created',
  'token.revoked',
  'pii.revealed',
  'payment.received',
  'contact.reserved',
  'contact.outcome_recorded',
  'case.assigned',
  'promise.recorded',
  'hold.opened',
  'fact.recorded',
  'note.added',
  'contact.recording_linked',
  'strategy.activated',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
