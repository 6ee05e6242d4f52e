import type { Principal } from './principal.js';

/** Who a roster person is to the accounts: their own account and their managers' (linked by e-mail). */
export interface RosterRelation {
  accountId: string | null;
  managerAccountIds: readonly string[];
}

/**
 * Whether the viewer may see a roster person by name (drill-down, single points of failure, a team
 * under five): administrators everyone, managers their reports (by the accounts' reporting lines or the
 * roster's manager), anyone themselves; personal mode everything. Others see counts only.
 */
export function mayViewPerson(principal: Principal, person: RosterRelation | undefined): boolean {
  if (principal.kind === 'personal') return true;
  if (principal.kind === 'anonymous') return false;
  if (principal.role === 'administrator') return true;
  if (!person) return false;
  if (person.accountId === principal.accountId) return principal.role !== 'analyst';
  return principal.role === 'manager' && person.managerAccountIds.includes(principal.accountId);
}
