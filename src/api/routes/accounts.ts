import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { ROLE_SCOPE } from '../../domain/access/index.js';
import { UpskillError } from '../../domain/errors.js';
import {
  changeAccount,
  createAccessToken,
  deleteAccountAndData,
  deleteOwnAccount,
  inspectLink,
  invite,
  listAllAccounts,
  listOwnTokens,
  passwordResetLink,
  redeemLink,
  revokeAccessToken,
  signIn,
  signOut,
  type StartedSession,
} from '../../app/accounts.js';
import { auditLog, auditToCsv } from '../../app/audit.js';
import { exportPersonalData } from '../../app/personal-data.js';
import type { UpskillApp } from '../../app/upskill-app.js';
import { countAdministrators } from '../../store/account.repository.js';
import { MAX_PASSWORD_LENGTH } from '../../app/password-hash.js';
import { accessOf, clearSessionCookie, setSessionCookie } from '../access-guard.js';
import {
  AccessTokenSchema,
  AccountSchema,
  AuditEntrySchema,
  IssuedLinkSchema,
  LinkInfoSchema,
  PersonalDataSchema,
  RoleNameSchema,
  SessionSchema,
} from '../schemas.js';
import { json, problemResponse } from '../openapi-responses.js';

const body = <T extends z.ZodType>(schema: T) => ({
  body: { required: true, content: { 'application/json': { schema } } },
});

const Email = z.string().max(320).openapi({ example: 'ana@example.org' });
const Password = z.string().max(MAX_PASSWORD_LENGTH).openapi({ example: 'correct horse battery staple' });
const Token = z.object({ token: z.string().min(1).max(200) });
const AccountParam = z.object({
  accountId: z
    .string()
    .regex(/^[0-9a-f]{12}$/, 'must be an account id')
    .openapi({ example: '5d0c9e2a41b7' }),
});
const TokenParam = z.object({
  tokenId: z
    .string()
    .regex(/^[0-9a-f]{12}$/, 'must be an access token id')
    .openapi({ example: '9a3e5c7b1d2f' }),
});
const Refused = {
  401: problemResponse('Not signed in'),
  403: problemResponse('The role may not do this'),
};

