import type { Db } from '../../db/database.ts';
import type { Channel } from '../../policy/situation.ts';
import type { ContactPointView } from '../portfolio/list-contact-points.ts';
import { buildSituation } from '../gate/build-situation.ts';
import type { ContactRequest } from '../gate/contact-request.ts';
import { loadBorrowerFiles } from '../gate/load-borrower-files.ts';
import type { PolicyGate } from '../gate/policy-gate.ts';

/**
 * The gate, live, on a case file: for each contact point the page shows (masked) and each channel
 * that can reach it, whether the acting collector may use it now, and if not, the rules that deny,
 * their reasons and when the contact opens (nextAllowedAt).
 *
 * These answers are shown, not acted on, so they are not stored: a page view would otherwise add
 * a Decision per number and channel each time it is opened. Acting needs a reservation
 * (reserve-contact.ts), which decides again under the borrower's lock and stores that Decision.
 */
type CheckCaseGateOptions = {
  db: Db;
  gate: PolicyGate;
  borrowerId: bigint;
  accountId: string;
  contactPoints: readonly ContactPointView[];
  actor: ContactRequest['actor'];
  now: Date;
};

export type GateLight = {
  contactPointId: string;
  channel: Channel;
  allowed: boolean;
  nextAllowedAt: string | null;
  /** The rules that deny, with their reason codes; empty when allowed. */
  denials: { ruleId: string; reason: string }[];
  /** A request the gate could not judge (no pack for the debt, no such number), as its reason code. */
  rejection: string | null;
};

/** The channels each kind of contact point can be reached by, in the order the desk lists them. */
const CHANNELS_BY_KIND: Readonly<Record<string, readonly Channel[]>> = {
  mobile: ['voice', 'sms'], landline: ['voice'], email: ['email'],
};

export async function checkCaseGate(options: CheckCaseGateOptions): Promise<GateLight[]> {
  const { db, actor } = options;
  const file = (await loadBorrowerFiles(db, [options.borrowerId], options.now)).get(options.borrowerId)!;
  const registered = actor.agencyId === undefined ? null : (await db.query<{ phone: string }>(
    'SELECT phone FROM agency_number WHERE agency_id = $1 ORDER BY phone', [actor.agencyId],
  )).map((row) => row.phone);
  const lights: GateLight[] = [];
  for (const point of options.contactPoints) {
    for (const channel of CHANNELS_BY_KIND[point.kind] ?? []) {
      const request: ContactRequest = {
        accountId: options.accountId, action: 'contact', channel, actor,
        targetPartyId: point.partyExternalId, contactPointId: point.id,
      };
      const built = buildSituation(file, request, registered);
      if (!built.ok) {
        lights.push({ contactPointId: point.id, channel, allowed: false, nextAllowedAt: null, denials: [],
          rejection: built.rejection.reason });
        continue;
      }
      const { situation } = built.built;
      const decision = options.gate.evaluators[situation.pack].evaluate(situation, options.now);
      lights.push({
        contactPointId: point.id, channel, allowed: decision.allowed, nextAllowedAt: decision.nextAllowedAt,
        denials: decision.outcomes.filter((outcome) => outcome.result === 'deny')
          .map((outcome) => ({ ruleId: outcome.ruleId, reason: outcome.reason })),
        rejection: null,
      });
    }
  }
  return lights;
}
