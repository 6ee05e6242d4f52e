import { isRole, type Principal, type Role, type TokenScope } from '../domain/access/index.js';
import { UpskillError } from '../domain/errors.js';
import * as store from '../store/account.repository.js';
import type { Account, LinkPurpose, OneTimeLink } from '../store/account.repository.js';
import { adoptUnownedProfiles } from '../store/profile.repository.js';
import type { Queryable } from '../store/database.js';
import { recordAudit, type Actor } from './audit.js';
import { decoyHash, hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordMatches } from './password-hash.js';
import { newId, newSecret, secretHash } from './secret-tokens.js';
import type { UpskillApp } from './upskill-app.js';

/** How long a session lasts after signing in; signing out or a password reset ends it sooner. */
export const SESSION_HOURS = 12;
/** Failed sign-ins for one e-mail address within the window that lock it for the window. */
export const LOCK_AFTER_FAILURES = 5;
/** Failed sign-ins from one network address within the window before it must wait (any e-mail address). */
export const ADDRESS_FAILURE_LIMIT = 20;
export const FAILURE_WINDOW_MINUTES = 15;
const LINK_HOURS: Record<LinkPurpose, number> = { setup: 24, invitation: 7 * 24, 'password-reset': 24 };

const MODE_KEY = 'mode';
const minutes = (n: number): number => n * 60_000;
const hoursFrom = (now: Date, hours: number): string => new Date(now.getTime() + hours * 3_600_000).toISOString();
const clock = (iso: string): string => `${iso.slice(11, 16)} UTC`;

/** Whether this store runs as a team server (accounts required); a personal store has never been switched. */
export async function isTeamStore(app: UpskillApp): Promise<boolean> {
  return (await store.readSetting<string>(app.database, MODE_KEY)) === 'team';
}

/**
 * Switches the store to team mode (for good: its profiles are people's data from now on). While no
 * administrator exists, a one-time setup link is made for the first one; its token is returned to be
 * shown on the console, once.
 */
export async function enableTeamMode(app: UpskillApp, now: Date = new Date()): Promise<{ setupToken?: string }> {
  await store.writeSetting(app.database, MODE_KEY, 'team');
  if ((await store.countAdministrators(app.database)) > 0) return {};
  await store.voidLinks(app.database, 'setup', null);
  return { setupToken: await makeLink(app.database, 'setup', {}, null, now) };
}

function normaliseEmail(email: string): string {
  const value = email.trim().toLowerCase();
  if (!/^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{2,63}$/.test(value))
    throw new UpskillError('BAD_INPUT', 'email: must be an e-mail address like name@example.org.');
  return value;
}

function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH)
    throw new UpskillError(
      'BAD_INPUT',
      `password: must be ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters long (got ${password.length}).`,
      { hint: 'A few unrelated words make a long password that is easy to remember.' },
    );
}

function checkName(name: string): string {
  const value = name.trim();
  if (value.length === 0 || value.length > 80)
    throw new UpskillError('BAD_INPUT', 'name: must be 1 to 80 characters long.');
  return value;
}

async function makeLink(
  db: Queryable,
  purpose: LinkPurpose,
  fields: Partial<Pick<OneTimeLink, 'accountId' | 'email' | 'name' | 'role' | 'managerId'>>,
  createdBy: string | null,
  now: Date,
): Promise<string> {
  const token = newSecret();
  await store.insertOneTimeLink(db, secretHash(token), {
    purpose,
    accountId: fields.accountId ?? null,
    email: fields.email ?? null,
    name: fields.name ?? null,
    role: fields.role ?? null,
    managerId: fields.managerId ?? null,
    createdBy,
    createdAt: now.toISOString(),
    expiresAt: hoursFrom(now, LINK_HOURS[purpose]),
  });
  return token;
}

const linkGone = (): UpskillError =>
  new UpskillError('LINK_INVALID', 'This link has been used already, has expired, or was never made.', {
    hint: 'Ask an administrator for a new invitation or password-reset link.',
  });