const routes = {
  session: createRoute({
    method: 'get',
    path: '/api/auth/session',
    summary: 'The server’s mode and who is signed in (with the CSRF token of the session)',
    responses: { 200: json(SessionSchema, 'The session') },
  }),
  login: createRoute({
    method: 'post',
    path: '/api/auth/login',
    summary: 'Sign in with e-mail and password; sets a new HTTP-only session cookie',
    request: body(z.object({ email: Email, password: Password }).openapi('SignIn')),
    responses: {
      200: json(SessionSchema, 'Signed in'),
      400: problemResponse('Invalid input'),
      401: problemResponse('Wrong e-mail address or password'),
      404: problemResponse('Personal mode: no accounts'),
      429: problemResponse('Locked after too many failures'),
    },
  }),
  logout: createRoute({
    method: 'post',
    path: '/api/auth/logout',
    summary: 'Sign out: the session ends on the server',
    responses: { 204: { description: 'Signed out' }, ...Refused },
  }),
  inspectLink: createRoute({
    method: 'post',
    path: '/api/auth/links/inspect',
    summary: 'What a one-time link (setup, invitation, password reset) is for',
    request: body(Token),
    responses: {
      200: json(LinkInfoSchema, 'The link'),
      400: problemResponse('Invalid input'),
      404: problemResponse('Personal mode'),
      410: problemResponse('Used, expired or unknown'),
    },
  }),
  redeemLink: createRoute({
    method: 'post',
    path: '/api/auth/links/redeem',
    summary: 'Use a one-time link with a new password; signs in',
    request: body(
      Token.extend({
        password: Password,
        email: Email.optional().openapi({ description: 'setup link: the first administrator’s address' }),
        name: z.string().max(80).optional().openapi({ description: 'setup link: their name' }),
      }).openapi('RedeemLink'),
    ),
    responses: {
      200: json(SessionSchema, 'Signed in'),
      400: problemResponse('Invalid input'),
      404: problemResponse('Personal mode'),
      409: problemResponse('The e-mail address has an account'),
      410: problemResponse('Used, expired or unknown'),
    },
  }),
  exportMine: createRoute({
    method: 'get',
    path: '/api/me/export',
    summary: 'Everything the server holds about the signed-in person, as JSON',
    responses: { 200: json(PersonalDataSchema, 'The data'), ...Refused },
  }),
  deleteMe: createRoute({
    method: 'delete',
    path: '/api/me',
    summary: 'Delete the signed-in person’s account and all their data (confirm with the password)',
    request: body(z.object({ password: Password })),
    responses: {
      204: { description: 'Deleted' },
      400: problemResponse('Invalid input'),
      ...Refused,
      409: problemResponse('The last administrator'),
    },
  }),
  listTokens: createRoute({
    method: 'get',
    path: '/api/tokens',
    summary: 'The signed-in person’s personal access tokens (never their secrets)',
    responses: { 200: json(z.array(AccessTokenSchema), 'Tokens'), ...Refused },
  }),
  createToken: createRoute({
    method: 'post',
    path: '/api/tokens',
    summary: 'Make a personal access token for scripts and the CLI (shown once)',
    request: body(
      z
        .object({ name: z.string().max(80).openapi({ example: 'laptop CLI' }), scope: z.enum(['read', 'read-write']) })
        .openapi('NewAccessToken'),
    ),
    responses: {
      201: json(z.object({ token: z.string(), accessToken: AccessTokenSchema }), 'The token'),
      400: problemResponse('Invalid input'),
      ...Refused,
    },
  }),
  revokeToken: createRoute({
    method: 'delete',
    path: '/api/tokens/{tokenId}',
    summary: 'Revoke one of your access tokens',
    request: { params: TokenParam },
    responses: { 204: { description: 'Revoked' }, ...Refused, 404: problemResponse('No such token of yours') },
  }),
  listAccounts: createRoute({
    method: 'get',
    path: '/api/accounts',
    summary: 'Every account (administrators)',
    responses: { 200: json(z.array(AccountSchema), 'Accounts'), ...Refused },
  }),
  invite: createRoute({
    method: 'post',
    path: '/api/accounts/invitations',
    summary: 'Invite a person: a one-time link (7 days) with which they choose a password and join',
    request: body(
      z
        .object({
          email: Email,
          name: z.string().max(80),
          role: RoleNameSchema,
          managerId: z.string().max(12).nullable().optional(),
        })
        .openapi('Invitation'),
    ),
    responses: {
      201: json(IssuedLinkSchema, 'The invitation link'),
      400: problemResponse('Invalid input'),
      ...Refused,
      409: problemResponse('The address has an account'),
    },
  }),
  changeAccount: createRoute({
    method: 'patch',
    path: '/api/accounts/{accountId}',
    summary: 'Change an account’s role or manager (the manager link decides whose data a manager sees)',
    request: {
      params: AccountParam,
      ...body(
        z
          .strictObject({ role: RoleNameSchema.optional(), managerId: z.string().max(12).nullable().optional() })
          .openapi('AccountChange'),
      ),
    },
    responses: {
      200: json(AccountSchema, 'Changed'),
      400: problemResponse('Invalid change'),
      ...Refused,
      404: problemResponse('No such account'),
      409: problemResponse('The last administrator'),
    },
  }),
  deleteAccount: createRoute({
    method: 'delete',
    path: '/api/accounts/{accountId}',
    summary: 'Delete an account and all its data',
    request: { params: AccountParam },
    responses: {
      204: { description: 'Deleted' },
      ...Refused,
      404: problemResponse('No such account'),
      409: problemResponse('The last administrator'),
    },
  }),
  resetPassword: createRoute({
    method: 'post',
    path: '/api/accounts/{accountId}/password-reset',
    summary: 'A one-time password-reset link for an account (24 hours)',
    request: { params: AccountParam },
    responses: { 201: json(IssuedLinkSchema, 'The link'), ...Refused, 404: problemResponse('No such account') },
  }),
  audit: createRoute({
    method: 'get',
    path: '/api/audit',
    summary: 'Who saw or changed which person’s data, sign-ins, exports and role changes; JSON or CSV',
    request: {
      query: z.object({
        format: z.enum(['json', 'csv']).default('json'),
        limit: z.coerce.number().int().min(1).max(100_000).default(1000),
      }),
    },
    responses: {
      200: {
        content: { 'application/json': { schema: z.array(AuditEntrySchema) }, 'text/csv': { schema: z.string() } },
        description: 'Newest first',
      },
      ...Refused,
    },
  }),
};

/** Accounts exist only on a team server; a personal one says so rather than pretending. */
function teamOnly(c: Context): void {
  if (accessOf(c).mode !== 'team')
    throw new UpskillError('NOT_FOUND', 'This server runs in personal mode: it has no accounts.', {
      hint: 'Start it with `upskill serve --team` to use accounts.',
    });
}

