import type { FastifyReply, FastifyRequest } from 'fastify';
import { grants, type Role } from '../../domain/people/roles.ts';
import type { PageText } from '../i18n/localise-request.ts';

/** What the layout shows around every page: who is signed in, and the form that signs them out. */
type PageFrame = {
  who: string | null;
  signOutToken: string | null;
  /** The sections of the navigation the principal may open; the rest are not offered. */
  can: { console: boolean; audit: boolean; desk: boolean; team: boolean };
};

const NOBODY = { console: false, audit: false, desk: false, team: false };

export function pageFrame(request: FastifyRequest, reply: FastifyReply, text: PageText): PageFrame {
  const principal = request.principal;
  if (principal === null) return { who: null, signOutToken: null, can: NOBODY };
  const can = {
    console: grants(principal.role, 'console:read'), audit: grants(principal.role, 'audit:read'),
    desk: grants(principal.role, 'desk:work'), team: grants(principal.role, 'team:read'),
  };
  if (principal.kind !== 'user') return { who: null, signOutToken: null, can };
  return {
    can,
    who: text.t('nav.signedInAs', { name: principal.displayName, role: roleName(text, principal.role) }),
    signOutToken: reply.generateCsrf(),
  };
}

/** A role in the reader's language. */
export function roleName(text: PageText, role: Role): string {
  const names: Record<Role, string> = {
    admin: text.t('role.admin'), manager: text.t('role.manager'), supervisor: text.t('role.supervisor'),
    collector: text.t('role.collector'), field_collector: text.t('role.field_collector'),
    agency_collector: text.t('role.agency_collector'), compliance_officer: text.t('role.compliance_officer'),
    system: text.t('role.system'), dialler: text.t('role.dialler'),
  };
  return names[role];
}