/** Creates an administrator directly (the CLI's `upskill accounts create-admin`, at the server's own machine). */
export async function createAdministrator(
  app: UpskillApp,
  input: { email: string; name: string; password: string },
): Promise<Account> {
  const email = normaliseEmail(input.email);
  const name = checkName(input.name);
  checkPassword(input.password);
  const passwordHash = await hashPassword(input.password);
  return app.database.transaction(async (tx) => {
    const first = (await store.countAdministrators(tx)) === 0;
    const account = await insertUnique(tx, { email, name, role: 'administrator', managerId: null, passwordHash });
    if (first) await adoptUnownedProfiles(tx, account.id);
    await store.writeSetting(tx, MODE_KEY, 'team');
    return account;
  });
}

async function insertUnique(
  db: Queryable,
  fields: { email: string; name: string; role: Role; managerId: string | null; passwordHash: string | null },
): Promise<Account> {
  if (await store.findAccountForSignIn(db, fields.email))
    throw new UpskillError('CONFLICT', `There is an account for ${fields.email} already.`, {
      hint: 'Reset its password instead, or use another address.',
    });
  return store.insertAccount(db, { id: newId(), ...fields });
}

/** A signed-in session: the cookie's secret (shown to the browser once) and the CSRF token that goes with it. */
export interface StartedSession {
  account: Account;
  sessionId: string;
  csrfToken: string;
  expiresAt: string;
}

async function startSession(db: Queryable, account: Account, address: string | null, now: Date) {
  // A fresh id at every sign-in: a session id planted before signing in is never the one that signs in.
  const sessionId = newSecret();
  const csrfToken = newSecret();
  const expiresAt = hoursFrom(now, SESSION_HOURS);
  await store.insertSession(db, {
    idHash: secretHash(sessionId),
    accountId: account.id,
    csrfToken,
    address,
    createdAt: now.toISOString(),
    expiresAt,
  });
  return { account, sessionId, csrfToken, expiresAt };
}

/**
 * Signs in with e-mail and password. Five failures for an address within 15 minutes lock it for 15
 * minutes (even with the right password); twenty from one network address make that address wait.
 * A wrong e-mail and a wrong password get the same answer, in the same time.
 */
export async function signIn(
  app: UpskillApp,
  input: { email: string; password: string },
  address: string,
  now: Date = new Date(),
): Promise<StartedSession> {
  const email = input.email.trim().toLowerCase();
  const db = app.database;
  const since = new Date(now.getTime() - minutes(FAILURE_WINDOW_MINUTES)).toISOString();
  const failures = await store.countSignInFailures(db, email, address, since);
  const until = (last: string | null) => new Date(Date.parse(last!) + minutes(FAILURE_WINDOW_MINUTES)).toISOString();
  if (failures.fromAddress >= ADDRESS_FAILURE_LIMIT) {
    throw new UpskillError(
      'TOO_MANY_ATTEMPTS',
      `Too many failed sign-ins from this network address; try again after ${clock(until(failures.lastFromAddress))}.`,
      { details: { retryAfter: until(failures.lastFromAddress) } },
    );
  }
  if (failures.forEmail >= LOCK_AFTER_FAILURES) throw locked(email, until(failures.lastForEmail));
  const account = await store.findAccountForSignIn(db, email);
  const matches = await passwordMatches(account?.passwordHash ?? (await decoyHash()), input.password);
  if (!account || !account.passwordHash || !matches) {
    await store.recordSignInFailure(db, email, address, now.toISOString());
    const left = LOCK_AFTER_FAILURES - failures.forEmail - 1;
    if (left === 0) throw locked(email, new Date(now.getTime() + minutes(FAILURE_WINDOW_MINUTES)).toISOString());
    throw new UpskillError('SIGN_IN_FAILED', 'The e-mail address or the password is wrong.', {
      hint: `${left} more ${left === 1 ? 'try' : 'tries'} before this account is locked for ${FAILURE_WINDOW_MINUTES} minutes.`,
    });
  }
  await store.clearSignInFailures(db, email);
  const signedIn = withoutHash(account);
  const session = await startSession(db, signedIn, address, now);
  await recordAudit(db, actorOf(signedIn, address), { action: 'sign-in', detail: 'signed in with a password' }, now);
  return session;
}