/** The signed-in account of a request the guard let through as signed in. */
function signedIn(c: Context) {
  teamOnly(c);
  const access = accessOf(c);
  return { principal: access.principal, address: access.address, accountId: access.account!.id };
}

const linkAddress = (c: Context, token: string): string =>
  `${accessOf(c).https ? 'https' : 'http'}://${c.req.header('host') ?? 'localhost'}/welcome#${token}`;

export function registerAccountRoutes(api: OpenAPIHono, app: UpskillApp): void {
  const sessionBody = async (c: Context, started?: StartedSession) => {
    const access = accessOf(c);
    const account = started?.account ?? access.account ?? null;
    const team = access.mode === 'team';
    return {
      mode: access.mode,
      setupNeeded: team && (await countAdministrators(app.database)) === 0,
      account,
      roleScope: account ? ROLE_SCOPE[account.role] : null,
      csrfToken: started?.csrfToken ?? access.csrfToken ?? null,
    };
  };
  const startSession = async (c: Context, started: StartedSession) => {
    setSessionCookie(c, started);
    return sessionBody(c, started);
  };
  api.openapi(routes.session, async (c) => c.json(await sessionBody(c), 200));
  api.openapi(routes.login, async (c) => {
    teamOnly(c);
    const started = await signIn(app, c.req.valid('json'), accessOf(c).address ?? 'unknown');
    // Signing in ends the session the cookie held before, if any: one browser, one session.
    const previous = accessOf(c).sessionId;
    if (previous) await signOut(app, previous);
    return c.json(await startSession(c, started), 200);
  });
  api.openapi(routes.logout, async (c) => {
    teamOnly(c);
    const { sessionId } = accessOf(c);
    if (sessionId) await signOut(app, sessionId);
    clearSessionCookie(c);
    return c.body(null, 204);
  });
  api.openapi(routes.inspectLink, async (c) => {
    teamOnly(c);
    return c.json(await inspectLink(app, c.req.valid('json').token), 200);
  });
  api.openapi(routes.redeemLink, async (c) => {
    teamOnly(c);
    const started = await redeemLink(app, c.req.valid('json'), accessOf(c).address);
    const previous = accessOf(c).sessionId;
    if (previous) await signOut(app, previous);
    return c.json(await startSession(c, started), 200);
  });
  api.openapi(routes.exportMine, async (c) => {
    const data = await exportPersonalData(app, signedIn(c));
    c.header('content-disposition', 'attachment; filename="upskill-my-data.json"');
    return c.json(data, 200);
  });
  api.openapi(routes.deleteMe, async (c) => {
    await deleteOwnAccount(app, signedIn(c), c.req.valid('json').password);
    clearSessionCookie(c);
    return c.body(null, 204);
  });
  api.openapi(routes.listTokens, async (c) => c.json(await listOwnTokens(app, signedIn(c).accountId), 200));
  api.openapi(routes.createToken, async (c) =>
    c.json(await createAccessToken(app, signedIn(c), c.req.valid('json')), 201),
  );
  api.openapi(routes.revokeToken, async (c) => {
    await revokeAccessToken(app, signedIn(c), c.req.valid('param').tokenId);
    return c.body(null, 204);
  });
  api.openapi(routes.listAccounts, async (c) => {
    signedIn(c);
    return c.json(await listAllAccounts(app), 200);
  });
  api.openapi(routes.invite, async (c) => {
    const issued = await invite(app, signedIn(c), c.req.valid('json'));
    return c.json({ link: linkAddress(c, issued.token), expiresAt: issued.expiresAt }, 201);
  });
  api.openapi(routes.changeAccount, async (c) =>
    c.json(await changeAccount(app, signedIn(c), c.req.valid('param').accountId, c.req.valid('json')), 200),
  );
  api.openapi(routes.deleteAccount, async (c) => {
    await deleteAccountAndData(app, signedIn(c), c.req.valid('param').accountId);
    return c.body(null, 204);
  });
  api.openapi(routes.resetPassword, async (c) => {
    const issued = await passwordResetLink(app, signedIn(c), c.req.valid('param').accountId);
    return c.json({ link: linkAddress(c, issued.token), expiresAt: issued.expiresAt }, 201);
  });
  api.openapi(routes.audit, async (c) => {
    signedIn(c);
    const { format, limit } = c.req.valid('query');
    const entries = await auditLog(app, limit);
    if (format === 'csv')
      return c.body(auditToCsv(entries), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': 'attachment; filename="upskill-audit-log.csv"',
      });
    return c.json(entries, 200);
  });
}
