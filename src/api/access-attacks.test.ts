import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { enableTeamMode, passwordResetLink, signIn } from '../app/accounts.js';
import { getProfile } from '../app/profiles.js';
import { ORIGIN, openTeam, PASSWORD, principalOf } from '../../test/support/team-app.js';
import { createApi } from './create-api.js';
import { openApp } from '../app/upskill-app.js';
import { readConfig } from '../app/config.js';
import { openDatabase } from '../store/database.js';

/* Session fixation, CSRF, brute force, IDOR, tokens, sign-out and links against a team server. */

const team = await openTeam();
after(() => team.close());
const { app, api, members, join, profileOf } = team;

const send = (path: string, init: { method?: string; headers?: Record<string, string>; body?: unknown } = {}) =>
  api.request(path, {
    method: init.method ?? 'GET',
    headers: {
      origin: ORIGIN,
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...init.headers,
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
const problemOf = async (response: Response) =>
  (await response.json()) as { code: string; detail: string; hint?: string };
const cookieValue = (response: Response) =>
  /upskill-session=([^;]*)/.exec(response.headers.get('set-cookie') ?? '')?.[1];

describe('sessions', () => {
  test('signing in sets a new HTTP-only, SameSite=Lax session id, never the one the browser came with', async () => {
    const planted = 'planted-by-an-attacker';
    const response = await send('/api/auth/login', {
      method: 'POST',
      headers: { cookie: `upskill-session=${planted}` },
      body: { email: members.outsider.account.email, password: PASSWORD },
    });
    assert.equal(response.status, 200);
    const setCookie = response.headers.get('set-cookie')!;
    assert.match(setCookie, /HttpOnly/);
    assert.match(setCookie, /SameSite=Lax/);
    assert.match(setCookie, /Path=\//);
    assert.doesNotMatch(setCookie, /Secure/); // plain http on this machine
    const issued = cookieValue(response)!;
    assert.notEqual(issued, planted);
    assert.ok(issued.length >= 43, 'at least 256 bits');
    const session = async (cookie: string) =>
      (
        (await (await send('/api/auth/session', { headers: { cookie } })).json()) as {
          account: { email: string } | null;
        }
      ).account?.email ?? null;
    assert.equal(await session(`upskill-session=${planted}`), null);
    assert.equal(await session(`upskill-session=${issued}`), members.outsider.account.email);

    // Signing in again from the same browser ends the old session.
    const again = await send('/api/auth/login', {
      method: 'POST',
      headers: { cookie: `upskill-session=${issued}` },
      body: { email: members.outsider.account.email, password: PASSWORD },
    });
    assert.notEqual(cookieValue(again), issued);
    assert.equal(await session(`upskill-session=${issued}`), null);
  });

  test('behind a proxy that says HTTPS the cookie is __Host- prefixed and Secure; the proxy is believed only when trusted', async () => {
    const proxied = createApi(app, { access: { mode: 'team', trustProxy: true } });
    const login = (server: typeof api) =>
      server.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.9' },
        body: JSON.stringify({ email: members.outsider.account.email, password: PASSWORD }),
      });
    const secure = (await login(proxied)).headers.get('set-cookie')!;
    assert.match(secure, /^__Host-upskill-session=/);
    assert.match(secure, /Secure/);
    assert.doesNotMatch((await login(api)).headers.get('set-cookie')!, /Secure|__Host-/);
    const audit = (await (await send('/api/audit', { headers: members.administrator.headers })).json()) as {
      action: string;
      address: string;
    }[];
    assert.ok(audit.some((entry) => entry.action === 'sign-in' && entry.address === '203.0.113.9'));
  });

  test('signing out ends the session on the server: the old cookie is worth nothing', async () => {
    const member = await join('employee');
    assert.equal((await send('/api/profiles', { headers: member.headers })).status, 200);
    assert.equal((await send('/api/auth/logout', { method: 'POST', headers: member.headers })).status, 204);
    assert.equal((await send('/api/profiles', { headers: member.headers })).status, 401);
  });
});

describe('CSRF', () => {
  test('a change made with the session cookie needs the session’s own CSRF token, and a same-origin request', async () => {
    const profile = await profileOf(members.employee);
    const cookie = members.employee.headers['cookie']!;
    const patch = (headers: Record<string, string>) =>
      send(`/api/profiles/${profile.id}`, { method: 'PATCH', headers, body: { hoursPerWeek: 9 } });
    const missing = await patch({ cookie });
    assert.equal(missing.status, 403);
    assert.equal((await problemOf(missing)).code, 'CSRF_TOKEN_INVALID');
    assert.equal((await patch({ cookie, 'x-csrf-token': 'guessed' })).status, 403);
    assert.equal((await patch({ cookie, 'x-csrf-token': members.manager.session.csrfToken })).status, 403);
    const foreign = await patch({ ...members.employee.headers, origin: 'https://evil.example' });
    assert.equal((await problemOf(foreign)).code, 'ORIGIN_NOT_ALLOWED');
    assert.equal((await getProfile(app, profile.id)).hoursPerWeek, 5, 'nothing changed');
    assert.equal((await patch(members.employee.headers)).status, 200);
    assert.equal((await getProfile(app, profile.id)).hoursPerWeek, 9);
  });
});

describe('brute force', () => {
  test('five wrong passwords lock the account for 15 minutes with a clear message, even for the right password', async () => {
    const victim = await join('employee');
    const attempt = (password: string) =>
      send('/api/auth/login', { method: 'POST', body: { email: victim.account.email, password } });
    for (const left of [4, 3, 2, 1]) {
      const wrong = await attempt('wrong password!!');
      assert.equal(wrong.status, 401);
      const body = await problemOf(wrong);
      assert.equal(body.detail, 'The e-mail address or the password is wrong.');
      assert.equal(
        body.hint,
        `${left} more ${left === 1 ? 'try' : 'tries'} before this account is locked for 15 minutes.`,
      );
    }
    const fifth = await attempt('wrong password!!');
    assert.equal(fifth.status, 429);
    assert.equal((await problemOf(fifth)).code, 'ACCOUNT_LOCKED');
    const right = await attempt(PASSWORD);
    assert.equal(right.status, 429);
    const body = await problemOf(right);
    assert.match(
      body.detail,
      new RegExp(
        `^Too many failed sign-ins for ${victim.account.email.replace('.', '\\.')}: the account is locked until \\d\\d:\\d\\d UTC\\.$`,
      ),
    );
    assert.match(body.hint!, /password-reset link/);
    assert.ok(Number(right.headers.get('retry-after')) > 800);
    // Fifteen minutes later the right password works again.
    const later = new Date(Date.now() + 16 * 60_000);
    assert.equal(
      (await signIn(app, { email: victim.account.email, password: PASSWORD }, 'unknown', later)).account.id,
      victim.account.id,
    );
  });

  test('an unknown address gets the same answer as a wrong password; twenty failures from one network address make it wait', async () => {
    const unknown = await send('/api/auth/login', {
      method: 'POST',
      body: { email: 'nobody@example.org', password: 'x'.repeat(12) },
    });
    assert.equal(unknown.status, 401);
    assert.equal((await problemOf(unknown)).detail, 'The e-mail address or the password is wrong.');
    const now = new Date(Date.now() + 3_600_000);
    for (let i = 0; i < 20; i++)
      await assert.rejects(
        signIn(app, { email: `spray${i}@example.org`, password: 'guess guess guess' }, '198.51.100.7', now),
      );
    await assert.rejects(
      signIn(app, { email: members.outsider.account.email, password: PASSWORD }, '198.51.100.7', now),
      {
        code: 'TOO_MANY_ATTEMPTS',
        message: /^Too many failed sign-ins from this network address; try again after \d\d:\d\d UTC\.$/,
      },
    );
    const elsewhere = await signIn(
      app,
      { email: members.outsider.account.email, password: PASSWORD },
      '198.51.100.8',
      now,
    );
    assert.equal(elsewhere.account.id, members.outsider.account.id);
  });
});

describe('IDOR and tokens', () => {
  test("another person's profile id answers 404 exactly like a missing one, and changes nothing", async () => {
    const strangers = await profileOf(members.outsider);
    for (const member of [members.employee, members.manager]) {
      const seen = await send(`/api/profiles/${strangers.id}`, { headers: member.headers });
      const missing = await send('/api/profiles/ffffffffffff', { headers: member.headers });
      assert.equal(seen.status, 404);
      assert.equal((await seen.text()).replace(strangers.id, 'ffffffffffff'), await missing.text());
      const del = await send(`/api/profiles/${strangers.id}`, { method: 'DELETE', headers: member.headers });
      assert.equal(del.status, 404);
    }
    assert.equal((await getProfile(app, strangers.id)).id, strangers.id, 'still there');
    const analyst = await send(`/api/profiles/${strangers.id}`, { headers: members.analyst.headers });
    assert.equal(analyst.status, 403);
    assert.match((await problemOf(analyst)).detail, /Analysts see market and occupation data and aggregates/);
  });

  test('personal access tokens: Bearer with the rights of their account, read-only when so scoped, stored hashed, revocable', async () => {
    const make = async (scope: 'read' | 'read-write') =>
      (await (
        await send('/api/tokens', {
          method: 'POST',
          headers: members.employee.headers,
          body: { name: `cli ${scope}`, scope },
        })
      ).json()) as { token: string; accessToken: { id: string } };
    const read = await make('read');
    const write = await make('read-write');
    assert.match(read.token, /^upsk_[\w-]{43}$/);
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
    const own = await profileOf(members.employee);
    const strangers = await profileOf(members.outsider);
    assert.equal((await send(`/api/profiles/${own.id}`, { headers: bearer(read.token) })).status, 200);
    assert.equal((await send(`/api/profiles/${strangers.id}`, { headers: bearer(read.token) })).status, 404);
    const change = (token: string) =>
      send(`/api/profiles/${own.id}`, { method: 'PATCH', headers: bearer(token), body: { hoursPerWeek: 7 } });
    const refused = await change(read.token);
    assert.equal(refused.status, 403);
    assert.match((await problemOf(refused)).detail, /may only read/);
    assert.equal((await change(write.token)).status, 200, 'no CSRF token needed: a bearer token is not ambient');
    const stored = await app.database.query<{ token_hash: string }>('select token_hash from access_tokens');
    assert.ok(stored.every((row) => /^[0-9a-f]{64}$/.test(row.token_hash) && row.token_hash !== read.token));
    const revoke = await send(`/api/tokens/${read.accessToken.id}`, {
      method: 'DELETE',
      headers: members.employee.headers,
    });
    assert.equal(revoke.status, 204);
    const revoked = await send(`/api/profiles/${own.id}`, { headers: bearer(read.token) });
    assert.equal(revoked.status, 401);
    assert.match((await problemOf(revoked)).detail, /revoked or never made/);
    // Someone else's token id cannot be revoked by guessing it.
    const other = await send(`/api/tokens/${write.accessToken.id}`, {
      method: 'DELETE',
      headers: members.manager.headers,
    });
    assert.equal(other.status, 404);
  });
});

describe('one-time links', () => {
  test('a password reset link works once, sets the password and ends every session of the account', async () => {
    const member = await join('employee');
    const admin = members.administrator;
    const issued = await send(`/api/accounts/${member.account.id}/password-reset`, {
      method: 'POST',
      headers: admin.headers,
    });
    assert.equal(issued.status, 201);
    const { link } = (await issued.json()) as { link: string };
    assert.match(link, /^http:\/\/localhost\/welcome#[\w-]{43}$/);
    const token = link.split('#')[1]!;
    const info = await send('/api/auth/links/inspect', { method: 'POST', body: { token } });
    assert.deepEqual(
      { ...((await info.json()) as object), expiresAt: undefined },
      { purpose: 'password-reset', email: member.account.email, name: null, role: null, expiresAt: undefined },
    );
    const redeem = () =>
      send('/api/auth/links/redeem', { method: 'POST', body: { token, password: 'a brand new passphrase' } });
    assert.equal((await redeem()).status, 200);
    const again = await redeem();
    assert.equal(again.status, 410);
    assert.equal((await problemOf(again)).code, 'LINK_INVALID');
    assert.equal((await send('/api/profiles', { headers: member.headers })).status, 401, 'old session ended');
    await assert.rejects(signIn(app, { email: member.account.email, password: PASSWORD }, 'x'), {
      code: 'SIGN_IN_FAILED',
    });
    const fresh = await signIn(app, { email: member.account.email, password: 'a brand new passphrase' }, 'x');
    assert.equal(fresh.account.id, member.account.id);
    // A newer reset link voids an older unused one.
    const actor = { principal: principalOf(admin.account), address: null, accountId: admin.account.id };
    const first = await passwordResetLink(app, actor, member.account.id);
    await passwordResetLink(app, actor, member.account.id);
    assert.equal((await send('/api/auth/links/inspect', { method: 'POST', body: { token: first.token } })).status, 410);
  });

  test('switching a personal store to team mode gives its profiles to the first administrator, who hands each on', async () => {
    const db = await openDatabase({ kind: 'embedded-memory' });
    const personal = await openApp({ ...readConfig({}), home: '/nonexistent' }, db);
    try {
      // A profile made in personal mode (no data loaded is needed to store one directly).
      await db.query(
        `insert into profiles (id, name, occupation_code, target, skills, hours_per_week, start_date, preferences)
         values ('aaaaaaaaaaaa', 'Mine', '13-1161.00', 'ai-augmented', '[]', 5, '2026-12-07', '{"freeOnly":false}')`,
      );
      const { setupToken } = await enableTeamMode(personal);
      assert.ok(setupToken);
      const server = createApi(personal, { access: { mode: 'team' } });
      const session = (await (await server.request('/api/auth/session')).json()) as { setupNeeded: boolean };
      assert.equal(session.setupNeeded, true);
      const setup = await server.request('/api/auth/links/redeem', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token: setupToken, password: PASSWORD, email: 'First@Example.org', name: 'First' }),
      });
      assert.equal(setup.status, 200);
      const { account } = (await setup.json()) as { account: { id: string; email: string; role: string } };
      assert.deepEqual([account.email, account.role], ['first@example.org', 'administrator']);
      const [row] = await db.query<{ owner_id: string }>("select owner_id from profiles where id = 'aaaaaaaaaaaa'");
      assert.equal(row!.owner_id, account.id);
      assert.equal(
        (await enableTeamMode(personal)).setupToken,
        undefined,
        'no second setup link once there is an administrator',
      );
    } finally {
      await personal.close();
    }
  });
});

describe('personal mode', () => {
  test('no accounts: the API works without signing in, and the account routes say it is personal mode', async () => {
    const personal = createApi(app);
    assert.equal((await personal.request('/api/profiles')).status, 200);
    const login = await personal.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: members.outsider.account.email, password: PASSWORD }),
    });
    assert.equal(login.status, 404);
    assert.match((await problemOf(login)).detail, /personal mode/);
    const session = (await (await personal.request('/api/auth/session')).json()) as { mode: string };
    assert.equal(session.mode, 'personal');
  });
});
