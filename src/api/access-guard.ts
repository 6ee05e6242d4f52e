import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { matchedRoutes } from 'hono/route';
import { getConnInfo } from '@hono/node-server/conninfo';
import { decideRoute, mayAccessPerson, ruleFor, type Principal } from '../domain/access/index.js';
import { isUpskillError } from '../domain/errors.js';
import { authenticate, SESSION_HOURS, type StartedSession } from '../app/accounts.js';
import { recordAudit } from '../app/audit.js';
import { personRelation, profileNotFound } from '../app/profiles.js';
import type { UpskillApp } from '../app/upskill-app.js';
import type { Account } from '../store/account.repository.js';
import { sameSecret } from '../app/secret-tokens.js';
import { errorToProblem, problem } from './problem.js';

/** How the server runs: personal (no accounts, loopback only) or team (accounts required). */
export interface AccessOptions {
  mode: 'personal' | 'team';
  /**
   * A reverse proxy in front says the client's address (X-Forwarded-For) and whether it spoke HTTPS
   * (X-Forwarded-Proto); believed only when set, since anyone can send those headers.
   */
  trustProxy?: boolean;
}

/** What the guard learnt about a request, for the route handlers. */
export interface RequestAccess {
  mode: 'personal' | 'team';
  principal: Principal;
  account: Account | undefined;
  /** The session's CSRF token (cookie sessions only), for the page to send back. */
  csrfToken: string | undefined;
  /** The session cookie's secret, for signing out. */
  sessionId: string | undefined;
  address: string | null;
  /** Whether the client reached the server over HTTPS (directly or through a trusted proxy). */
  https: boolean;
}

export const CSRF_HEADER = 'x-csrf-token';
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const ACCESS = 'access';

export function accessOf(c: Context): RequestAccess {
  return c.get(ACCESS as never) as RequestAccess;
}

/** The session cookie: `__Host-` prefixed (Secure, whole site, this host only) when served over HTTPS. */
const cookieName = (https: boolean): string => (https ? '__Host-upskill-session' : 'upskill-session');

export function setSessionCookie(c: Context, session: StartedSession): void {
  const { https } = accessOf(c);
  setCookie(c, cookieName(https), session.sessionId, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: https,
    path: '/',
    maxAge: SESSION_HOURS * 3600,
  });
}

export function clearSessionCookie(c: Context): void {
  const { https } = accessOf(c);
  deleteCookie(c, cookieName(https), { path: '/', secure: https });
}

function clientAddress(c: Context, trustProxy: boolean): string | null {
  const forwarded = trustProxy ? c.req.header('x-forwarded-for') : undefined;
  // The proxy appends the address it saw; entries before it are the client's own claims.
  if (forwarded) return forwarded.split(',').at(-1)!.trim().slice(0, 100) || null;
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null; // not served by node (app.request in tests)
  }
}

/** The OpenAPI path (`/api/profiles/{id}`) of the route that will answer, or undefined for pages and unknown paths. */
function operationPath(c: Context): string | undefined {
  const route = matchedRoutes(c).find((r) => r.method !== 'ALL' && r.path !== '*' && r.path !== '/*');
  return route?.path.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}');
}

/** The value of one `{name}` segment of the request path under a template. */
function pathParam(template: string, path: string, name: string): string | undefined {
  const at = template.split('/').indexOf(`{${name}}`);
  const segment = at < 0 ? undefined : path.split('/')[at];
  try {
    return segment === undefined ? undefined : decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

const auditAction = (method: string): string =>
  method === 'GET' || method === 'HEAD' ? 'profile.read' : method === 'DELETE' ? 'profile.deleted' : 'profile.changed';

/**
 * The one gate every request passes: who is asking (session cookie or `Authorization: Bearer` token),
 * whether the policy of `domain/access` lets them call this route, the CSRF token on a cookie session's
 * change, and for a route about one person whether they may see that person — a profile they may not
 * see answers exactly like one that does not exist. What people's data was seen or changed is audited.
 */
export function accessGuard(app: UpskillApp, options: AccessOptions): MiddlewareHandler {
  const trustProxy = options.trustProxy ?? false;
  return async (c, next) => {
    const https =
      new URL(c.req.url).protocol === 'https:' || (trustProxy && c.req.header('x-forwarded-proto') === 'https');
    const address = clientAddress(c, trustProxy);
    const access: RequestAccess = {
      mode: options.mode,
      principal: { kind: 'personal' },
      account: undefined,
      csrfToken: undefined,
      sessionId: undefined,
      address,
      https,
    };
    c.set(ACCESS as never, access as never);
    if (options.mode === 'personal') return next();
    const method = c.req.method;
    const template = operationPath(c);
    try {
      const authorization = c.req.header('authorization');
      const bearer = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
      if (authorization !== undefined && bearer === undefined)
        return problem(c, 401, 'SIGN_IN_REQUIRED', 'The Authorization header must be "Bearer <access token>".');
      access.sessionId = bearer ? undefined : getCookie(c, cookieName(https));
      const who = await authenticate(app, { sessionId: access.sessionId, bearer });
      Object.assign(access, { principal: who.principal, account: who.account, csrfToken: who.csrfToken });
      if (template === undefined) return next(); // the web app's files and pages, and the API's 404
      const decision = decideRoute(who.principal, ruleFor(method, template), method);
      if (!decision.allowed)
        return problem(c, decision.status, decision.code, decision.reason, refusalHint(decision.status));
      // Public routes (signing in, using a link) act on no session's authority: the Origin check guards them.
      const rule = ruleFor(method, template);
      const cookieChange = STATE_CHANGING.has(method) && rule !== 'public';
      if (cookieChange && who.principal.kind === 'account' && who.principal.via === 'session') {
        const sent = c.req.header(CSRF_HEADER) ?? '';
        if (!who.csrfToken || !sameSecret(sent, who.csrfToken))
          return problem(
            c,
            403,
            'CSRF_TOKEN_INVALID',
            `${method} ${c.req.path} needs the session's CSRF token in the X-CSRF-Token header.`,
            'The web app sends it; scripts use an access token (Authorization: Bearer) instead of the cookie.',
          );
      }
      const profileId = decision.personCheck ? pathParam(template, c.req.path, 'id') : undefined;
      let ownerId: string | null = null;
      if (decision.personCheck) {
        const relation = profileId === undefined ? undefined : await personRelation(app, profileId);
        if (!relation || !mayAccessPerson(who.principal, relation)) throw profileNotFound(profileId ?? '');
        ownerId = relation.ownerId;
      }
      await next();
      if (c.res.status < 400 && (profileId !== undefined || template === '/api/profiles')) {
        await recordAudit(app.database, access, {
          action:
            profileId !== undefined ? auditAction(method) : method === 'GET' ? 'profiles.listed' : 'profile.created',
          detail: `${method} ${c.req.path}${new URL(c.req.url).search}`.slice(0, 500),
          profileId: profileId ?? null,
          accountId: ownerId,
        });
      }
    } catch (error) {
      if (isUpskillError(error)) return errorToProblem(error, c);
      throw error;
    }
    return undefined;
  };
}

const refusalHint = (status: 401 | 403): string =>
  status === 401
    ? 'Sign in on the web app, or send a personal access token as "Authorization: Bearer <token>".'
    : 'Ask an administrator if your role should allow it.';
