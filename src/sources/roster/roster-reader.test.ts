import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { parseColumnMap, parseSkillList, readBench, readRoster, type RosterRecord, type RowProblem } from './index.js';

const FIXTURE = new URL('../../../test/fixtures/roster/bad-rows.csv', import.meta.url).pathname;
const SKILLS: Record<string, string> = {
  python: 'python',
  sql: 'sql',
  excel: 'spreadsheets',
  spreadsheets: 'spreadsheets',
};
const resolveSkill = (name: string) => SKILLS[name.trim().toLowerCase()];

async function read(input: Parameters<typeof readRoster>[0], map: string[] = []) {
  const records: RosterRecord[] = [];
  const problems: RowProblem[] = [];
  const result = await readRoster(input, {
    explicit: parseColumnMap(map),
    resolveSkill,
    onRecord: (r) => void records.push(r),
    onProblem: (p) => problems.push(p),
  });
  return { ...result, records, problems };
}

test('a CSV roster with bad rows: every bad row named by file, line and column; the good ones read', async () => {
  const { records, problems, columns, rows } = await read({ path: FIXTURE });
  assert.equal(rows, 7);
  assert.deepEqual(
    columns.map((c) => `${c.header}→${c.field}`),
    [
      'Employee ID→personKey',
      'Full Name→name',
      'Job Title→title',
      'Dept→department',
      'Team→team',
      'Manager→managerKey',
      'Grade→level',
      'Years in role→yearsInRole',
      'Hours for learning→learningHoursPerWeek',
      'Skills→skills',
      'Email→email',
    ],
  );
  assert.deepEqual(problems, [
    { file: 'bad-rows.csv', line: 3, column: 'Job Title', message: 'the job title is missing' },
    { file: 'bad-rows.csv', line: 4, column: 'Employee ID', message: 'the person id is missing' },
    { file: 'bad-rows.csv', line: 5, column: 'Years in role', message: '"many" is not a number from 0 to 80' },
    { file: 'bad-rows.csv', line: 6, column: 'Employee ID', message: 'person id "E1" is on an earlier line too' },
    { file: 'bad-rows.csv', line: 7, column: 'Email', message: '"fi@example" is not an e-mail address' },
    { file: 'bad-rows.csv', line: 7, column: 'Hours for learning', message: '"50" is not a number from 0 to 40' },
    { file: 'bad-rows.csv', line: 7, column: 'Skills', message: '"SQL:7": the level is not 0–4 or a level name' },
  ]);
  assert.deepEqual(
    records.map((r) => r.personKey),
    ['E1', 'E7'],
  );
  assert.deepEqual(records[0]!.skills, [
    { skillId: 'python', level: 3 },
    { skillId: 'sql', level: 2 },
  ]);
  assert.deepEqual(records[0]!.unknownSkills, ['Juggling']);
  assert.deepEqual(records[1]!.skills, [
    { skillId: 'python', level: 2 },
    { skillId: 'sql', level: 2 },
  ]);
  assert.equal(records[0]!.yearsInRole, 4);
});

test('an XLSX roster with one column per skill, columns mapped by --map, read streaming', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'roster-'));
  const path = join(dir, 'people.xlsx');
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('People');
  sheet.addRow(['Staff no', 'Position', 'Unit', 'Python', 'SQL level', 'Notes']);
  sheet.addRow(['S1', 'Data Analyst', 'Insights', 3, 'can build', 'x']);
  sheet.addRow(['S2', 'Marketing Manager', 'Brand', '', 'aware', '']);
  sheet.addRow(['S3', 'Sales Rep', 'Field', 'lots', '', '']);
  await book.xlsx.writeFile(path);
  const { records, problems, columns, format } = await read({ path }, ['Staff no=personKey', 'Position=title']);
  assert.equal(format, 'xlsx');
  assert.deepEqual(
    columns.map((c) => [c.header, c.field, c.how]),
    [
      ['Staff no', 'personKey', 'mapped'],
      ['Position', 'title', 'mapped'],
      ['Unit', 'team', 'synonym'],
      ['Python', 'skill:python', 'skill-column'],
      ['SQL level', 'skill:sql', 'skill-column'],
      ['Notes', null, 'ignored'],
    ],
  );
  assert.deepEqual(problems, [
    { file: 'people.xlsx', line: 4, column: 'Python', message: '"lots" is not a level 0–4 or a level name' },
  ]);
  assert.deepEqual(
    records.map((r) => [r.personKey, r.title, r.team, r.skills]),
    [
      [
        'S1',
        'Data Analyst',
        'Insights',
        [
          { skillId: 'python', level: 3 },
          { skillId: 'sql', level: 3 },
        ],
      ],
      ['S2', 'Marketing Manager', 'Brand', [{ skillId: 'sql', level: 1 }]],
    ],
  );
  // Uploaded bytes go through the same reader, with the upload limits.
  const bytes = new Uint8Array(readFileSync(path));
  const again = await read({ bytes, name: 'people.xlsx' }, ['Staff no=personKey', 'Position=title']);
  assert.equal(again.records.length, 2);
});

test('skill lists in the usual layouts, and a bench of freelancers', async () => {
  assert.deepEqual(parseSkillList('Python:3; SQL = 2 | Excel (can use), Prompting'), {
    skills: [
      { name: 'Python', level: 3 },
      { name: 'SQL', level: 2 },
      { name: 'Excel', level: 2 },
      { name: 'Prompting', level: 2 },
    ],
    bad: [],
  });
  assert.throws(() => parseColumnMap(['Staff=nonsense']), /"nonsense" is not a roster field/);
  const dir = mkdtempSync(join(tmpdir(), 'bench-'));
  const path = join(dir, 'bench.csv');
  writeFileSync(
    path,
    'Name,Skills,Rate,Hours per week,Available from\n' +
      'Fictional Fay,"Python; SQL",95,20,2026-12-07\n' +
      'Fictional Gil,Juggling,80,10,now\n' +
      'Fictional Hal,SQL,cheap,10,soon\n',
  );
  const bench = await readBench({ path }, resolveSkill);
  assert.deepEqual(bench.records, [
    {
      name: 'Fictional Fay',
      skills: ['python', 'sql'],
      ratePerHour: 95,
      currency: 'USD',
      hoursPerWeek: 20,
      availableFrom: '2026-12-07',
    },
  ]);
  assert.deepEqual(
    bench.problems.map((p) => `${p.line} ${p.column}: ${p.message}`),
    [
      '3 Skills: no skill the skills graph knows',
      '4 Rate: "cheap" is not an hourly rate',
      '4 Available from: "soon" is not a date like 2026-12-01',
    ],
  );
});
