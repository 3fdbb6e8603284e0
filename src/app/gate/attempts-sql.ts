import type { HistoryKeep, HistoryMatch, HistoryRead } from '../../policy/rules/look-back.ts';
import { assert } from '../../stdx/assert.ts';

/**
 * The query of the borrowers' contact history the gate loads for a batch of borrowers (`$1`): every
 * attempt since `$2`, and before it only the attempts the whole-history rules read (`historyReads`),
 * in one statement. The older attempts any read matches are scanned once, through the (borrower_id,
 * started_at) index, keeping only their id, keys and a flag per match; each read then picks its own
 * among them (all its matches, or the first or last few of each borrower or account), and only the
 * picked rows are fetched whole. Rows come oldest first per borrower, as the rules expect.
 *
 * No index selects the kinds the reads match, so that scan visits every older attempt of the batch
 * once: about ten times the cost of the recent days alone on a portfolio with two years of calls.
 */
export function attemptsSql(reads: readonly HistoryRead[]): string {
  const window = `SELECT ${COLUMNS} FROM contact_attempt a
        WHERE a.borrower_id = ANY($1::bigint[]) AND a.started_at >= $2`;
  const body = reads.length === 0 ? window : `${window}
      UNION ALL
      SELECT ${COLUMNS} FROM contact_attempt a WHERE a.id = ANY(ARRAY(SELECT DISTINCT id FROM kept))`;
  return `${reads.length === 0 ? '' : keptSql(reads)}SELECT borrower_id, started_at, channel, direction,
      party_id, contact_point_id, actor_kind, actor_id, agency_id, outcome, account_id, purpose, decision_id
    FROM (
      ${body}
    ) AS history
    ORDER BY borrower_id, started_at, id`;
}

const COLUMNS = `a.id, a.borrower_id, a.started_at, a.channel, a.direction, a.party_id, a.contact_point_id,
  a.actor_kind, a.actor_id, a.agency_id, a.outcome, a.account_id, a.purpose, a.decision_id`;

/**
 * `older`: the attempts before `$2` that any read matches, one scan with a flag per match; `kept`:
 * the ids each read picks among them. A read keeping one attempt of each borrower (or account) takes
 * it by DISTINCT ON, one keeping more ranks its matches; either sorts only its own matches. `afterLast`
 * starts a read after the latest attempt of another match, found by a grouped maximum.
 */
function keptSql(reads: readonly HistoryRead[]): string {
  const flags = new Map<string, string>();
  const flagOf = (match: HistoryMatch) => {
    const sql = matchSql(match);
    if (!flags.has(sql)) flags.set(sql, `match_${flags.size}`);
    return flags.get(sql)!;
  };
  const picks = reads.map((read) => pickSql(flagOf(read), read.keep, flagOf));
  const columns = [...flags].map(([sql, flag]) => `(${sql}) AS ${flag}`).join(',\n        ');
  return `WITH older AS MATERIALIZED (
      SELECT a.id, a.borrower_id, a.account_id, a.started_at,
        ${columns}
      FROM contact_attempt a
      WHERE a.borrower_id = ANY($1::bigint[]) AND a.started_at < $2
        AND (${[...flags.keys()].map((sql) => `(${sql})`).join('\n          OR ')})
    ), kept AS (
      ${picks.join('\n      UNION ALL\n      ')}
    )
    `;
}

/** The ids one read keeps among the older attempts. */
function pickSql(flag: string, keep: HistoryKeep, flagOf: (match: HistoryMatch) => string): string {
  if (keep === 'all') return `SELECT id FROM older WHERE ${flag}`;
  assert(Number.isSafeInteger(keep.count) && keep.count > 0, `a history read keeps ${keep.count} attempts`);
  const group = keep.per === 'borrower' ? 'o.borrower_id' : 'o.borrower_id, o.account_id';
  const order = keep.which === 'first' ? 'ASC' : 'DESC';
  const after = keep.afterLast === undefined ? '' : `
        LEFT JOIN (SELECT borrower_id, max(started_at) AS since FROM older WHERE ${flagOf(keep.afterLast)}
          GROUP BY borrower_id) AS last USING (borrower_id)`;
  const matched = keep.afterLast === undefined ? `o.${flag}`
    : `o.${flag} AND (last.since IS NULL OR o.started_at > last.since)`;
  if (keep.count === 1) {
    return `SELECT id FROM (SELECT DISTINCT ON (${group}) o.id FROM older AS o${after}
        WHERE ${matched} ORDER BY ${group}, o.started_at ${order}, o.id ${order}) AS first_or_last`;
  }
  return `SELECT id FROM (
        SELECT o.id, row_number() OVER (PARTITION BY ${group} ORDER BY o.started_at ${order}, o.id ${order})
          AS rank FROM older AS o${after} WHERE ${matched}) AS ranked
        WHERE rank <= ${keep.count}`;
}

/** A match as SQL over `a`; its values come from the closed lists of the policy. */
function matchSql(match: HistoryMatch): string {
  const list = (values: readonly string[]) => {
    for (const value of values) assert(/^[a-z_]+$/.test(value), `not a policy term: ${value}`);
    return values.map((value) => `'${value}'`).join(', ');
  };
  const terms = [
    ...(match.party === undefined ? []
      : [`a.party_id ${match.party === 'borrower' ? '=' : '<>'} a.borrower_id`]),
    ...(match.channels === undefined ? [] : [`a.channel IN (${list(match.channels)})`]),
    ...(match.outbound === true ? [`a.direction = 'outbound'`] : []),
    ...(match.inbound === true ? [`a.direction = 'inbound'`] : []),
    ...(match.outcomes === undefined ? [] : [`a.outcome IN (${list(match.outcomes)})`]),
    ...(match.purposes === undefined ? [] : [`COALESCE(a.purpose, 'collect') IN (${list(match.purposes)})`]),
  ];
  return terms.length === 0 ? 'true' : terms.join(' AND ');
}