const withoutHash = (account: Account & { passwordHash: string | null }): Account => ({
  id: account.id,
  email: account.email,
  name: account.name,
  role: account.role,
  managerId: account.managerId,
  createdAt: account.createdAt,
});

const actorOf = (account: Account, address: string | null): Actor => ({
  principal: { kind: 'account', accountId: account.id, role: account.role, via: 'session' },
  address,
});

function locked(email: string, until: string): UpskillError {
  return new UpskillError(
    'ACCOUNT_LOCKED',
    `Too many failed sign-ins for ${email}: the account is locked until ${clock(until)}.`,
    {
      hint: 'Wait until then, or ask an administrator for a password-reset link (which unlocks it).',
      details: { retryAfter: until },
    },
  );
}

/** Ends a session (signing out); the cookie's secret is worthless afterwards. */
export async function signOut(app: UpskillApp, sessionId: string): Promise<void> {
  await store.deleteSession(app.database, secretHash(sessionId));
}

/** Who a request is, from its session cookie or its `Authorization: Bearer` token (anonymous without either). */
export async function authenticate(
  app: UpskillApp,
  credentials: { sessionId?: string | undefined; bearer?: string | undefined },
  now: Date = new Date(),
): Promise<{ principal: Principal; account?: Account; csrfToken?: string }> {
  if (credentials.bearer !== undefined) {
    const found = await store.useAccessToken(app.database, secretHash(credentials.bearer), now.toISOString());
    if (!found)
      throw new UpskillError('SIGN_IN_REQUIRED', 'This access token is not valid: it was revoked or never made.', {
        hint: 'Make a new one under “Your account” in the web app.',
      });
    const { account, token } = found;
    return {
      principal: { kind: 'account', accountId: account.id, role: account.role, via: { token: token.scope } },
      account,
    };
  }
  if (credentials.sessionId !== undefined) {
    const session = await store.findLiveSession(app.database, secretHash(credentials.sessionId), now.toISOString());
    if (session) {
      const { account, csrfToken } = session;
      return {
        principal: { kind: 'account', accountId: account.id, role: account.role, via: 'session' },
        account,
        csrfToken,
      };
    }
  }
  return { principal: { kind: 'anonymous' } };
}

/** Invites a person: a one-time link (7 days) with which they choose their password and join. */
export async function invite(
  app: UpskillApp,
  actor: Actor & { accountId: string },
  input: { email: string; name: string; role: string; managerId?: string | null },
  now: Date = new Date(),
): Promise<{ token: string; expiresAt: string }> {
  const email = normaliseEmail(input.email);
  const name = checkName(input.name);
  const role = checkRole(input.role);
  const managerId = await checkManager(app.database, input.managerId ?? null, undefined);
  if (await store.findAccountForSignIn(app.database, email))
    throw new UpskillError('CONFLICT', `There is an account for ${email} already.`);
  const token = await makeLink(app.database, 'invitation', { email, name, role, managerId }, actor.accountId, now);
  await recordAudit(app.database, actor, { action: 'account.invited', detail: `invited ${email} as ${role}` }, now);
  return { token, expiresAt: hoursFrom(now, LINK_HOURS.invitation) };
}

function checkRole(role: string): Role {
  if (!isRole(role))
    throw new UpskillError('BAD_INPUT', `role: must be administrator, manager, employee or analyst, got "${role}".`);
  return role;
}

async function checkManager(db: Queryable, managerId: string | null, accountId: string | undefined) {
  if (managerId === null) return null;
  if (managerId === accountId) throw new UpskillError('BAD_INPUT', 'managerId: nobody is their own manager.');
  const manager = await store.findAccount(db, managerId);
  if (!manager) throw new UpskillError('BAD_INPUT', `managerId: there is no account "${managerId}".`);
  if (manager.role !== 'manager' && manager.role !== 'administrator')
    throw new UpskillError('BAD_INPUT', `managerId: ${manager.email} is an ${manager.role}, not a manager.`, {
      hint: 'Make them a manager first.',
    });
  return managerId;
}

