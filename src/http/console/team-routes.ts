import { fileURLToPath } from 'node:url';
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Eta } from 'eta';
import { BUSINESS_TIME_ZONE, businessDate } from '../../app/calendar/business-date.ts';
import { assignCases } from '../../app/desk/assign-cases.ts';
import { getTeamBoard } from '../../app/desk/get-team-board.ts';
import { listTeamCases } from '../../app/desk/list-team-cases.ts';
import { listTeams } from '../../app/desk/list-teams.ts';
import { reassignCase } from '../../app/desk/reassign-case.ts';
import { PAGE_ROWS_DEFAULT } from '../../config/limits.ts';
import type { Db } from '../../db/database.ts';
import { principalName, type Principal } from '../../domain/people/principal.ts';
import type { Role } from '../../domain/people/roles.ts';
import type { Clock } from '../../stdx/clock.ts';
import { AppError } from '../app-error.ts';
import { auditContextOf } from '../auth/audit-context-of.ts';
import { principalOf } from '../auth/principal-of.ts';
import { formatAmount } from '../i18n/format-amount.ts';
import { localiseRequest, type PageText } from '../i18n/localise-request.ts';
import { pageFrame, roleName } from './page-frame.ts';

/**
 * The supervisor's board (GET /console/team): for one team, its queues per stage with how many
 * cases no collector owns yet, each member's day (attempts, conversations, promises, kept rate; the
 * day of the business time zone), and the team's open cases with their owners, the largest first.
 * A supervisor sees their own team; a manager or an admin chooses any. From the board a supervisor
 * moves a case to another person of the team by hand, and hands the team's unowned cases to its
 * collectors within capacity; both post the page's CSRF token, both are recorded in the assignment
 * history and the audit trail by their use cases. A refused move is shown on the board in words,
 * with the status that fits it; a move that worked redirects back, so a reload posts nothing twice.
 */
const VIEWS = fileURLToPath(new URL('./views/', import.meta.url));
const eta = new Eta({ views: VIEWS, autoEscape: true, cache: true });
/** Roles whose board is any team's; everyone else with the permission sees their own team's. */
const ABOVE_TEAMS = new Set(['manager', 'admin']);
/** The roles a case can be moved to (reassign-case.ts refuses the others). */
const OWNING_ROLES = new Set(['collector', 'field_collector', 'supervisor']);
const Team = Type.String({ pattern: '^[a-z0-9][a-z0-9_-]{0,63}$', description: 'A team id' });
const Id = Type.String({ pattern: '^[1-9][0-9]{0,17}$', description: 'A positive whole number' });
const BOARD_QUERY = Type.Object({
  team: Type.Optional(Team),
  lang: Type.Optional(Type.String({ description: 'The page\'s language, zh-CN or en' })),
  moved: Type.Optional({ ...Id, description: 'A case just moved by hand (shown as a notice)' }),
  assigned: Type.Optional(Type.String({ pattern: '^[0-9]{1,9}$', description: 'Cases just assigned' })),
  owner: Type.Optional(Type.String({
    pattern: '^(?:[1-9][0-9]{0,17}|none)?$',
    description: 'Only the cases of this staff user id, or `none`: the cases no collector owns; empty: all',
  })),
}, { additionalProperties: false });
const CSRF = Type.Optional(Type.String({ maxLength: 200 }));
const REASSIGN_BODY = Type.Object({
  team: Team, toUserId: { ...Id, description: 'The staff user id of the new owner' }, _csrf: CSRF,
}, { additionalProperties: false });
const ASSIGN_BODY = Type.Object({ team: Team, _csrf: CSRF }, { additionalProperties: false });

type Notice = { kind: 'done' | 'refused'; text: string };

export function teamRoutes(db: Db, clock: Clock): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/console/team', {
      config: { permission: 'team:read' },
      schema: {
        tags: ['pages'],
        summary: 'Supervisor board: a team\'s queues, each collector\'s day, its cases and owners',
        querystring: BOARD_QUERY, response: { 200: Type.String({ description: 'HTML page' }) },
      },
    }, async (request, reply) => {
      const text = localiseRequest(request, reply);
      const teamId = await teamOf(db, principalOf(request), request.query.team);
      const notice = noticeOf(text, request.query.moved, request.query.assigned);
      const owner = request.query.owner === 'none' ? null : request.query.owner || undefined;
      return renderBoard(db, request, reply, text, { teamId, notice, now: clock.now(), owner });
    });

    app.post('/console/team/cases/:caseId/owner', {
      config: { permission: 'cases:assign' },
      schema: {
        tags: ['pages'], summary: 'Moves a case to another person of the team by hand (form post)',
        params: Type.Object({ caseId: Id }), body: REASSIGN_BODY,
      },
    }, async (request, reply) => {
      const principal = principalOf(request);
      const teamId = await teamOf(db, principal, request.body.team);
      const now = clock.now();
      const result = await reassignCase({
        db, principal, caseId: BigInt(request.params.caseId), toUserId: BigInt(request.body.toUserId),
        audit: auditContextOf(request), now,
      });
      if (result.ok) return reply.redirect(boardHref(teamId, `moved=${request.params.caseId}`), 303);
      const text = localiseRequest(request, reply);
      reply.code(REFUSAL_STATUS[result.reason]);
      const refusal = refusalText(text, result.reason, request.params.caseId);
      const notice = { kind: 'refused', text: refusal } as const;
      return renderBoard(db, request, reply, text, { teamId, notice, now, owner: undefined });
    });

    app.post('/console/team/assign', {
      config: { permission: 'cases:assign' },
      schema: {
        tags: ['pages'],
        summary: 'Hands the team\'s unowned cases to its collectors within capacity (form post)',
        body: ASSIGN_BODY,
      },
    }, async (request, reply) => {
      const principal = principalOf(request);
      const teamId = await teamOf(db, principal, request.body.team);
      const result = await assignCases({
        db, teamId, actor: principalName(principal), audit: auditContextOf(request), now: clock.now(),
      });
      if (!result.ok) throw new AppError(404, result.reason, `no team ${teamId}`, 'team');
      return reply.redirect(boardHref(teamId, `assigned=${result.assigned}`), 303);
    });
  };
}

