import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { openDatabase } from '../src/store/database.js';
import { upsertPeople } from '../src/store/organisation.repository.js';
import { rosterPerson as person } from './support/roster-person.js';
import { SHARED_DATA } from './support/databases.js';
import { cliIn } from './support/run-cli.js';

const home = mkdtempSync(join(tmpdir(), 'upskill-cohort-cli-'));
after(() => rmSync(home, { recursive: true, force: true }));
const upskill = cliIn(home);

describe('upskill org cohort', () => {
  before(async () => {
    assert.equal(upskill(['data', 'load', '--from', SHARED_DATA]).status, 0);
    // A roster, written straight into the CLI's embedded store (the roster import is tested on its own).
    const db = await openDatabase({ kind: 'embedded', dir: join(home, 'db') });
    await upsertPeople(db, [
      person('F1', { name: 'Fay Ledger', learningHoursPerWeek: 4 }),
      person('F2', { name: 'Gus Tally' }),
      person('F3', { name: 'Hal Unmatched', occupationCode: null, titleConfirmed: false }),
    ]);
    await db.close();
  });

  test('--help teaches the sub-commands with examples', () => {
    const help = upskill(['org', 'cohort', '--help']);
    assert.equal(help.status, 0);
    for (const word of ['create', 'list', 'show', 'export', 'upskill org cohort create "Finance AI" --team Finance'])
      assert.ok(help.stdout.includes(word), word);
  });

  test('create, list, show and export a cohort of a team', () => {
    const created = upskill(['org', 'cohort', 'create', 'Finance AI', '--team', 'Finance', '--json']);
    assert.equal(created.status, 0, created.stderr);
    const assigned = JSON.parse(created.stdout) as {
      cohort: { id: string; startDate: string };
      members: { personKey: string; plannedHours: number }[];
      skipped: { personKey: string }[];
    };
    assert.deepEqual(
      [assigned.members.map((m) => m.personKey), assigned.skipped.map((s) => s.personKey)],
      [['F1', 'F2'], ['F3']],
    );

    const list = upskill(['org', 'cohort', 'list']);
    assert.equal(list.status, 0);
    assert.match(list.stdout, new RegExp(`${assigned.cohort.id}.*Finance AI.*Finance.*ai-augmented`));

    // Three weeks on with nothing recorded: both are behind by the plan's first two weeks.
    const start = Date.parse(`${assigned.cohort.startDate}T00:00:00Z`);
    const asOf = new Date(start + 14 * 86_400_000).toISOString().slice(0, 10);
    const shown = upskill(['org', 'cohort', 'show', 'Finance AI', '--as-of', asOf, '--json']);
    assert.equal(shown.status, 0, shown.stderr);
    const dashboard = JSON.parse(shown.stdout) as {
      progress: { week: number; totals: { behind: number; members: number } };
    };
    const { week, totals } = dashboard.progress;
    assert.deepEqual([week, totals.members, totals.behind], [3, 2, 2]);
    const text = upskill(['org', 'cohort', 'show', assigned.cohort.id, '--as-of', asOf]);
    assert.match(text.stdout, /2 members: 2 behind plan, 0 on track, 0 finished\./);
    assert.match(text.stdout, /behind: Behind plan: done is at least one week/);

    const file = join(home, 'finance.csv');
    const exported = upskill(['org', 'cohort', 'export', 'Finance AI', '--as-of', asOf, '-o', file]);
    assert.equal(exported.stdout.trim(), `✓ 2 members written to ${file}`);
    const rows = readFileSync(file, 'utf8').split('\r\n');
    assert.equal(rows[0]?.split(',')[0], 'person_key');
    assert.deepEqual(
      rows
        .slice(1, 3)
        .map((row) => row.split(',').slice(0, 4).join(','))
        .sort(),
      ['F1,Fay Ledger,Finance,behind', 'F2,Gus Tally,Finance,behind'],
    );
  });

  test('mistakes exit with their codes and say what to do', () => {
    const both = upskill(['org', 'cohort', 'create', 'X', '--team', 'Finance', '--people', 'F1']);
    assert.equal(both.status, 2);
    assert.match(both.stderr, /Name either a team or a list of people/);
    const again = upskill(['org', 'cohort', 'create', 'Finance AI', '--people', 'F1']);
    assert.equal(again.status, 2);
    assert.match(again.stderr, /There is already a cohort "Finance AI"/);
    const missing = upskill(['org', 'cohort', 'show', 'Nope']);
    assert.equal(missing.status, 3);
    assert.match(missing.stderr, /There is no cohort "Nope"/);
    assert.equal(upskill(['org', 'cohort', 'show', 'Finance AI', '--as-of', 'tomorrow']).status, 2);
  });
});
