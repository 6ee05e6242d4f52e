import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { auditToCsv } from '../app/audit.js';
import { recordProgress, profilePlan } from '../app/profiles.js';
import { ORIGIN, openTeam, PASSWORD } from '../../test/support/team-app.js';

/* The audit log (who saw or changed whose data, viewable and exportable by administrators) and a
   person's own data export and deletion, through the API of a team server. */

const team = await openTeam();
after(() => team.close());
const { app, api, members, join, profileOf } = team;

const send = (path: string, headers: Record<string, string>, method = 'GET', body?: unknown) =>
  api.request(path, {
    method,
    headers: { origin: ORIGIN, ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

interface Entry {
  actorEmail: string | null;
  action: string;
  subjectProfileId: string | null;
  subjectAccountId: string | null;
  detail: string;
}

describe('audit log', () => {
  test('records who saw or changed which person’s data; administrators read it as JSON and CSV', async () => {
    const profile = await profileOf(members.employee);
    assert.equal((await send(`/api/profiles/${profile.id}`, members.manager.headers)).status, 200);
    const patched = await send(`/api/profiles/${profile.id}`, members.employee.headers, 'PATCH', { hoursPerWeek: 8 });
    assert.equal(patched.status, 200);
    // A refused look is not a look: the stranger's attempt leaves no "read" behind.
    assert.equal((await send(`/api/profiles/${profile.id}`, members.outsider.headers)).status, 404);

    const entries = (await (await send('/api/audit', members.administrator.headers)).json()) as Entry[];
    const about = entries.filter((entry) => entry.subjectProfileId === profile.id);
    assert.deepEqual(
      about.map(({ actorEmail, action, subjectAccountId, detail }) => ({
        actorEmail,
        action,
        subjectAccountId,
        detail,
      })),
      [
        {
          actorEmail: members.employee.account.email,
          action: 'profile.changed',
          subjectAccountId: members.employee.account.id,
          detail: `PATCH /api/profiles/${profile.id}`,
        },
        {
          actorEmail: members.manager.account.email,
          action: 'profile.read',
          subjectAccountId: members.employee.account.id,
          detail: `GET /api/profiles/${profile.id}`,
        },
      ],
    );
    assert.ok(entries.some((entry) => entry.action === 'account.invited' && entry.detail.includes('as analyst')));

    const csv = await send('/api/audit?format=csv', members.administrator.headers);
    assert.equal(csv.headers.get('content-type'), 'text/csv; charset=utf-8');
    assert.match(csv.headers.get('content-disposition')!, /attachment; filename="upskill-audit-log.csv"/);
    const lines = (await csv.text()).split('\r\n');
    assert.equal(lines[0], 'at,actorEmail,actorId,action,subjectProfileId,subjectAccountId,address,detail');
    assert.ok(lines.some((line) => line.includes(`,profile.read,${profile.id},${members.employee.account.id},`)));
    assert.equal((await send('/api/audit', members.manager.headers)).status, 403);
  });

  test('CSV cells are quoted, and a cell that would run as a spreadsheet formula cannot', () => {
    const entry = {
      at: '2026-12-01T10:00:00.000Z',
      actorId: null,
      actorEmail: null,
      action: 'account.invited',
      subjectProfileId: null,
      subjectAccountId: null,
      address: null,
      detail: '=HYPERLINK("http://evil")',
    };
    assert.equal(
      auditToCsv([entry]).split('\r\n')[1],
      `2026-12-01T10:00:00.000Z,,,account.invited,,,,"'=HYPERLINK(""http://evil"")"`,
    );
  });
});

describe('a person’s own data', () => {
  test('the export holds their account, every profile with its progress and the audit entries about them', async () => {
    const member = await join('employee');
    const profile = await profileOf(member);
    const step = (await profilePlan(app, profile.id)).plan.steps[0]!.id;
    await recordProgress(app, profile.id, step, 'done');
    const response = await send('/api/me/export', member.headers);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-disposition')!, /upskill-my-data\.json/);
    const data = (await response.json()) as {
      account: { email: string };
      profiles: { id: string; progress: { stepId: string; status: string }[] }[];
      auditLog: Entry[];
    };
    assert.equal(data.account.email, member.account.email);
    assert.deepEqual(
      data.profiles.map((p) => [p.id, p.progress.map((r) => [r.stepId, r.status])]),
      [[profile.id, [[step, 'done']]]],
    );
    assert.ok(data.auditLog.some((entry) => entry.action === 'link.invitation'));
    const entries = (await (await send('/api/audit', members.administrator.headers)).json()) as Entry[];
    assert.ok(entries.some((e) => e.action === 'data.exported' && e.actorEmail === member.account.email));
  });

  test('deleting one’s account takes every profile with it and needs the password; the last administrator cannot', async () => {
    const member = await join('employee');
    const profile = await profileOf(member);
    const wrong = await send('/api/me', member.headers, 'DELETE', { password: 'not my password' });
    assert.equal(wrong.status, 401);
    assert.equal((await send(`/api/profiles/${profile.id}`, member.headers)).status, 200, 'nothing deleted');
    assert.equal((await send('/api/me', member.headers, 'DELETE', { password: PASSWORD })).status, 204);
    assert.equal((await send(`/api/profiles/${profile.id}`, members.administrator.headers)).status, 404);
    assert.equal((await send('/api/profiles', member.headers)).status, 401, 'the session went too');
    const login = await send('/api/auth/login', {}, 'POST', { email: member.account.email, password: PASSWORD });
    assert.equal(login.status, 401);
    const last = await send('/api/me', members.administrator.headers, 'DELETE', { password: PASSWORD });
    assert.equal(last.status, 409);
    assert.match(((await last.json()) as { detail: string }).detail, /last administrator/);
  });

  test('a profile can be saved without its résumé text', async () => {
    const saved = await send('/api/profiles', members.employee.headers, 'POST', {
      name: 'No résumé kept',
      occupation: '13-2011.00',
      hoursPerWeek: 3,
      resumeText: 'Skills: Excel, ChatGPT',
      keepResumeText: false,
    });
    const profile = (await saved.json()) as { resumeText: string | null; skills: { skillId: string }[] };
    assert.equal(profile.resumeText, null);
    assert.ok(profile.skills.length > 0, 'its skills were still read');
  });
});
