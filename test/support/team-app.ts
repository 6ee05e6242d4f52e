import { createProfile } from '../../src/app/profiles.js';
import { createAdministrator, invite, redeemLink, signIn, type StartedSession } from '../../src/app/accounts.js';
import type { Role } from '../../src/domain/access/index.js';
import { createApi } from '../../src/api/create-api.js';
import type { Account } from '../../src/store/account.repository.js';
import { openLoadedApp } from './loaded-app.js';

export const PASSWORD = 'correct horse battery staple';
export const ORIGIN = 'http://localhost';

/** A signed-in person of a team server: their account and the headers their browser would send. */
export interface Member {
  account: Account;
  session: StartedSession;
  headers: Record<string, string>;
}

export const browserHeaders = (session: StartedSession): Record<string, string> => ({
  cookie: `upskill-session=${session.sessionId}`,
  'x-csrf-token': session.csrfToken,
  origin: ORIGIN,
});

/**
 * A team server with the public data loaded and one person of each role: an administrator, a manager,
 * an employee who reports to the manager, an employee who does not ("outsider"), and an analyst — each
 * signed in, each with a profile of their own except the analyst.
 */
export async function openTeam() {
  const app = await openLoadedApp();
  const api = createApi(app, { access: { mode: 'team' } });
  const admin = await createAdministrator(app, { email: 'admin@example.org', name: 'Ada Admin', password: PASSWORD });
  const adminSession = await signIn(app, { email: admin.email, password: PASSWORD }, '127.0.0.1');
  const members: Record<'administrator' | 'manager' | 'employee' | 'outsider' | 'analyst', Member> = {
    administrator: { account: admin, session: adminSession, headers: browserHeaders(adminSession) },
  } as never;
  let count = 0;
  const join = async (role: Role, managerId: string | null = null, name = `${role} ${++count}`): Promise<Member> => {
    const email = `${name.replace(/\W+/g, '.')}.${count}@example.org`.toLowerCase();
    const actor = { principal: principalOf(admin), address: null, accountId: admin.id };
    const { token } = await invite(app, actor, { email, name, role, managerId });
    const session = await redeemLink(app, { token, password: PASSWORD }, '127.0.0.1');
    return { account: session.account, session, headers: browserHeaders(session) };
  };
  members.manager = await join('manager', null, 'Mia Manager');
  members.employee = await join('employee', members.manager.account.id, 'Eli Employee');
  members.outsider = await join('employee', null, 'Olu Outsider');
  members.analyst = await join('analyst', null, 'Ann Analyst');
  const profileOf = async (member: Member, name = `${member.account.name}'s plan`) =>
    createProfile(app, { name, occupation: '13-1161.00', hoursPerWeek: 5, ownerId: member.account.id });
  return { app, api, members, join, profileOf, close: () => app.close() };
}

export const principalOf = (account: Account) =>
  ({ kind: 'account', accountId: account.id, role: account.role, via: 'session' }) as const;

export type Team = Awaited<ReturnType<typeof openTeam>>;
