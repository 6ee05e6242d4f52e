import type { Role, TokenScope } from '../domain/access/index.js';
import type { Queryable } from './database.js';

/** A person who signs in to a team server. The password hash never leaves the store's callers. */
export interface Account {
  id: string;
  email: string;
  name: string;
  role: Role;
  managerId: string | null;
  createdAt: string;
}

type AccountRow = Omit<Account, 'createdAt'> & { createdAt: Date | string };
const iso = (value: Date | string): string => new Date(value).toISOString();
const toAccount = (row: AccountRow): Account => ({ ...row, createdAt: iso(row.createdAt) });
const ACCOUNT_COLUMNS = `id, email, name, role, manager_id as "managerId", created_at as "createdAt"`;

export async function readSetting<T>(db: Queryable, key: string): Promise<T | undefined> {
  // As text: a jsonb string comes back already parsed, and could not be told from JSON text.
  const [row] = await db.query<{ value: string }>('select value::text as value from settings where key = $1', [key]);
  return row && (JSON.parse(row.value) as T);
}

export async function writeSetting(db: Queryable, key: string, value: unknown): Promise<void> {
  await db.query(
    'insert into settings (key, value) values ($1, $2::jsonb) on conflict (key) do update set value = excluded.value',
    [key, JSON.stringify(value)],
  );
}

export async function insertAccount(
  db: Queryable,
  account: Omit<Account, 'createdAt'> & { passwordHash: string | null },
): Promise<Account> {
  const [row] = await db.query<AccountRow>(
    `insert into accounts (id, email, name, role, manager_id, password_hash) values ($1, $2, $3, $4, $5, $6)
     returning ${ACCOUNT_COLUMNS}`,
    [account.id, account.email, account.name, account.role, account.managerId, account.passwordHash],
  );
  return toAccount(row!);
}

export async function findAccount(db: Queryable, id: string): Promise<Account | undefined> {
  const [row] = await db.query<AccountRow>(`select ${ACCOUNT_COLUMNS} from accounts where id = $1`, [id]);
  return row && toAccount(row);
}

/** The account with this (lower-case) e-mail address and its password hash, for signing in. */
export async function findAccountForSignIn(
  db: Queryable,
  email: string,
): Promise<(Account & { passwordHash: string | null }) | undefined> {
  const [row] = await db.query<AccountRow & { passwordHash: string | null }>(
    `select ${ACCOUNT_COLUMNS}, password_hash as "passwordHash" from accounts where email = $1`,
    [email],
  );
  return row && { ...toAccount(row), passwordHash: row.passwordHash };
}

export async function listAccounts(db: Queryable): Promise<Account[]> {
  return (await db.query<AccountRow>(`select ${ACCOUNT_COLUMNS} from accounts order by created_at, email`)).map(
    toAccount,
  );
}

export async function countAdministrators(db: Queryable): Promise<number> {
  const [row] = await db.query<{ count: number }>(
    "select count(*)::int as count from accounts where role = 'administrator'",
  );
  return row!.count;
}

export async function updateAccountRole(
  db: Queryable,
  id: string,
  change: { role: Role; managerId: string | null },
): Promise<void> {
  await db.query('update accounts set role = $2, manager_id = $3 where id = $1', [id, change.role, change.managerId]);
}

export async function setPasswordHash(db: Queryable, id: string, passwordHash: string): Promise<void> {
  await db.query('update accounts set password_hash = $2 where id = $1', [id, passwordHash]);
}

/** Deletes the account with its sessions, tokens and profiles (the foreign keys cascade). */
export async function deleteAccount(db: Queryable, id: string): Promise<boolean> {
  return (await db.query('delete from accounts where id = $1 returning id', [id])).length > 0;
}

export interface SessionRecord {
  idHash: string;
  accountId: string;
  csrfToken: string;
  address: string | null;
  createdAt: string;
  expiresAt: string;
}

export async function insertSession(db: Queryable, session: SessionRecord): Promise<void> {
  await db.query(
    'insert into sessions (id_hash, account_id, csrf_token, address, created_at, expires_at) values ($1, $2, $3, $4, $5, $6)',
    [session.idHash, session.accountId, session.csrfToken, session.address, session.createdAt, session.expiresAt],
  );
}

/** A session that has not expired at `now`, with its account. */
export async function findLiveSession(
  db: Queryable,
  idHash: string,
  now: string,
): Promise<{ account: Account; csrfToken: string; expiresAt: string } | undefined> {
  const [row] = await db.query<AccountRow & { csrfToken: string; expiresAt: Date | string }>(
    `select a.id, a.email, a.name, a.role, a.manager_id as "managerId", a.created_at as "createdAt",
       s.csrf_token as "csrfToken", s.expires_at as "expiresAt"
     from sessions s join accounts a on a.id = s.account_id where s.id_hash = $1 and s.expires_at > $2`,
    [idHash, now],
  );
  if (!row) return undefined;
  const { csrfToken, expiresAt, ...account } = row;
  return { account: toAccount(account), csrfToken, expiresAt: iso(expiresAt) };
}

