import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { importRoster } from '../src/app/import-roster.js';
import { MAX_UPLOADED_RESUMES } from '../src/api/routes/org.js';
import { DEMO_DEPARTMENTS, DEMO_SIZE } from '../src/app/create-demo-company.js';
import { openTeam, type Member } from './support/team-app.js';

/*
 * The organisation through the API of a team server: import (CSV as JSON, XLSX as multipart), bad
 * rows, re-import in place, confirming titles, readiness with its formula, access (an administrator
 * and a manager see names, others counts), decisions, mobility, the bench and the demo company.
 */

const team = await openTeam();
after(() => team.close());
const { app, api, members } = team;

// Responses are read loosely: each assertion names the fields it checks.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;
const call = async (member: Member, path: string, init: { method?: string; body?: unknown; form?: FormData } = {}) => {
  const headers: Record<string, string> = { ...member.headers };
  let body: RequestInit['body'];
  if (init.form) body = init.form;
  else if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers['content-type'] = 'application/json';
  }
  const response = await api.request(path, {
    method: init.method ?? (body ? 'POST' : 'GET'),
    headers,
    ...(body ? { body } : {}),
  });
  const type = response.headers.get('content-type') ?? '';
  return {
    status: response.status,
    type,
    body: type.includes('json') ? ((await response.json()) as Loose) : await response.text(),
  };
};
const admin = () => members.administrator;

// Six people: the manager (Mia) with two reports (Eli, who has an account, and Rae, who has none),
// the outsider alone in Sales, and two more in Finance.
const roster = () =>
  [
    'Employee ID,Name,Email,Job Title,Dept,Team,Manager,Grade,Hours for learning,Skills',
    `P1,Mia,${members.manager.account.email},Accountant,Finance,Ledger,,L3,4,"SQL:3; Spreadsheets:3"`,
    `P2,Eli,${members.employee.account.email},Accountant,Finance,Ledger,P1,L2,5,Spreadsheets:2`,
    'P3,Rae,rae@example.org,Bookkeeper,Finance,Ledger,P1,L1,3,',
    `P4,Olu,${members.outsider.account.email},Sales Representative,Sales,Field,,L2,4,ChatGPT:2`,
    'P5,Ana,ana@example.org,Financial Analyst,Finance,Ledger,,L2,4,Python:2',
    'P6,Bo,bo@example.org,Payroll Clerk,Finance,Ledger,,L1,2,',
    ',Nobody,,Clerk,Finance,Ledger,,,,',
    'P7,Cy,cy@example.org,Auditor,Finance,Ledger,,L2,lots,',
  ].join('\n') + '\n';

