import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openTeam, principalOf, type Team } from '../../test/support/team-app.js';
import { upsertPeople, replacePersonSkills, type OrgPerson } from '../store/organisation.repository.js';
import { rosterPerson } from '../../test/support/roster-person.js';

// A market research analyst of the Insights team unless said otherwise.
const person = (personKey: string, fields: Partial<OrgPerson>) =>
  rosterPerson(personKey, {
    title: 'Market Research Analyst',
    team: 'Insights',
    department: 'Marketing',
    occupationCode: '13-1161.00',
    ...fields,
  });
import { listProgress } from '../store/profile.repository.js';
import { addDays } from '../domain/planning/path-planner.js';
import { assignCohortPlan } from './assign-cohort-plan.js';
import { cohortCsv, cohortDashboard, listVisibleCohorts } from './cohort-dashboard.js';
import { today } from './build-plan.js';
import { getProfile, profilePlan, recordProgress } from './profiles.js';

describe('cohort plans', () => {
  let team: Team;
  const start = today();
  before(async () => {
    team = await openTeam();
    const { members } = team;
    await upsertPeople(team.app.database, [
      // The employee reports to the manager (accounts); the outsider does not; E3 has no account; E4 no occupation.
      person('E1', { name: 'Eli Employee', email: members.employee.account.email, learningHoursPerWeek: 4.4 }),
      person('E2', { name: 'Olu Outsider', email: members.outsider.account.email.toUpperCase() }),
      person('E3', { name: 'Noa Noaccount', learningHoursPerWeek: 6 }),
      person('E4', { name: 'Uma Unmatched', occupationCode: null, titleConfirmed: false }),
      person('E5', { name: 'Sam Sales', team: 'Sales' }),
    ]);
    await replacePersonSkills(
      team.app.database,
      ['E1'],
      [
        { personKey: 'E1', skillId: 'prompt-engineering', level: 2, source: 'roster' },
        { personKey: 'E1', skillId: 'not-a-skill', level: 3, source: 'roster' },
      ],
    );
  });
  after(() => team.close());

  it('gives each member of a team a personal plan of their own, skipping who has no occupation', async () => {
    const admin = principalOf(team.members.administrator.account);
    const assigned = await assignCohortPlan(team.app, admin, { name: 'Insights AI', team: 'Insights' });
    assert.deepEqual(
      assigned.members.map((m) => [m.personKey, m.name]),
      [
        ['E1', 'Eli Employee'],
        ['E2', 'Olu Outsider'],
        ['E3', 'Noa Noaccount'],
      ],
    );
    assert.deepEqual(assigned.skipped, [
      {
        personKey: 'E4',
        reason: 'their title is not matched to an occupation yet; confirm it with `upskill org confirm`',
      },
    ]);
    const eli = await getProfile(team.app, assigned.members[0]!.profileId);
    // Their own account's plan in the worker journey, with the roster's level and rounded roster hours.
    assert.equal(eli.ownerId, team.members.employee.account.id);
    assert.equal(eli.name, 'Eli Employee · Insights AI');
    assert.deepEqual(eli.skills, [{ skillId: 'prompt-engineering', level: 2 }]);
    assert.deepEqual([eli.hoursPerWeek, eli.startDate, eli.target], [4, start, 'ai-augmented']);
    assert.equal(
      (await getProfile(team.app, assigned.members[1]!.profileId)).ownerId,
      team.members.outsider.account.id,
    );
    const noa = await getProfile(team.app, assigned.members[2]!.profileId);
    assert.deepEqual([noa.ownerId, noa.hoursPerWeek], [null, 6]);
    const plan = await profilePlan(team.app, eli.id);
    assert.equal(assigned.members[0]!.plannedHours, plan.plan.totalHours);
    assert.equal(assigned.members[0]!.weeks, plan.plan.weeks.length);
  });

  it('lets a manager assign plans to their own reports only, an employee to themselves only', async () => {
    const manager = principalOf(team.members.manager.account);
    const assigned = await assignCohortPlan(team.app, manager, {
      name: 'Mia’s team',
      team: 'Insights',
      hoursPerWeek: 2,
    });
    assert.deepEqual(
      assigned.members.map((m) => m.personKey),
      ['E1'],
    );
    await assert.rejects(assignCohortPlan(team.app, manager, { name: 'Not mine', people: ['E1', 'E2'] }), {
      code: 'NOT_FOUND',
      message: 'people: no one you may assign a plan to has the id E2.',
    });
    await assert.rejects(
      assignCohortPlan(team.app, principalOf(team.members.employee.account), { name: 'Mine', people: ['E3'] }),
      { code: 'NOT_FOUND', message: 'people: no one you may assign a plan to has the id E3.' },
    );
    await assert.rejects(assignCohortPlan(team.app, manager, { name: 'Insights AI', people: ['E1'] }), {
      code: 'CONFLICT',
    });
    await assert.rejects(assignCohortPlan(team.app, manager, { name: 'Both', people: ['E1'], team: 'Insights' }), {
      code: 'BAD_INPUT',
    });
  });

  it('shows a manager their reports’ progress against the assigned plan, an administrator everyone’s', async () => {
    const admin = principalOf(team.members.administrator.account);
    const manager = principalOf(team.members.manager.account);
    const eliProfile = await assignedProfile('E1');
    const plan = await profilePlan(team.app, eliProfile);
    const first = plan.plan.steps[0]!;
    await recordProgress(team.app, eliProfile, first.id, 'took-longer', first.hours + 2);
    assert.equal((await listProgress(team.app.database, eliProfile)).length, 1);

    const asOf = addDays(start, 14); // week 3: weeks 1 and 2 have ended
    const all = await cohortDashboard(team.app, admin, 'Insights AI', asOf);
    assert.equal(all.progress.week, 3);
    assert.equal(all.hiddenMembers, 0);
    assert.deepEqual(all.progress.members.map((m) => m.personKey).sort(), ['E1', 'E2', 'E3']);
    const eli = all.progress.members.find((m) => m.personKey === 'E1')!;
    const weekHours = plan.plan.weeks.filter((w) => w.week < 3).reduce((sum, w) => sum + w.hours, 0);
    assert.deepEqual(
      [eli.plannedToDateHours, eli.doneHours, eli.spentHours, eli.hoursPerWeek],
      [weekHours, first.hours, first.hours + 2, 4],
    );
    assert.equal(eli.status, weekHours - first.hours >= 4 ? 'behind' : 'on-track');
    // Nobody else recorded anything: two weeks of their hours behind.
    assert.deepEqual(
      all.progress.members.filter((m) => m.personKey !== 'E1').map((m) => [m.personKey, m.status, m.doneHours]),
      // Most behind first: E3's six hours a week put more of the plan in the ended weeks than E2's three.
      [
        ['E3', 'behind', 0],
        ['E2', 'behind', 0],
      ],
    );
    const insightsWeek1 = all.progress.weeks.find((w) => w.team === 'Insights' && w.week === 1)!;
    assert.deepEqual(
      [insightsWeek1.members, insightsWeek1.doneHours, insightsWeek1.spentHours],
      [3, first.hours, first.hours + 2],
    );

    const mine = await cohortDashboard(team.app, manager, 'Insights AI', asOf);
    assert.deepEqual(
      mine.progress.members.map((m) => m.personKey),
      ['E1'],
    );
    assert.equal(mine.hiddenMembers, 2);
    assert.match(mine.definitions.behind, /one week of the member’s learning hours short/);

    // An employee outside the cohort's reporting lines sees only themselves; a cohort of others is "not there".
    const outsider = principalOf(team.members.outsider.account);
    assert.deepEqual(
      (await cohortDashboard(team.app, outsider, 'Insights AI', asOf)).progress.members.map((m) => m.personKey),
      ['E2'],
    );
    await assert.rejects(cohortDashboard(team.app, outsider, 'Mia’s team', asOf), { code: 'NOT_FOUND' });
    assert.deepEqual(
      (await listVisibleCohorts(team.app, manager)).map((c) => [c.name, c.members]),
      [
        ['Mia’s team', 1],
        ['Insights AI', 1],
      ],
    );
    assert.deepEqual(
      (await listVisibleCohorts(team.app, admin)).map((c) => [c.name, c.members]),
      [
        ['Mia’s team', 1],
        ['Insights AI', 3],
      ],
    );

    const csv = (await cohortCsv(team.app, manager, 'Insights AI', asOf)).split('\r\n');
    assert.equal(
      csv[1],
      `E1,Eli Employee,Insights,${eli.status},4,${eli.plannedHours},${weekHours},${first.hours},${first.hours + 2},` +
        `${eli.behindHours},${eli.lastActivity}`,
    );
    assert.equal(csv.length, 3);
  });

  async function assignedProfile(personKey: string): Promise<string> {
    const [row] = await team.app.database.query<{ profileId: string }>(
      `select m.profile_id as "profileId" from org_cohort_members m join org_cohorts c on c.id = m.cohort_id
       where c.name = 'Insights AI' and m.person_key = $1`,
      [personKey],
    );
    return row!.profileId;
  }
});