export async function deleteSession(db: Queryable, idHash: string): Promise<void> {
  await db.query('delete from sessions where id_hash = $1', [idHash]);
}

/** Ends every session of an account (password reset, role change, deletion); the count ended. */
export async function deleteSessionsOf(db: Queryable, accountId: string): Promise<number> {
  return (await db.query('delete from sessions where account_id = $1 returning id_hash', [accountId])).length;
}

export interface AccessToken {
  id: string;
  accountId: string;
  name: string;
  scope: TokenScope;
  createdAt: string;
  lastUsedAt: string | null;
}
type TokenRow = Omit<AccessToken, 'createdAt' | 'lastUsedAt'> & {
  createdAt: Date | string;
  lastUsedAt: Date | string | null;
};
const toToken = (row: TokenRow): AccessToken => ({
  ...row,
  createdAt: iso(row.createdAt),
  lastUsedAt: row.lastUsedAt === null ? null : iso(row.lastUsedAt),
});
const TOKEN_COLUMNS = `t.id, t.account_id as "accountId", t.name, t.scope, t.created_at as "createdAt",
  t.last_used_at as "lastUsedAt"`;

export async function insertAccessToken(
  db: Queryable,
  token: Omit<AccessToken, 'lastUsedAt'> & { tokenHash: string },
): Promise<void> {
  await db.query(
    'insert into access_tokens (id, account_id, name, token_hash, scope, created_at) values ($1, $2, $3, $4, $5, $6)',
    [token.id, token.accountId, token.name, token.tokenHash, token.scope, token.createdAt],
  );
}

/** The token with this hash and its account; its last use is recorded. */
export async function useAccessToken(
  db: Queryable,
  tokenHash: string,
  now: string,
): Promise<{ token: AccessToken; account: Account } | undefined> {
  const [row] = await db.query<TokenRow & { account: AccountRow }>(
    `update access_tokens t set last_used_at = $2 from accounts a
     where t.token_hash = $1 and a.id = t.account_id
     returning ${TOKEN_COLUMNS}, json_build_object('id', a.id, 'email', a.email, 'name', a.name, 'role', a.role,
       'managerId', a.manager_id, 'createdAt', a.created_at) as account`,
    [tokenHash, now],
  );
  if (!row) return undefined;
  const { account, ...token } = row;
  const parsed = typeof account === 'string' ? (JSON.parse(account) as AccountRow) : account;
  return { token: toToken(token), account: toAccount(parsed) };
}

export async function listAccessTokens(db: Queryable, accountId: string): Promise<AccessToken[]> {
  return (
    await db.query<TokenRow>(
      `select ${TOKEN_COLUMNS} from access_tokens t where t.account_id = $1 order by t.created_at, t.id`,
      [accountId],
    )
  ).map(toToken);
}

/** Revokes one of the account's own tokens; false when it has none with that id. */
export async function deleteAccessToken(db: Queryable, accountId: string, id: string): Promise<boolean> {
  const rows = await db.query('delete from access_tokens where account_id = $1 and id = $2 returning id', [
    accountId,
    id,
  ]);
  return rows.length > 0;
}

export type LinkPurpose = 'setup' | 'invitation' | 'password-reset';

export interface OneTimeLink {
  purpose: LinkPurpose;
  /** The account a password-reset link is for. */
  accountId: string | null;
  /** What an invitation makes: the new account's e-mail, name, role and manager. */
  email: string | null;
  name: string | null;
  role: Role | null;
  managerId: string | null;
  createdBy: string | null;
  createdAt: string;
  expiresAt: string;
}

