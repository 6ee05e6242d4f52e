import type { Principal } from './principal.js';
import type { Role } from './roles.js';
import type { RouteRule } from './route-policy.js';

export type AccessDecision =
  | { allowed: true; /** The route names one person: the relationship must be checked next. */ personCheck: boolean }
  | { allowed: false; status: 401 | 403; code: 'SIGN_IN_REQUIRED' | 'FORBIDDEN'; reason: string };

/** Roles that work with individual people's profiles and plans. */
const WORKS_WITH_INDIVIDUALS: ReadonlySet<Role> = new Set(['administrator', 'manager', 'employee']);
const READING = new Set(['GET', 'HEAD', 'OPTIONS']);

const forbidden = (reason: string): AccessDecision => ({ allowed: false, status: 403, code: 'FORBIDDEN', reason });

/**
 * Whether this principal may call a route with this rule (`undefined`: a route nobody gave a rule,
 * which is refused to everyone in team mode). Personal mode allows everything: its one user is at
 * the machine.
 */
export function decideRoute(principal: Principal, rule: RouteRule | undefined, method: string): AccessDecision {
  if (principal.kind === 'personal') return { allowed: true, personCheck: false };
  if (rule === 'public') return { allowed: true, personCheck: false };
  if (principal.kind === 'anonymous')
    return { allowed: false, status: 401, code: 'SIGN_IN_REQUIRED', reason: 'Sign in to use this server.' };
  if (rule === undefined) return forbidden('This route has no access rule yet, so nobody may call it.');
  if (typeof principal.via === 'object' && principal.via.token === 'read' && !READING.has(method.toUpperCase()))
    return forbidden('This personal access token may only read; make a read-write token to change data.');
  switch (rule) {
    case 'signed-in':
      return { allowed: true, personCheck: false };
    case 'individuals':
    case 'person':
      return WORKS_WITH_INDIVIDUALS.has(principal.role)
        ? { allowed: true, personCheck: rule === 'person' }
        : forbidden('Analysts see market and occupation data and aggregates, never one person’s profile or plan.');
    case 'administrator':
      return principal.role === 'administrator'
        ? { allowed: true, personCheck: false }
        : forbidden('Only an administrator may manage accounts, roles and the audit log.');
  }
}

/** Whose a profile is: its person's account and that person's manager (none for a personal store's profiles). */
export interface PersonRelation {
  ownerId: string | null;
  ownerManagerId: string | null;
}

/**
 * Whether the principal may see and change this person's profile, plan and progress: administrators
 * everyone's, managers their own and their direct reports', employees their own, analysts nobody's.
 */
export function mayAccessPerson(principal: Principal, person: PersonRelation): boolean {
  if (principal.kind === 'personal') return true;
  if (principal.kind === 'anonymous') return false;
  switch (principal.role) {
    case 'administrator':
      return true;
    case 'manager':
      return person.ownerId === principal.accountId || person.ownerManagerId === principal.accountId;
    case 'employee':
      return person.ownerId === principal.accountId;
    case 'analyst':
      return false;
  }
}
