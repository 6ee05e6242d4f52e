import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openTeam, type Team } from '../../../test/support/team-app.js';
import { upsertPeople } from '../../store/organisation.repository.js';
import { rosterPerson } from '../../../test/support/roster-person.js';

const person = (personKey: string, name: string, email: string | null) =>
  rosterPerson(personKey, { name, email, learningHoursPerWeek: 3 });

describe('cohort routes on a team server', () => {
  let team: Team;
  before(async () => {
    team = await openTeam();
    await upsertPeople(team.app.database, [
      person('F1', 'Eli Employee', team.members.employee.account.email),
      person('F2', 'Olu Outsider', team.members.outsider.account.email),
    ]);
  });
  after(() => team.close());

  const call = (method: string, path: string, headers: Record<string, string>, body?: unknown) =>
    team.api.request(path, {
      method,
      headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  it('a manager assigns a plan to their reports of a team and sees only their progress', async () => {
    const { manager, administrator, analyst } = team.members;
    const created = await call('POST', '/api/org/cohorts', administrator.headers, {
      name: 'Finance AI',
      team: 'Finance',
      hoursPerWeek: 2,
    });
    assert.equal(created.status, 201);
    const assigned = (await created.json()) as { cohort: { id: string }; members: { personKey: string }[] };
    assert.deepEqual(
      assigned.members.map((m) => m.personKey),
      ['F1', 'F2'],
    );

    const mine = await call('GET', `/api/org/cohorts/${encodeURIComponent('Finance AI')}`, manager.headers);
    assert.equal(mine.status, 200);
    const dashboard = (await mine.json()) as {
      hiddenMembers: number;
      progress: { week: number; members: { personKey: string; status: string }[] };
    };
    assert.deepEqual(
      [
        dashboard.hiddenMembers,
        dashboard.progress.week,
        dashboard.progress.members.map((m) => [m.personKey, m.status]),
      ],
      [1, 1, [['F1', 'on-track']]],
    );

    const csv = await call('GET', `/api/org/cohorts/${assigned.cohort.id}/export?asOf=2099-01-01`, manager.headers);
    assert.equal(csv.headers.get('content-type'), 'text/csv; charset=utf-8');
    const lines = (await csv.text()).split('\r\n');
    assert.deepEqual(
      [lines.length, lines[1]?.split(',').slice(0, 4)],
      [3, ['F1', 'Eli Employee', 'Finance', 'behind']],
    );

    assert.equal((await call('GET', '/api/org/cohorts', analyst.headers)).status, 403);
    const both = await call('POST', '/api/org/cohorts', manager.headers, {
      name: 'X',
      team: 'Finance',
      people: ['F1'],
    });
    assert.equal(both.status, 400);
    const past = await call('POST', '/api/org/cohorts', manager.headers, {
      name: 'Past',
      people: ['F1'],
      startDate: '2020-01-06',
    });
    assert.equal(past.status, 400);
    assert.match(((await past.json()) as { detail: string }).detail, /start date 2020-01-06 is in the past/);
    const badDate = await call('GET', `/api/org/cohorts/${assigned.cohort.id}?asOf=2026-13-45`, manager.headers);
    assert.equal(badDate.status, 400);
  });
});