/** What a link is for, before it is used (the welcome page shows it). */
export async function inspectLink(
  app: UpskillApp,
  token: string,
  now: Date = new Date(),
): Promise<{ purpose: LinkPurpose; email: string | null; name: string | null; role: Role | null; expiresAt: string }> {
  const link = await store.findUsableLink(app.database, secretHash(token), now.toISOString());
  if (!link) throw linkGone();
  const email = link.accountId ? ((await store.findAccount(app.database, link.accountId))?.email ?? null) : link.email;
  return { purpose: link.purpose, email, name: link.name, role: link.role, expiresAt: link.expiresAt };
}

/**
 * Uses a one-time link with the password its visitor chose, and signs them in: the setup link makes
 * the first administrator (who is given a personal store's profiles), an invitation makes the invited
 * account, a reset link sets a new password and ends every other session of the account.
 */
export async function redeemLink(
  app: UpskillApp,
  input: { token: string; password: string; email?: string | undefined; name?: string | undefined },
  address: string | null,
  now: Date = new Date(),
): Promise<StartedSession> {
  checkPassword(input.password);
  const passwordHash = await hashPassword(input.password);
  return app.database.transaction(async (tx) => {
    const link = await store.useLink(tx, secretHash(input.token), now.toISOString());
    if (!link) throw linkGone();
    let account: Account;
    let detail: string;
    if (link.purpose === 'password-reset') {
      account = (await store.findAccount(tx, link.accountId!))!;
      await store.setPasswordHash(tx, account.id, passwordHash);
      await store.deleteSessionsOf(tx, account.id);
      await store.clearSignInFailures(tx, account.email);
      detail = 'set a new password with a reset link';
    } else if (link.purpose === 'invitation') {
      const fields = { email: link.email!, name: link.name!, role: link.role!, managerId: link.managerId };
      account = await insertUnique(tx, { ...fields, passwordHash });
      detail = `joined as ${account.role} with an invitation`;
    } else {
      if ((await store.countAdministrators(tx)) > 0) throw linkGone();
      const email = normaliseEmail(input.email ?? '');
      const name = checkName(input.name ?? '');
      account = await insertUnique(tx, { email, name, role: 'administrator', managerId: null, passwordHash });
      const adopted = await adoptUnownedProfiles(tx, account.id);
      detail = `became the first administrator with the setup link and was given ${adopted} existing profile(s)`;
    }
    await recordAudit(
      tx,
      actorOf(account, address),
      { action: `link.${link.purpose}`, detail, accountId: account.id },
      now,
    );
    return startSession(tx, account, address, now);
  });
}

/** Every account, for administrators. */
export const listAllAccounts = (app: UpskillApp): Promise<Account[]> => store.listAccounts(app.database);

async function existingAccount(db: Queryable, id: string): Promise<Account> {
  const account = await store.findAccount(db, id);
  if (!account) throw new UpskillError('NOT_FOUND', `There is no account "${id}".`);
  return account;
}

/** Changes an account's role or manager (the manager link the roster will fill in later). */
export async function changeAccount(
  app: UpskillApp,
  actor: Actor,
  id: string,
  change: { role?: string | undefined; managerId?: string | null | undefined },
  now: Date = new Date(),
): Promise<Account> {
  return app.database.transaction(async (tx) => {
    const account = await existingAccount(tx, id);
    const role = change.role === undefined ? account.role : checkRole(change.role);
    const managerId =
      change.managerId === undefined ? account.managerId : await checkManager(tx, change.managerId, account.id);
    if (account.role === 'administrator' && role !== 'administrator') await keepAnAdministrator(tx);
    await store.updateAccountRole(tx, id, { role, managerId });
    const changes = [
      ...(role !== account.role ? [`role ${account.role} → ${role}`] : []),
      ...(managerId !== account.managerId ? [`manager ${account.managerId ?? 'none'} → ${managerId ?? 'none'}`] : []),
    ];
    await recordAudit(
      tx,
      actor,
      { action: 'account.changed', detail: `${account.email}: ${changes.join(', ') || 'no change'}`, accountId: id },
      now,
    );
    return { ...account, role, managerId };
  });
}

