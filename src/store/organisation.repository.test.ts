import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DATABASES } from '../../test/support/databases.js';
import { insertAccount } from './account.repository.js';
import {
  confirmTitles,
  countPeople,
  findPerson,
  findScenario,
  listFreelancers,
  listPeople,
  listPersonGaps,
  listPersonRelations,
  listPersonSkills,
  replaceFreelancers,
  replacePersonGaps,
  replacePersonSkills,
  rollUpGaps,
  saveScenario,
  upsertPeople,
  type OrgPerson,
} from './organisation.repository.js';

const person = (key: string, over: Partial<OrgPerson> = {}): OrgPerson => ({
  personKey: key,
  name: `Person ${key}`,
  email: null,
  title: 'Accountant',
  team: 'Finance',
  department: 'Finance',
  managerKey: null,
  level: 'L2',
  yearsInRole: 2.5,
  location: null,
  learningHoursPerWeek: 4,
  occupationCode: '13-2011.00',
  titleScore: 0.9,
  titleConfirmed: false,
  titleClear: true,
  resumeFile: null,
  target: null,
  fictional: false,
  sourceFile: 'roster.csv',
  sourceLine: 2,
  ...over,
});

for (const backend of DATABASES) {
  describe(`organisation store on ${backend.name}`, { skip: backend.skip }, () => {
    test('people upsert in place, keep confirmed titles, skills and gaps roll up, scenarios and bench', async () => {
      const db = await backend.open();
      try {
        await upsertPeople(db, [
          person('E1', { email: 'Mia@Example.org' }),
          person('E2', {
            managerKey: 'E1',
            titleScore: 0.2,
            titleClear: false,
            title: "O'Brien; drop table x;--",
            yearsInRole: null,
          }),
          person('E3', { team: 'Sales', level: null }),
        ]);
        assert.equal(await countPeople(db), 3);
        assert.deepEqual(
          (await listPeople(db, { unconfirmed: true })).map((p) => p.personKey),
          ['E2'],
        );
        assert.equal((await findPerson(db, 'E2'))!.title, "O'Brien; drop table x;--");
        assert.equal((await findPerson(db, 'E2'))!.yearsInRole, null);
        assert.deepEqual(
          await confirmTitles(db, [
            { personKey: 'E2', occupationCode: '13-2051.00' },
            { personKey: 'X', occupationCode: '13-2051.00' },
          ]),
          ['E2'],
        );
        // Re-import with the same title keeps the confirmation; a new team is taken.
        await upsertPeople(db, [
          person('E2', { managerKey: 'E1', team: 'Audit', title: "O'Brien; drop table x;--", titleScore: 0.2 }),
        ]);
        const e2 = (await findPerson(db, 'E2'))!;
        assert.deepEqual(
          [e2.team, e2.occupationCode, e2.titleConfirmed, e2.titleScore],
          ['Audit', '13-2051.00', true, 1],
        );
        // A changed title drops it.
        await upsertPeople(db, [
          person('E2', { managerKey: 'E1', title: 'Auditor', occupationCode: '13-2011.00', titleScore: 0.8 }),
        ]);
        assert.deepEqual(
          [(await findPerson(db, 'E2'))!.titleConfirmed, (await findPerson(db, 'E2'))!.occupationCode],
          [false, '13-2011.00'],
        );
        assert.equal(await countPeople(db), 3);

        await replacePersonSkills(
          db,
          ['E1', 'E2'],
          [
            { personKey: 'E1', skillId: 'python', level: 3, source: 'roster' },
            { personKey: 'E2', skillId: 'spreadsheets', level: 2, source: 'onet-default' },
          ],
        );
        await replacePersonSkills(db, ['E2'], [{ personKey: 'E2', skillId: 'sql', level: 1, source: 'resume' }]);
        assert.deepEqual(
          (await listPersonSkills(db)).map((s) => `${s.personKey}:${s.skillId}:${s.level}:${s.source}`),
          ['E1:python:3:roster', 'E2:sql:1:resume'],
        );
        await replacePersonGaps(
          db,
          ['E1', 'E2', 'E3'],
          [
            { personKey: 'E1', skillId: 'sql', label: 'SQL', currentLevel: 1, targetLevel: 3, hours: 20 },
            { personKey: 'E2', skillId: 'sql', label: 'SQL', currentLevel: 2, targetLevel: 3, hours: 10 },
            { personKey: 'E3', skillId: 'sql', label: 'SQL', currentLevel: 0, targetLevel: 2, hours: 12.5 },
          ],
        );
        assert.equal((await listPersonGaps(db, ['E3']))[0]!.hours, 12.5);
        const rolled = await rollUpGaps(db, 'team');
        assert.deepEqual(
          rolled.map((r) => [r.groupName, r.skillId, r.people, r.meanGap, r.hours]),
          [
            ['Finance', 'sql', 2, 1.5, 30],
            ['Sales', 'sql', 1, 2, 12.5],
          ],
        );

        const boss = await insertAccount(db, {
          id: 'boss',
          email: 'mia@example.org',
          name: 'Mia',
          role: 'manager',
          managerId: null,
          passwordHash: null,
        });
        assert.ok(boss);
        const relations = await listPersonRelations(db);
        assert.deepEqual(
          relations.sort((a, b) => a.personKey.localeCompare(b.personKey)),
          [
            { personKey: 'E1', accountId: 'boss', managerAccountIds: [] },
            { personKey: 'E2', accountId: null, managerAccountIds: ['boss'] },
          ],
        );

        await saveScenario(db, 'lean', { benefitsMultiplier: 1.3 });
        await saveScenario(db, 'lean', { benefitsMultiplier: 1.4 });
        assert.deepEqual((await findScenario(db, 'lean'))!.assumptions, { benefitsMultiplier: 1.4 });

        await replaceFreelancers(db, [
          {
            name: 'Fay',
            skills: ['python', 'sql'],
            ratePerHour: 95.5,
            currency: 'USD',
            hoursPerWeek: 20,
            availableFrom: '2026-12-07',
          },
        ]);
        const [fay] = await listFreelancers(db);
        assert.deepEqual(
          { ...fay, id: 0 },
          {
            id: 0,
            name: 'Fay',
            skills: ['python', 'sql'],
            ratePerHour: 95.5,
            currency: 'USD',
            hoursPerWeek: 20,
            availableFrom: '2026-12-07',
          },
        );
      } finally {
        await db.close();
      }
    });
  });
}