describe('the organisation API', () => {
  test('import as JSON: the people, every bad row named, titles resolved with scores; re-import updates in place', async () => {
    const preview = await call(admin(), '/api/org/roster/preview', { body: { name: 'roster.csv', text: roster() } });
    assert.equal(preview.status, 200);
    assert.deepEqual(preview.body.missing, []);
    assert.equal(preview.body.skillLayout, 'list-column');
    assert.deepEqual(preview.body.columns[3], {
      header: 'Job Title',
      field: 'title',
      how: 'synonym',
      sample: ['Accountant', 'Accountant', 'Bookkeeper'],
    });

    const imported = await call(admin(), '/api/org/roster', { body: { name: 'roster.csv', text: roster() } });
    assert.equal(imported.status, 200);
    assert.deepEqual([imported.body.rows, imported.body.added, imported.body.updated], [6, 6, 0]);
    assert.deepEqual(imported.body.rejected, [
      { file: 'roster.csv', line: 8, column: 'Employee ID', message: 'the person id is missing' },
      { file: 'roster.csv', line: 9, column: 'Hours for learning', message: '"lots" is not a number from 0 to 40' },
    ]);
    assert.equal(
      imported.body.titles.resolved + imported.body.titles.lowConfidence + imported.body.titles.unresolved,
      6,
    );
    assert.equal(imported.body.skills.roster, 5, 'Mia 2, Eli 1, Olu 1, Ana 1 (Cy’s row is refused)');

    const again = await call(admin(), '/api/org/roster', {
      body: {
        name: 'roster.csv',
        text: roster().replace(
          'P6,Bo,bo@example.org,Payroll Clerk,Finance,Ledger',
          'P6,Bo,bo@example.org,Payroll Clerk,Finance,Payroll',
        ),
      },
    });
    assert.deepEqual([again.body.added, again.body.updated], [0, 6]);
    const bo = await call(admin(), '/api/org/people/P6');
    assert.equal(bo.body.person.team, 'Payroll');
  });

  test('people by department or level, as the readiness page opens a group: a manager sees their reports, the rest counted', async () => {
    const keys = async (member: Member, query: string) => {
      const listed = await call(member, `/api/org/people?${query}`);
      assert.equal(listed.status, 200, query);
      const shown = listed.body.people.map((p: { personKey: string }) => p.personKey);
      return { shown, total: listed.body.total, hidden: listed.body.hidden };
    };
    assert.deepEqual(await keys(admin(), 'department=Sales'), { shown: ['P4'], total: 1, hidden: 0 });
    assert.deepEqual(await keys(admin(), 'level=L2'), { shown: ['P2', 'P4', 'P5'], total: 3, hidden: 0 });
    assert.deepEqual(await keys(admin(), 'level=L1&department=Finance'), { shown: ['P3', 'P6'], total: 2, hidden: 0 });
    assert.deepEqual(await keys(admin(), 'level=(none)'), { shown: [], total: 0, hidden: 0 }, 'everyone has a grade');
    assert.deepEqual(await keys(members.manager, 'department=Finance'), {
      shown: ['P1', 'P2', 'P3'],
      total: 5,
      hidden: 2,
    });
    assert.equal((await call(admin(), `/api/org/people?level=${'x'.repeat(201)}`)).status, 400);
  });

  test('titles to confirm are listed with candidates and confirmed in bulk; a confirmation survives a re-import', async () => {
    const listed = await call(admin(), '/api/org/people?unconfirmed=true');
    assert.equal(listed.status, 200);
    for (const person of listed.body.people) {
      assert.equal(person.titleConfirmed, false);
      assert.ok(person.candidates.length > 0, `${person.personKey} has candidates`);
    }
    const confirmed = await call(admin(), '/api/org/people/confirm', {
      body: {
        confirmations: [
          { personKey: 'P3', occupationCode: '43-3031.00' },
          { personKey: 'NOPE', occupationCode: '43-3031.00' },
        ],
      },
    });
    assert.deepEqual(confirmed.body, { confirmed: ['P3'], unknown: ['NOPE'] });
    await call(admin(), '/api/org/roster', { body: { name: 'roster.csv', text: roster() } });
    const rae = await call(admin(), '/api/org/people/P3');
    assert.deepEqual([rae.body.person.occupationCode, rae.body.person.titleConfirmed], ['43-3031.00', true]);
    const wrong = await call(admin(), '/api/org/people/confirm', {
      body: { confirmations: [{ personKey: 'P3', occupationCode: '99-9999.00' }] },
    });
    assert.equal(wrong.status, 404);
  });

  test('readiness follows its formula: a group’s readiness is the mean of its people’s, shown with the formula', async () => {
    const byTeam = await call(admin(), '/api/org/readiness?by=team');
    assert.equal(byTeam.status, 200);
    assert.match(byTeam.body.formula, /min\(1, current level ÷ required level\)/);
    const ledger = byTeam.body.groups.find((g: { name: string }) => g.name === 'Ledger');
    const keys = ['P1', 'P2', 'P3', 'P5', 'P6'];
    const readiness = await Promise.all(
      keys.map(async (k) => (await call(admin(), `/api/org/people/${k}`)).body.readiness as number),
    );
    assert.equal(ledger.people, 5);
    assert.equal(ledger.readiness, Math.round((readiness.reduce((a, b) => a + b, 0) / 5) * 10) / 10);
    // Mia's roster SQL level 3 wins over O*NET's default for accountants.
    const mia = await call(admin(), '/api/org/people/P1');
    assert.deepEqual(
      mia.body.skills.find((s: { skillId: string }) => s.skillId === 'sql'),
      { skillId: 'sql', label: 'SQL', level: 3, source: 'roster' },
    );
    assert.deepEqual(
      byTeam.body.heatMap.rows.map((r: { group: string }) => r.group),
      ['Field', 'Ledger'],
    );
    const csv = await call(admin(), '/api/org/readiness/export?by=department&format=csv');
    assert.match(csv.type, /text\/csv/);
    assert.match(String(csv.body), /^department,people,readiness \(0-100\)/);
    const xlsx = await api.request('/api/org/readiness/export?format=xlsx', { headers: admin().headers });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    assert.equal(book.worksheets[0]!.getRow(1).getCell(1).value, 'team');
  });

  test('access: the manager sees their reports by name, an employee and an analyst see counts', async () => {
    const asManager = await call(members.manager, '/api/org/people');
    assert.deepEqual(asManager.body.people.map((p: { personKey: string }) => p.personKey).sort(), ['P1', 'P2', 'P3']);
    assert.equal(asManager.body.hidden, 3);
    assert.equal((await call(members.manager, '/api/org/people/P2')).status, 200);
    const stranger = await call(members.manager, '/api/org/people/P4');
    const missing = await call(members.manager, '/api/org/people/P404');
    assert.equal(stranger.status, 404);
    assert.equal(stranger.body.detail.replace('P4', 'P404'), missing.body.detail, 'no existence leak');
    assert.equal((await call(members.employee, '/api/org/people/P2')).status, 200, 'themselves');
    assert.equal((await call(members.employee, '/api/org/people/P1')).status, 404);
    // Sales has one person: withheld for anyone who may not see them.
    const asAnalyst = await call(members.analyst, '/api/org/readiness');
    const field = asAnalyst.body.groups.find((g: { name: string }) => g.name === 'Field');
    assert.deepEqual([field.people, field.withheld, field.readiness], [1, true, null]);
    assert.ok(asAnalyst.body.singlePointsOfFailure.every((s: { holder: unknown }) => s.holder === null));
    assert.match(asAnalyst.body.access, /counted only/);
    const asOutsider = await call(members.outsider, '/api/org/readiness');
    assert.equal(
      asOutsider.body.groups.find((g: { name: string }) => g.name === 'Field').withheld,
      false,
      'their own group',
    );
    assert.equal((await call(members.analyst, '/api/org/people')).status, 403);
  });

  test('decisions: three options with their arithmetic, the recommendation in words, a break-even; assumptions editable', async () => {
    const decided = await call(admin(), '/api/org/decisions?team=Ledger&limit=3');
    assert.equal(decided.status, 200);
    const first = decided.body.decisions[0];
    assert.deepEqual(
      first.options.map((o: { option: string }) => o.option),
      ['upskill', 'hire', 'freelance'],
    );
    assert.match(first.recommendation.text, /^(upskill|hire|freelance): .*\$[\d,]+/);
    const hire = first.options[1];
    assert.match(hire.arithmetic[0], /recruiting \$4,129 \(SHRM average cost per hire, 2016/);
    const sources = Object.fromEntries(
      decided.body.assumptions.map((a: { key: string; source: string }) => [a.key, a.source]),
    );
    assert.match(sources.benefitsMultiplier, /Employer Costs for Employee Compensation, June 2021/);
    // Twice the need doubles what a freelancer costs.
    const short = await call(admin(), '/api/org/decisions', {
      body: { team: 'Ledger', assumptions: { needMonths: 6 }, limit: 3 },
    });
    const long = await call(admin(), '/api/org/decisions', {
      body: { team: 'Ledger', assumptions: { needMonths: 12 }, limit: 3 },
    });
    const freelance = (r: typeof short) => r.body.decisions[0].options[2].cost as number;
    assert.ok(Math.abs(freelance(long) - 2 * freelance(short)) < 0.02);
    // Trainees are named to the administrator, and are "a colleague" to an analyst.
    assert.ok(first.options[0].arithmetic.every((line: string) => !line.startsWith('a colleague:')));
    const asAnalyst = await call(members.analyst, '/api/org/decisions?team=Ledger&limit=3');
    assert.ok(
      asAnalyst.body.decisions[0].options[0].arithmetic.every((line: string) => line.startsWith('a colleague:')),
    );
    // Olu is alone in Field: even "a colleague" and their hours would single him out to an analyst.
    const field = await call(members.analyst, '/api/org/decisions?team=Field&limit=3');
    assert.equal(field.status, 200);
    const fieldLines: string[] = field.body.decisions.flatMap((d: { options: { arithmetic: string[] }[] }) =>
      d.options.flatMap((o) => o.arithmetic),
    );
    assert.ok(fieldLines.every((line) => !line.startsWith('a colleague:')));
    if (field.body.decisions.length > 0)
      assert.ok(fieldLines.some((line) => /1 colleague\(s\) not shown: a team under 5 people/.test(line)));
    const bad = await call(admin(), '/api/org/decisions', { body: { assumptions: { wishfulThinking: 1 } } });
    assert.equal(bad.status, 400);
    assert.match(bad.body.detail, /wishfulThinking: there is no such assumption/);
    const saved = await call(admin(), '/api/org/scenarios', {
      body: { name: 'short', assumptions: { needMonths: 3 } },
    });
    assert.equal(saved.status, 200);
    const fromScenario = await call(admin(), '/api/org/decisions?team=Ledger&scenario=short&limit=1');
    assert.equal(fromScenario.body.assumptions.find((a: { key: string }) => a.key === 'needMonths').value, 3);
  });

  test('mobility ranks everyone for a role, unnamed where the viewer may not see them; the bench matches gaps', async () => {
    const ranked = await call(admin(), '/api/org/mobility?target=prompt-engineer&limit=10');
    assert.equal(ranked.status, 200);
    assert.equal(ranked.body.total, 6);
    const closeness = ranked.body.people.map((p: { closeness: number }) => p.closeness);
    assert.deepEqual(
      closeness,
      [...closeness].sort((a, b) => b - a),
    );
    assert.ok(ranked.body.people[0].needs.length > 0 && ranked.body.people[0].weeks > 0);
    const asAnalyst = await call(members.analyst, '/api/org/mobility?target=prompt-engineer');
    assert.ok(
      asAnalyst.body.people.every(
        (p: { personKey: unknown; name: unknown }) => p.personKey === null && p.name === null,
      ),
    );
    // Ledger has five people, Field one: the one in Field is not even placed in a team, nor are his levels shown.
    const placed = asAnalyst.body.people.map((p: { team: string | null; needs: unknown[] }) => [
      p.team,
      p.needs.length > 0,
    ]);
    assert.deepEqual(
      placed.filter(([team]: [string | null]) => team !== 'Ledger'),
      [[null, false]],
    );
    const bench = await call(admin(), '/api/org/bench', {
      body: {
        name: 'bench.csv',
        text: 'Name,Skills,Rate,Hours per week,Available from\nFay,"SQL; Python",95,20,now\nGil,Juggling,80,10,now\n',
      },
    });
    assert.deepEqual(
      [bench.body.freelancers, bench.body.rejected.length, bench.body.unknownSkills],
      [1, 1, ['Juggling']],
    );
    const matches = await call(admin(), '/api/org/bench/matches?limit=50');
    const sql = matches.body.matches.find(
      (m: { skillId: string; freelancers: unknown[] }) => m.skillId === 'sql' && m.freelancers.length,
    );
    if (sql) assert.deepEqual(sql.freelancers[0].reasons, ['lists SQL', '$95/h', '20 h/week', 'available now']);
  });

  test('an XLSX upload (multipart) is read; its inflated size is checked before exceljs reads it', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Roster');
    sheet.addRow(['Person ID', 'Title', 'Team', 'Python']);
    sheet.addRow(['X1', 'Data Scientist', 'Data', 3]);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const form = new FormData();
    form.append('file', new File([bytes], 'roster.xlsx'));
    const uploaded = await call(admin(), '/api/org/roster', { form });
    assert.equal(uploaded.status, 200);
    assert.deepEqual([uploaded.body.format, uploaded.body.rows], ['xlsx', 1]);
    await assert.rejects(
      importRoster(
        app,
        { bytes, name: 'roster.xlsx' },
        { limits: { maxBytes: 1e6, maxInflatedBytes: 500, maxEntryBytes: 500, deadlineMs: 5000 } },
      ),
      (error: Error & { code?: string }) => error.code === 'DOCUMENT_INFLATES_TOO_LARGE',
    );
    const tooBig = await importRoster(
      app,
      { bytes, name: 'roster.xlsx' },
      { limits: { maxBytes: 10, maxInflatedBytes: 1e9, maxEntryBytes: 1e9, deadlineMs: 5000 } },
    ).catch((e: Error) => e);
    assert.match((tooBig as Error).message, /roster\.xlsx: .* is over the 0 MB limit/);
  });

  test('résumés in a folder are matched by person id or name; the roster’s levels win over a résumé’s', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'resumes-'));
    writeFileSync(join(dir, 'P5.txt'), 'Ana\nSkills\nPython, SQL, ChatGPT, prompt engineering\n');
    writeFileSync(join(dir, 'mia.txt'), 'Mia\nSkills\nSQL\n');
    writeFileSync(join(dir, 'stranger.txt'), 'Skills\nPython\n');
    const csv = roster();
    const report = await importRoster(
      app,
      { bytes: new TextEncoder().encode(csv), name: 'roster.csv' },
      { resumes: { dir } },
    );
    assert.equal(report.resumes.matched, 2);
    assert.deepEqual(report.resumes.unmatched, ['stranger.txt']);
    const ana = await call(admin(), '/api/org/people/P5');
    const source = (id: string) => ana.body.skills.find((s: { skillId: string }) => s.skillId === id);
    assert.deepEqual([source('python').source, source('python').level], ['roster', 2], 'the roster wins');
    assert.equal(source('chatgpt').source, 'resume');
    assert.equal(ana.body.person.resumeFile, 'P5.txt');
    const mia = await call(admin(), '/api/org/people/P1');
    assert.equal(mia.body.skills.find((s: { skillId: string }) => s.skillId === 'sql').source, 'roster');
  });

  test('résumés sent with the roster upload are matched the same way; an unreadable one is named, the rest imported', async () => {
    const form = new FormData();
    form.append('file', new File([roster()], 'roster.csv'));
    form.append('resumes', new File(['Bo\nSkills\nExcel, ChatGPT, prompt engineering\n'], 'P6 Bo\u0000.txt'));
    form.append('resumes', new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31])], 'rae.pdf'));
    form.append('resumes', new File(['Skills\nPython\n'], 'stranger.txt'));
    const uploaded = await call(admin(), '/api/org/roster', { form });
    assert.equal(uploaded.status, 200);
    assert.equal(uploaded.body.resumes.matched, 1);
    assert.deepEqual(uploaded.body.resumes.unmatched, ['stranger.txt']);
    assert.deepEqual(
      uploaded.body.resumes.failed.map((f: { file: string }) => f.file),
      ['rae.pdf'],
    );
    const bo = await call(admin(), '/api/org/people/P6');
    assert.equal(bo.body.person.resumeFile, 'P6 Bo.txt');
    assert.equal(bo.body.skills.find((s: { skillId: string }) => s.skillId === 'chatgpt').source, 'resume');

    const many = new FormData();
    many.append('file', new File([roster()], 'roster.csv'));
    for (let i = 0; i <= MAX_UPLOADED_RESUMES; i++) many.append('resumes', new File(['x'], `r${i}.txt`));
    const refused = await call(admin(), '/api/org/roster', { form: many });
    assert.equal(refused.status, 400);
    assert.match(refused.body.detail, new RegExp(`resumes: at most ${MAX_UPLOADED_RESUMES} files`));
  });

  test('the demo company: a few hundred fictional people in eight departments; it will not replace a real roster unasked', async () => {
    const refused = await call(admin(), '/api/org/demo', { body: {} });
    assert.equal(refused.status, 409);
    const demo = await call(admin(), '/api/org/demo', { body: { replace: true } });
    assert.equal(demo.status, 200);
    assert.equal(demo.body.people, DEMO_SIZE);
    assert.equal(
      demo.body.departments.reduce((sum: number, d: { people: number }) => sum + d.people, 0),
      DEMO_SIZE,
    );
    assert.deepEqual(
      demo.body.departments.map((d: { name: string }) => d.name),
      DEMO_DEPARTMENTS.map((d) => d.name),
    );
    const people = await call(admin(), '/api/org/people?limit=1000');
    assert.ok(
      people.body.people.every(
        (p: { name: string; fictional: boolean }) => p.fictional && p.name.endsWith('(fictional)'),
      ),
    );
    const byDepartment = await call(admin(), '/api/org/readiness?by=department');
    assert.equal(byDepartment.body.groups.length, 8);
  });
});
