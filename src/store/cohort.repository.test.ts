import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DATABASES } from '../../test/support/databases.js';
import {
  countCohortMembers,
  deleteCohort,
  findCohort,
  insertCohort,
  insertCohortMember,
  listCohortMembers,
  listCohorts,
  listRosterPeople,
} from './cohort.repository.js';
import { replacePersonSkills, upsertPeople, type OrgPerson } from './organisation.repository.js';
import { deleteProfile, insertProfile, upsertProgress } from './profile.repository.js';
import { rosterPerson } from '../../test/support/roster-person.js';

for (const backend of DATABASES) {
  describe(`cohort store on ${backend.name}`, { skip: backend.skip }, () => {
    test('cohorts keep their members’ baselines and read back the progress of their plans', async () => {
      const db = await backend.open();
      try {
        const person = (personKey: string, fields: Partial<OrgPerson>) =>
          rosterPerson(personKey, { department: null, titleScore: 0.9, titleConfirmed: false, ...fields });
        await upsertPeople(db, [
          person('P2', { name: 'Bo', learningHoursPerWeek: 2.5 }),
          person('P1', { name: "O'Neil", email: 'o@example.org' }),
          person('P3', { name: 'Cy', team: 'Legal' }),
        ]);
        await replacePersonSkills(db, ['P1'], [{ personKey: 'P1', skillId: 'excel', level: 3, source: 'roster' }]);
        const finance = await listRosterPeople(db, { team: 'Finance' });
        assert.deepEqual(
          finance.map((p) => [p.personKey, p.name, p.learningHoursPerWeek, p.accountId, p.skills]),
          [
            ['P1', "O'Neil", null, null, [{ skillId: 'excel', level: 3, source: 'roster' }]],
            ['P2', 'Bo', 2.5, null, []],
          ],
        );
        assert.deepEqual(
          (await listRosterPeople(db, { personKeys: ['P3', 'nobody'] })).map((p) => p.personKey),
          ['P3'],
        );

        const cohort = await insertCohort(db, {
          id: 'c0ffee000001',
          name: 'Finance 2027',
          target: 'ai-augmented',
          team: 'Finance',
          startDate: '2027-01-04',
          hoursPerWeek: null,
          createdBy: null,
        });
        assert.deepEqual(await findCohort(db, 'Finance 2027'), cohort);
        assert.deepEqual(await findCohort(db, 'c0ffee000001'), cohort);
        const profile = await insertProfile(db, {
          id: 'aaaaaaaaaaaa',
          name: "O'Neil · Finance 2027",
          occupationCode: '13-2011.00',
          target: 'ai-augmented',
          skills: [],
          hoursPerWeek: 3,
          startDate: '2027-01-04',
          preferences: { freeOnly: false },
          resumeText: null,
          ownerId: null,
        });
        const baseline = { weeks: [{ week: 1, hours: 3 }], steps: [{ id: 'excel@4', hours: 3 }] };
        await insertCohortMember(db, {
          cohortId: cohort.id,
          personKey: 'P1',
          name: "O'Neil",
          team: 'Finance',
          profileId: profile.id,
          hoursPerWeek: 3,
          baseline,
        });
        await upsertProgress(db, profile.id, { stepId: 'excel@4', status: 'took-longer', hours: 4.5 });
        const [member] = await listCohortMembers(db, cohort.id);
        assert.deepEqual(
          { ...member, progress: member!.progress.map(({ recordedAt: _at, ...record }) => record) },
          {
            cohortId: cohort.id,
            personKey: 'P1',
            name: "O'Neil",
            team: 'Finance',
            profileId: profile.id,
            hoursPerWeek: 3,
            baseline,
            ownerId: null,
            ownerManagerId: null,
            progress: [{ stepId: 'excel@4', status: 'took-longer', hours: 4.5 }],
          },
        );
        assert.deepEqual([...(await countCohortMembers(db))], [[cohort.id, 1]]);
        assert.deepEqual(
          (await listCohorts(db)).map((c) => c.name),
          ['Finance 2027'],
        );
        // The member's plan is theirs: deleting it leaves the member, with nothing recorded.
        await deleteProfile(db, profile.id);
        assert.deepEqual(
          (await listCohortMembers(db, cohort.id)).map((m) => [m.profileId, m.progress]),
          [[null, []]],
        );
        assert.equal(await deleteCohort(db, cohort.id), true);
        assert.deepEqual(await listCohortMembers(db, cohort.id), []);
      } finally {
        await db.close();
      }
    });
  });
}