export async function insertOneTimeLink(db: Queryable, tokenHash: string, link: OneTimeLink): Promise<void> {
  await db.query(
    `insert into one_time_links (token_hash, purpose, account_id, email, name, role, manager_id, created_by,
       created_at, expires_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      tokenHash,
      link.purpose,
      link.accountId,
      link.email,
      link.name,
      link.role,
      link.managerId,
      link.createdBy,
      link.createdAt,
      link.expiresAt,
    ],
  );
}

const LINK_COLUMNS = `purpose, account_id as "accountId", email, name, role, manager_id as "managerId",
  created_by as "createdBy", created_at as "createdAt", expires_at as "expiresAt"`;
type LinkRow = Omit<OneTimeLink, 'createdAt' | 'expiresAt'> & { createdAt: Date | string; expiresAt: Date | string };
const toLink = (row: LinkRow): OneTimeLink => ({
  ...row,
  createdAt: iso(row.createdAt),
  expiresAt: iso(row.expiresAt),
});

/** A link that is unused and unexpired at `now`. */
export async function findUsableLink(db: Queryable, tokenHash: string, now: string): Promise<OneTimeLink | undefined> {
  const [row] = await db.query<LinkRow>(
    `select ${LINK_COLUMNS} from one_time_links where token_hash = $1 and used_at is null and expires_at > $2`,
    [tokenHash, now],
  );
  return row && toLink(row);
}

/** Uses the link up, once: of two requests racing with the same link only one gets it. */
export async function useLink(db: Queryable, tokenHash: string, now: string): Promise<OneTimeLink | undefined> {
  const [row] = await db.query<LinkRow>(
    `update one_time_links set used_at = $2 where token_hash = $1 and used_at is null and expires_at > $2
     returning ${LINK_COLUMNS}`,
    [tokenHash, now],
  );
  return row && toLink(row);
}

/** Unused links of a purpose and account are voided when a new one is made (only the newest works). */
export async function voidLinks(db: Queryable, purpose: LinkPurpose, accountId: string | null): Promise<void> {
  await db.query(
    `delete from one_time_links where purpose = $1 and used_at is null and account_id is not distinct from $2`,
    [purpose, accountId],
  );
}

export async function recordSignInFailure(db: Queryable, email: string, address: string, at: string): Promise<void> {
  await db.query('insert into sign_in_failures (email, address, at) values ($1, $2, $3)', [email, address, at]);
}

/** Failed sign-ins for an e-mail address and from a network address since a moment, and the latest of each. */
export async function countSignInFailures(
  db: Queryable,
  email: string,
  address: string,
  since: string,
): Promise<{ forEmail: number; lastForEmail: string | null; fromAddress: number; lastFromAddress: string | null }> {
  const [row] = await db.query<{
    forEmail: number;
    lastForEmail: Date | string | null;
    fromAddress: number;
    lastFromAddress: Date | string | null;
  }>(
    `select count(*) filter (where email = $1)::int as "forEmail", max(at) filter (where email = $1) as "lastForEmail",
       count(*) filter (where address = $2)::int as "fromAddress", max(at) filter (where address = $2) as "lastFromAddress"
     from sign_in_failures where at > $3 and (email = $1 or address = $2)`,
    [email, address, since],
  );
  return {
    forEmail: row!.forEmail,
    lastForEmail: row!.lastForEmail === null ? null : iso(row!.lastForEmail),
    fromAddress: row!.fromAddress,
    lastFromAddress: row!.lastFromAddress === null ? null : iso(row!.lastFromAddress),
  };
}

export async function clearSignInFailures(db: Queryable, email: string): Promise<void> {
  await db.query('delete from sign_in_failures where email = $1', [email]);
}

export interface AuditEntry {
  at: string;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  subjectProfileId: string | null;
  subjectAccountId: string | null;
  address: string | null;
  detail: string;
}
type AuditRow = Omit<AuditEntry, 'at'> & { at: Date | string };
const AUDIT_COLUMNS = `at, actor_id as "actorId", actor_email as "actorEmail", action,
  subject_profile_id as "subjectProfileId", subject_account_id as "subjectAccountId", address, detail`;

export async function appendAudit(db: Queryable, entry: AuditEntry): Promise<void> {
  await db.query(
    `insert into audit_log (at, actor_id, actor_email, action, subject_profile_id, subject_account_id, address, detail)
     values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      entry.at,
      entry.actorId,
      entry.actorEmail,
      entry.action,
      entry.subjectProfileId,
      entry.subjectAccountId,
      entry.address,
      entry.detail,
    ],
  );
}

/** Audit entries, newest first; only those by or about one account when `accountId` is given. */
export async function listAudit(
  db: Queryable,
  options: { limit: number; accountId?: string } = { limit: 1000 },
): Promise<AuditEntry[]> {
  const rows = options.accountId
    ? await db.query<AuditRow>(
        `select ${AUDIT_COLUMNS} from audit_log where actor_id = $1 or subject_account_id = $1
         order by at desc, id desc limit $2`,
        [options.accountId, options.limit],
      )
    : await db.query<AuditRow>(`select ${AUDIT_COLUMNS} from audit_log order by at desc, id desc limit $1`, [
        options.limit,
      ]);
  return rows.map((row) => ({ ...row, at: iso(row.at) }));
}

/** Drops audit entries older than the retention period; the count dropped. */
export async function pruneAudit(db: Queryable, before: string): Promise<number> {
  return (await db.query('delete from audit_log where at < $1 returning id', [before])).length;
}