async function keepAnAdministrator(db: Queryable): Promise<void> {
  if ((await store.countAdministrators(db)) <= 1)
    throw new UpskillError('CONFLICT', 'This is the last administrator: the server needs one.', {
      hint: 'Make another account an administrator first.',
    });
}

/** A one-time password-reset link for an account (24 hours); older unused ones stop working. */
export async function passwordResetLink(
  app: UpskillApp,
  actor: Actor & { accountId: string | null },
  id: string,
  now: Date = new Date(),
): Promise<{ token: string; expiresAt: string; email: string }> {
  const account = await existingAccount(app.database, id);
  await store.voidLinks(app.database, 'password-reset', id);
  const token = await makeLink(app.database, 'password-reset', { accountId: id }, actor.accountId, now);
  await recordAudit(
    app.database,
    actor,
    { action: 'account.password-reset-link', detail: `reset link for ${account.email}`, accountId: id },
    now,
  );
  return { token, expiresAt: hoursFrom(now, LINK_HOURS['password-reset']), email: account.email };
}

/** Finds an account by e-mail address (for the CLI). */
export async function accountByEmail(app: UpskillApp, email: string): Promise<Account> {
  const account = await store.findAccountForSignIn(app.database, normaliseEmail(email));
  if (!account) throw new UpskillError('NOT_FOUND', `There is no account for ${email.trim()}.`);
  return withoutHash(account);
}

/** Deletes an account with all its data (profiles, progress, sessions, tokens); the audit log keeps that it happened. */
export async function deleteAccountAndData(
  app: UpskillApp,
  actor: Actor,
  id: string,
  now: Date = new Date(),
): Promise<void> {
  await app.database.transaction(async (tx) => {
    const account = await existingAccount(tx, id);
    if (account.role === 'administrator') await keepAnAdministrator(tx);
    await recordAudit(
      tx,
      actor,
      { action: 'account.deleted', detail: `deleted account ${account.id} and its data`, accountId: id },
      now,
    );
    await store.deleteAccount(tx, id);
  });
}

/** Deletes the signed-in person's own account and data, after they confirm with their password. */
export async function deleteOwnAccount(
  app: UpskillApp,
  actor: Actor & { accountId: string },
  password: string,
  now: Date = new Date(),
): Promise<void> {
  const account = await existingAccount(app.database, actor.accountId);
  const withHash = await store.findAccountForSignIn(app.database, account.email);
  if (!withHash?.passwordHash || !(await passwordMatches(withHash.passwordHash, password)))
    throw new UpskillError('SIGN_IN_FAILED', 'The password is wrong; nothing was deleted.');
  await deleteAccountAndData(app, actor, actor.accountId, now);
}

/** A personal access token for scripts and the CLI: shown once, stored hashed, revocable. */
export async function createAccessToken(
  app: UpskillApp,
  actor: Actor & { accountId: string },
  input: { name: string; scope: TokenScope },
  now: Date = new Date(),
): Promise<{ token: string; accessToken: store.AccessToken }> {
  const name = checkName(input.name);
  const token = newSecret('upsk_');
  const accessToken = {
    id: newId(),
    accountId: actor.accountId,
    name,
    scope: input.scope,
    createdAt: now.toISOString(),
    lastUsedAt: null,
  };
  await store.insertAccessToken(app.database, { ...accessToken, tokenHash: secretHash(token) });
  await recordAudit(app.database, actor, { action: 'token.created', detail: `${input.scope} token “${name}”` }, now);
  return { token, accessToken };
}

export const listOwnTokens = (app: UpskillApp, accountId: string): Promise<store.AccessToken[]> =>
  store.listAccessTokens(app.database, accountId);

export async function revokeAccessToken(
  app: UpskillApp,
  actor: Actor & { accountId: string },
  id: string,
  now: Date = new Date(),
): Promise<void> {
  if (!(await store.deleteAccessToken(app.database, actor.accountId, id)))
    throw new UpskillError('NOT_FOUND', `You have no access token "${id}".`);
  await recordAudit(app.database, actor, { action: 'token.revoked', detail: `token ${id}` }, now);
}