/**
 * The team whose board the principal may see: a supervisor's own, whatever the request names (another
 * team's is refused); for a manager or an admin the one named, or the first team when none is.
 */
async function teamOf(db: Db, principal: Principal, requested: string | undefined): Promise<string> {
  if (!ABOVE_TEAMS.has(principal.role)) {
    if (principal.teamId === null) throw new AppError(403, 'no_team', 'you lead no team');
    if (requested !== undefined && requested !== principal.teamId) {
      throw new AppError(403, 'not_your_team', 'a supervisor sees their own team\'s board only', 'team');
    }
    return principal.teamId;
  }
  const teams = await listTeams(db);
  const chosen = requested ?? teams[0]?.id;
  if (chosen === undefined || !teams.some((team) => team.id === chosen)) {
    throw new AppError(404, 'unknown_team', `no team ${chosen ?? '(none exists)'}`, 'team');
  }
  return chosen;
}

/** What the board says after a move or an assignment run redirected back to it. */
function noticeOf(text: PageText, moved: string | undefined, assigned: string | undefined): Notice | null {
  if (moved !== undefined) return { kind: 'done', text: text.t('team.moved', { case: moved }) };
  return assigned === undefined ? null : { kind: 'done', text: text.t('team.assigned', { count: assigned }) };
}

function boardHref(teamId: string, result: string): string {
  return `/console/team?team=${encodeURIComponent(teamId)}&${result}`;
}

type BoardRender = {
  teamId: string; notice: Notice | null; now: Date;
  /** The cases listed: one person's (staff user id), the unowned (null) or all (undefined). */
  owner: string | null | undefined;
};

async function renderBoard(
  db: Db, request: FastifyRequest, reply: FastifyReply, text: PageText, render: BoardRender,
): Promise<string> {
  const principal = principalOf(request);
  const board = await getTeamBoard({
    db, teamId: render.teamId, asOf: businessDate(render.now), timeZone: BUSINESS_TIME_ZONE, now: render.now,
  });
  if (board === null) throw new AppError(404, 'unknown_team', `no team ${render.teamId}`, 'team');
  const { cases, total } = await listTeamCases({
    db, teamId: render.teamId, limit: PAGE_ROWS_DEFAULT,
    ...(render.owner === undefined ? {} : { owner: render.owner }),
  });
  const names = new Map(board.members.map((member) => [member.userId, member.username]));
  const body = eta.render('./team', {
    text, notice: render.notice, asOf: businessDate(render.now), zone: BUSINESS_TIME_ZONE,
    team: board.team, queues: board.queues, csrf: reply.generateCsrf(),
    teams: ABOVE_TEAMS.has(principal.role) ? await listTeams(db) : [],
    members: board.members.map((member) => ({
      ...member, role: roleName(text, member.role as Role),
      keptRate: member.keptRate === null ? '—' : `${(member.keptRate * 100).toFixed(0)}%`,
    })),
    owners: board.members.filter((member) => OWNING_ROLES.has(member.role))
      .map((member) => ({ userId: member.userId, name: `${member.displayName} (${member.username})` })),
    cases: cases.map((row) => ({
      id: row.caseId.toString(), account: row.accountId ?? '—', stage: row.stage, dpd: row.maxDpd,
      overdue: formatAmount(row.overdueMinor, row.currency, text.locale), ownerUserId: row.ownerUserId,
      owner: row.ownerUserId === null ? null : names.get(row.ownerUserId) ?? row.ownerUsername,
    })),
    shown: cases.length, total, owner: render.owner === undefined ? '' : render.owner ?? 'none',
  });
  reply.type('text/html; charset=utf-8');
  const frame = pageFrame(request, reply, text);
  return eta.render('./layout', { title: text.t('team.title'), body, text, frame });
}

type Refusal = Exclude<Awaited<ReturnType<typeof reassignCase>>, { ok: true }>['reason'];

const REFUSAL_STATUS: Readonly<Record<Refusal, number>> = {
  not_permitted: 403, not_in_team: 403, unknown_case: 404, unknown_user: 404, case_closed: 409,
  role_cannot_own: 409, user_disabled: 409, over_capacity: 409,
};

/** Why a move was refused, in the reader's words. */
function refusalText(text: PageText, reason: Refusal, caseId: string): string {
  const texts: Record<Refusal, string> = {
    not_permitted: text.t('team.refused.not_permitted'),
    unknown_case: text.t('team.refused.unknown_case'),
    case_closed: text.t('team.refused.case_closed'),
    unknown_user: text.t('team.refused.unknown_user'),
    not_in_team: text.t('team.refused.not_in_team'),
    role_cannot_own: text.t('team.refused.role_cannot_own'),
    user_disabled: text.t('team.refused.user_disabled'),
    over_capacity: text.t('team.refused.over_capacity'),
  };
  return text.t('team.refused', { case: caseId, reason: texts[reason] });
}
