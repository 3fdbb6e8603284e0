import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '../../domain/people/roles.ts';
import type { PageText } from '../i18n/localise-request.ts';

/** What the layout shows around every page: who is signed in, and the form that signs them out. */
type PageFrame = { who: string | null; signOutToken: string | null };

export function pageFrame(request: FastifyRequest, reply: FastifyReply, text: PageText): PageFrame {
  const principal = request.principal;
  if (principal === null || principal.kind !== 'user') return { who: null, signOutToken: null };
  return {
    who: text.t('nav.signedInAs', { name: principal.displayName, role: roleName(text, principal.role) }),
    signOutToken: reply.generateCsrf(),
  };
}

/** A role in the reader's language. */
function roleName(text: PageText, role: Role): string {
  const names: Record<Role, string> = {
    admin: text.t('role.admin'), manager: text.t('role.manager'), supervisor: text.t('role.supervisor'),
    collector: text.t('role.collector'), field_collector: text.t('role.field_collector'),
    agency_collector: text.t('role.agency_collector'), compliance_officer: text.t('role.compliance_officer'),
    system: text.t('role.system'), dialler: text.t('role.dialler'),
  };
  return names[role];
}
