import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { SHARED_DATA } from './support/databases.js';
import { cliIn } from './support/run-cli.js';

const home = mkdtempSync(join(tmpdir(), 'upskill-org-cli-'));
after(() => rmSync(home, { recursive: true, force: true }));
const upskill = cliIn(home);
const BAD_ROWS = new URL('./fixtures/roster/bad-rows.csv', import.meta.url).pathname;

describe('upskill org', () => {
  test('--help teaches the commands, the readiness formula and where the assumptions come from', () => {
    const help = upskill(['org', '--help']);
    assert.equal(help.status, 0);
    for (const word of ['import', 'people', 'confirm', 'readiness', 'decide', 'mobility', 'bench', 'demo'])
      assert.match(help.stdout, new RegExp(`\\b${word}\\b`), word);
    assert.match(help.stdout, /min\(1, current level ÷ required level\)/);
    assert.match(help.stdout, /docs\/staffing-assumptions\.md/);
    assert.match(upskill(['org', 'import', '--help']).stdout, /"Python:3; SQL:2"/);
  });

  test('demo, readiness, decide and an import with bad rows, end to end', () => {
    assert.equal(upskill(['data', 'load', '--from', SHARED_DATA]).status, 0);
    const demo = upskill(['org', 'demo']);
    assert.equal(demo.status, 0, demo.stderr);
    assert.match(demo.stdout, /^Loaded the demo company: 300 fictional people in 8 departments/);

    const readiness = upskill(['org', 'readiness', '--by', 'department', '--json']);
    assert.equal(readiness.status, 0, readiness.stderr);
    const report = JSON.parse(readiness.stdout) as { people: number; groups: { name: string }[]; access: string };
    assert.equal(report.people + (report as unknown as { notAssessed: number }).notAssessed, 300);
    assert.equal(report.groups.length, 8);
    assert.match(report.access, /^Personal mode: everything is shown/);
    assert.match(upskill(['org', 'readiness', '--csv']).stdout, /^team,people,readiness \(0-100\)/);
    const workbook = join(home, 'readiness.xlsx');
    assert.equal(upskill(['org', 'readiness', '--by', 'level', '--xlsx', workbook]).status, 0);
    assert.ok(statSync(workbook).size > 1000, 'an Excel workbook was written');

    const decide = upskill(['org', 'decide', '--team', 'Brand', '--assume', 'needMonths=3', '-n', '1']);
    assert.equal(decide.status, 0, decide.stderr);
    assert.match(decide.stdout, /^Brand · /);
    assert.match(decide.stdout, /break-even: /);
    const unknown = upskill(['org', 'decide', '--assume', 'luck=1']);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /--assume luck: there is no such assumption/);

    // A real roster is not replaced by the demo unasked; the import names every bad row.
    const imported = upskill(['org', 'import', BAD_ROWS]);
    assert.equal(imported.status, 0, imported.stderr);
    assert.match(imported.stdout, /^Imported 2 people from bad-rows\.csv \(2 new, 0 updated\)/);
    assert.match(imported.stdout, /bad-rows\.csv, line 3, Job Title: the job title is missing/);
    assert.match(imported.stdout, /bad-rows\.csv, line 6, Employee ID: person id "E1" is on an earlier line too/);
    assert.match(imported.stdout, /Skills the graph does not know: Juggling/);
    const again = upskill(['org', 'demo']);
    assert.equal(again.status, 2);
    assert.match(again.stderr, /holds a real roster of 2 people/);
  });
});
