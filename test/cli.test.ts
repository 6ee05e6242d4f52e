import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { SHARED_DATA } from './support/databases.js';
import { cliIn } from './support/run-cli.js';
import { makePdf } from './support/documents.js';
import { writeFileSync } from 'node:fs';

const home = mkdtempSync(join(tmpdir(), 'upskill-cli-'));
after(() => rmSync(home, { recursive: true, force: true }));

const upskill = cliIn(home);

describe('upskill CLI', () => {
  test('--help teaches the commands, the environment and the exit codes', () => {
    const help = upskill(['--help']);
    assert.equal(help.status, 0);
    for (const word of [
      'data',
      'occupations',
      'occupation',
      'serve',
      'about',
      'DATABASE_URL',
      'UPSKILL_HOME',
      'Exit codes',
    ])
      assert.ok(help.stdout.includes(word), word);
    const searchHelp = upskill(['occupations', 'search', '--help']);
    assert.equal(searchHelp.status, 0);
    assert.match(searchHelp.stdout, /--batch/);
  });

  test('usage errors exit 2', () => {
    assert.equal(upskill(['no-such-command']).status, 2);
    assert.equal(upskill(['occupations', 'search', 'nurse', '--limit', '0']).status, 2);
    assert.equal(upskill(['occupations', 'search']).status, 2);
  });

  test('conflicting flags are an error naming both, never one silently winning (exit 2)', () => {
    for (const [args, message] of [
      [['--md', '--ics'], "option '--md' cannot be used with option '--ics'"],
      [['--ics', '--md'], "option '--md' cannot be used with option '--ics'"],
      [['--json', '--md'], "option '--json' cannot be used with option '--md'"],
      [['--json', '--ics'], "option '--json' cannot be used with option '--ics'"],
      [['--profile', '3f2a9c1b7d4e'], "option '--profile <id>' cannot be used with option '--title <job>'"],
    ] as const) {
      const result = upskill(['plan', '--title', 'accountant', ...args]);
      assert.equal(result.status, 2, args.join(' '));
      assert.equal(result.stderr, `error: ${message}\n(run with --help for usage)\n`, args.join(' '));
      assert.equal(result.stdout, '');
    }
    for (const flag of ['--hours=8', '--target=ai-content-creator', '--skills=python=1', '--free']) {
      const result = upskill(['plan', '--profile', '3f2a9c1b7d4e', flag]);
      assert.equal(result.status, 2, flag);
      assert.match(
        result.stderr,
        new RegExp(`^error: option '--profile <id>' cannot be used with option '${flag.replace(/=.*/, '')}`),
      );
    }
  });

  test('a level is its number or its name; a bad one is exit 2 naming it', () => {
    for (const [value, message] of [
      [
        'python=7',
        `option '--skills <list>' argument 'python=7' is invalid. "7" is not a level (for python); ` +
          `give a number or a name: 0 none, 1 aware, 2 can use, 3 can build, 4 can lead.`,
      ],
      [
        'python=expert',
        `option '--skills <list>' argument 'python=expert' is invalid. "expert" is not a level (for ` +
          `python); give a number or a name: 0 none, 1 aware, 2 can use, 3 can build, 4 can lead.`,
      ],
      [
        'python',
        `option '--skills <list>' argument 'python' is invalid. "python" is not skill=level (e.g. prompt-engineering="can use",python=1).`,
      ],
      ['python=1,python=2', `option '--skills <list>' argument 'python=1,python=2' is invalid. python is given twice.`],
    ] as const) {
      const result = upskill(['plan', '--title', 'accountant', '--skills', value]);
      assert.equal(result.status, 2, value);
      assert.equal(result.stderr, `error: ${message}\n(run with --help for usage)\n`);
    }
    const setSkill = upskill(['profile', 'set-skill', '3f2a9c1b7d4e', 'python', 'guru']);
    assert.equal(setSkill.status, 2);
    assert.match(
      setSkill.stderr,
      new RegExp(
        "^error: command-argument value 'guru' is invalid for argument 'level'\\. \"guru\" is not a level; " +
          'give a number or a name: 0 none, 1 aware, 2 can use, 3 can build, 4 can lead\\.\\n',
      ),
    );
  });

  test('before any load, commands say so and exit 4', () => {
    const result = upskill(['occupations', 'search', 'nurse']);
    assert.equal(result.status, 4);
    assert.match(result.stderr, /No occupation data is loaded yet[\s\S]*upskill data load/);
    assert.match(upskill(['data', 'status']).stdout, /Nothing loaded yet/);
  });

  test('data load, then search, show, batch and status work end to end', () => {
    const load = upskill(['data', 'load', '--from', SHARED_DATA]);
    assert.equal(load.status, 0, load.stderr);
    assert.match(load.stdout, /Loaded 1,016 occupations and 19,265 tasks/);
    assert.match(load.stderr, /stored\s+19,265 rows in tasks/, 'progress is shown');

    const search = upskill(['occupations', 'search', 'sr mktg specialist', '--limit', '3']);
    assert.equal(search.status, 0);
    assert.match(search.stdout, /13-1161\.00 .*Market Research Analysts and Marketing Specialists/);

    const json = JSON.parse(upskill(['occupations', 'search', 'RN - ICU', '--json']).stdout) as {
      matches: { code: string }[];
    };
    assert.ok(json.matches.some((m) => m.code.startsWith('29-1141')));

    const batch = upskill(
      ['occupations', 'search', '--batch', '--limit', '2'],
      'accounts payable clerk\n\nfull stack dev\n' + 'x'.repeat(300) + '\n',
    );
    assert.equal(batch.status, 0);
    const lines = batch.stdout
      .trim()
      .split('\n')
      .map(
        (line) =>
          JSON.parse(line) as {
            query: string;
            matches: { code: string; title: string; score: number; matched: string }[];
            error?: { code: string };
          },
      );
    assert.equal(lines.length, 3);
    assert.deepEqual(lines[0], { query: 'accounts payable clerk', matches: lines[0]!.matches });
    assert.equal(lines[0]!.matches[0]!.code, '43-3021.00');
    assert.deepEqual(Object.keys(lines[0]!.matches[0]!), ['code', 'title', 'score', 'matched']);
    assert.equal(lines[2]!.error?.code, 'BAD_INPUT');

    const show = upskill(['occupation', '13-1161.00']);
    assert.equal(show.status, 0);
    assert.match(show.stdout, /Market Research Analysts and Marketing Specialists/);
    assert.match(show.stdout, /Tasks \(13\)/);
    assert.match(show.stdout, /human raters\s+α\s+23%/);
    const viewJson = JSON.parse(upskill(['occupation', '13-1161.00', '--json']).stdout) as {
      hoursSaved: { low: number; high: number };
      tasks: { guidance: { risk: string; staysHuman: string } | null }[];
    };
    assert.ok(
      show.stdout.includes(`AI could save ${viewJson.hoursSaved.low}–${viewJson.hoursSaved.high} h of a 40-hour week`),
    );
    assert.ok(viewJson.hoursSaved.low < viewJson.hoursSaved.high);
    // Every task shows its risk class; the guidance says what stays human.
    assert.ok(viewJson.tasks.every((task) => task.guidance !== null));
    assert.match(show.stdout, /Stays human:/);
    assert.match(show.stdout, /What people actually do with AI/);

    const byTitle = upskill(['occupation', 'bookkeeper', '--json']);
    assert.equal((JSON.parse(byTitle.stdout) as { code: string }).code, '43-3031.00');

    const status = JSON.parse(upskill(['data', 'status', '--json']).stdout) as {
      loaded: boolean;
      rows: Record<string, number>;
    };
    assert.equal(status.loaded, true);
    assert.equal(status.rows['tasks'], 19265);
  });

  test('not found exits 3, bad input exits 2, with a hint', () => {
    const unknown = upskill(['occupation', '99-9999.00']);
    assert.equal(unknown.status, 3);
    assert.match(unknown.stderr, /no occupation with the code 99-9999\.00[\s\S]*hint:/);
    const nothing = upskill(['occupations', 'search', 'qwxz zzkq']);
    assert.equal(nothing.status, 3);
    // A title of only unknown words says which words nothing knows.
    assert.match(
      nothing.stderr,
      /No occupation matches "qwxz zzkq": no job title or task Upskill knows uses "qwxz" and "zzkq", or a word like them\./,
    );
    assert.equal(upskill(['occupations', 'search', '   ']).status, 2);
  });

  test('skills: list, show, graph and extract from a PDF, stdin and ESCO synonyms', async () => {
    const list = upskill(['skills', 'list']);
    assert.equal(list.status, 0);
    assert.match(list.stdout, /Prompt engineering\n\s+prompt-engineering/);
    assert.match(upskill(['skills', 'show', 'chatgpt']).stdout, /can use\s+6 h/);
    assert.match(
      upskill(['skills', 'graph', 'retrieval-augmented-generation']).stdout,
      /└─ Embeddings embeddings\n\s+└─ Python python/,
    );
    assert.equal(upskill(['skills', 'show', 'no-such-skill']).status, 3);

    const pdf = join(home, 'resume.pdf');
    writeFileSync(pdf, await makePdf(['Jane Doe', 'Skills: Python, Stable Diffusion, prompt engineering']));
    const fromPdf = upskill(['skills', 'extract', pdf]);
    assert.equal(fromPdf.status, 0, fromPdf.stderr);
    assert.match(fromPdf.stdout, /Stable Diffusion/);
    assert.match(fromPdf.stdout, /3 mentions of 3 skills \(3 claimed, 0 only negated\)/);

    const json = JSON.parse(upskill(['skills', 'extract', '-', '--json'], 'I have never used PyTorch.').stdout) as {
      skills: { skillId: string; negated: boolean }[];
    };
    assert.deepEqual(
      json.skills.map((s) => [s.skillId, s.negated]),
      [['pytorch', true]],
    );

    assert.equal(upskill(['skills', 'extract', join(home, 'missing.pdf')]).status, 3);
    const locked = upskill([
      'skills',
      'extract',
      new URL('./fixtures/password-protected.pdf', import.meta.url).pathname,
    ]);
    assert.equal(locked.status, 2);
    assert.match(locked.stderr, /password-protected/);

    const esco = upskill(['data', 'load', '--esco', new URL('./fixtures/esco-export', import.meta.url).pathname]);
    assert.equal(esco.status, 0, esco.stderr);
    assert.match(esco.stdout, /Loaded 3 ESCO skills with 5 synonyms/);
    const withEsco = JSON.parse(
      upskill(['skills', 'extract', '-', '--json'], 'Certified in forklift operation.').stdout,
    ) as { skills: { label: string; source: string }[] };
    assert.deepEqual(
      withEsco.skills.map((s) => [s.label, s.source]),
      [['operate forklift', 'esco']],
    );
    const about = JSON.parse(upskill(['about', '--json']).stdout) as { attribution: { source: string }[] };
    assert.ok(
      about.attribution.some((a) => a.source === 'ESCO'),
      'ESCO is attributed once it is loaded',
    );
  });

  test('plan, profile and progress: exports, re-plans and clear errors', () => {
    const resume = join(home, 'resume.md');
    writeFileSync(resume, '## Skills\nChatGPT, Excel, copywriting\n');
    const md = upskill([
      'plan',
      '--title',
      '13-1161.00',
      '--resume',
      resume,
      '--target',
      'ai-content-creator',
      '--hours',
      '6',
      '--md',
    ]);
    assert.equal(md.status, 0, md.stderr);
    assert.match(md.stdout, /^# AI content creator — learning plan\n/);
    assert.match(md.stdout, /## Week 1 \(\d{4}-\d{2}-\d{2} – \d{4}-\d{2}-\d{2}\) · 6 h/);
    // Levels by name, as on the web page, never "level 2".
    const steps = md.stdout.split('\n').filter((line) => line.startsWith('- [ ] '));
    assert.ok(steps.length > 0);
    for (const line of steps) assert.match(line, /^- \[ \] \*\*.+ → (aware|can use|can build|can lead)\*\* \(/);
    assert.doesNotMatch(md.stdout, /level \d/);

    // --skills takes each level as its name or its number; they win over the résumé's.
    const given = upskill([
      'plan',
      '--title',
      'accountant',
      '--resume',
      resume,
      '--skills',
      'prompt-engineering=can use,python=1',
      '--json',
    ]);
    assert.equal(given.status, 0, given.stderr);
    const current = (JSON.parse(given.stdout) as { current: { skillId: string; level: number; source: string }[] })
      .current;
    assert.deepEqual(
      current
        .filter((c) => c.skillId === 'prompt-engineering' || c.skillId === 'python')
        .sort((x, y) => x.skillId.localeCompare(y.skillId)),
      [
        { skillId: 'prompt-engineering', name: 'Prompt engineering', level: 2, source: 'confirmed' },
        { skillId: 'python', name: 'Python', level: 1, source: 'confirmed' },
      ],
    );
    const text = upskill(['plan', '--title', 'accountant', '--skills', 'python=can-use']);
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stdout, / → (aware|can use|can build|can lead) {2}[\d.]+ h /);
    assert.doesNotMatch(text.stdout, / → \d /);
    const unknown = upskill(['plan', '--title', 'accountant', '--skills', 'astrology=aware']);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /^error: Unknown skill "astrology"\.\n/);
    const ics = upskill(['plan', '--title', 'accountant', '--hours', '4', '--ics']);
    assert.equal(ics.status, 0);
    assert.match(ics.stdout, /^BEGIN:VCALENDAR\r\n/);
    assert.match(upskill(['roles']).stdout, /ai-content-creator\s+AI content creator/);

    assert.equal(upskill(['plan', '--title', 'accountant', '--hours', '0']).status, 2);
    assert.equal(upskill(['plan', '--title', 'accountant', '--hours', '200']).status, 2);
    assert.match(upskill(['plan', '--title', 'accountant', '--start', '2020-01-01']).stderr, /in the past/);
    assert.equal(upskill(['plan', '--title', 'accountant', '--target', 'astronaut']).status, 3);

    const created = JSON.parse(
      upskill([
        'profile',
        'create',
        '--name',
        'Jane',
        '--title',
        'accountant',
        '--resume',
        resume,
        '--hours',
        '4',
        '--json',
      ]).stdout,
    ) as { id: string };
    assert.match(created.id, /^[0-9a-f]{12}$/);
    assert.match(upskill(['profile', 'list']).stdout, new RegExp(`${created.id}\\s+Jane`));
    const plan = JSON.parse(upskill(['plan', '--profile', created.id, '--json']).stdout) as {
      plan: { steps: { id: string }[] };
    };
    const first = plan.plan.steps[0]!.id;
    const done = upskill(['progress', created.id, first, 'done']);
    assert.equal(done.status, 0, done.stderr);
    assert.match(done.stdout, new RegExp(`${first.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: done`));
    assert.equal(upskill(['progress', created.id, 'nope@1', 'done']).status, 3);
    assert.equal(upskill(['progress', created.id, first, 'finished']).status, 2);
    const setNumber = upskill(['profile', 'set-skill', created.id, 'ai-literacy', '3']);
    assert.deepEqual([setNumber.status, setNumber.stdout], [0, '✓ ai-literacy set to can build.\n']);
    const setName = upskill(['profile', 'set-skill', created.id, 'python', 'can use']);
    assert.deepEqual([setName.status, setName.stdout], [0, '✓ python set to can use.\n']);
    const setNone = upskill(['profile', 'set-skill', created.id, 'python', 'none']);
    assert.deepEqual([setNone.status, setNone.stdout], [0, '✓ python removed from the profile (none).\n']);
    const withSkills = JSON.parse(
      upskill([
        'profile',
        'create',
        '--name',
        'Sam',
        '--title',
        'accountant',
        '--skills',
        'prompt-engineering="can build",python=2',
        '--json',
      ]).stdout,
    ) as { id: string; skills: { skillId: string; level: number }[] };
    assert.deepEqual(
      withSkills.skills
        .filter((s) => s.skillId === 'prompt-engineering' || s.skillId === 'python')
        .sort((x, y) => x.skillId.localeCompare(y.skillId)),
      [
        { skillId: 'prompt-engineering', level: 3 },
        { skillId: 'python', level: 2 },
      ],
    );
    assert.equal(upskill(['profile', 'delete', withSkills.id]).status, 0);
    const updated = upskill(['profile', 'update', created.id, '--hours', '8', '--name', 'Jane, faster']);
    assert.equal(updated.status, 0, updated.stderr);
    assert.match(updated.stdout, /Jane, faster: ai-augmented, 8 h a week\. The plan now ends \d{4}-\d{2}-\d{2}\./);
    assert.equal(upskill(['profile', 'update', created.id, '--hours', '41']).status, 2);
    assert.equal(upskill(['profile', 'delete', created.id]).status, 0);
    assert.equal(upskill(['profile', 'show', created.id]).status, 3);
  });

  test('plan: a typed title is planned for only when its best occupation is clear (else exit 3 with candidates)', () => {
    const planned = (args: string[]): { code: string; title: string } => {
      const result = upskill(['plan', ...args, '--json']);
      assert.equal(result.status, 0, result.stderr);
      return (JSON.parse(result.stdout) as { occupation: { code: string; title: string } }).occupation;
    };
    // "driver" could be many occupations: nothing is planned, the candidates are listed.
    const unclear = upskill(['plan', '--title', 'driver', '--json']);
    assert.equal(unclear.status, 3);
    assert.equal(unclear.stdout, '');
    const candidates = (
      JSON.parse(upskill(['occupations', 'search', 'driver', '--json']).stdout) as { matches: { code: string }[] }
    ).matches;
    assert.equal(candidates.length, 5);
    assert.match(unclear.stderr, /^error: "driver" could be more than one occupation:\n/);
    for (const { code } of candidates)
      assert.match(unclear.stderr, new RegExp(`\\n  ${code.replace('.', '\\.')}  0\\.\\d\\d  `));
    assert.match(
      unclear.stderr,
      /hint: Choose one with --occupation CODE \(e\.g\. --occupation \d{2}-\d{4}\.\d{2}\), or take the first with --yes\./,
    );

    // --yes takes the first candidate; --occupation takes the one named, with or without a title.
    assert.equal(planned(['--title', 'driver', '--yes']).code, candidates[0]!.code);
    assert.equal(planned(['--title', 'driver', '--occupation', '53-3033.00']).code, '53-3033.00');
    assert.deepEqual(planned(['--occupation', '13-2011']), { code: '13-2011.00', title: 'Accountants and Auditors' });
    const badCode = upskill(['plan', '--occupation', 'truck driver']);
    assert.equal(badCode.status, 2);
    assert.match(badCode.stderr, /"truck driver" is not an O\*NET-SOC code like 13-1161\.00\./);

    // A clear title goes straight on: "uber driver" is a taxi driver, never the heavy-truck drivers.
    assert.equal(planned(['--title', 'uber driver']).code, '53-3054.00');
    assert.equal(planned(['--title', 'accountant']).code, '13-2011.00');
    // Titles O*NET lists under two occupations alike are not clear either.
    assert.equal(upskill(['plan', '--title', 'marketing specialist']).status, 3);
    // A saved profile is confirmed the same way.
    assert.equal(upskill(['profile', 'create', '--name', 'Kim', '--title', 'driver']).status, 3);
    const kim = upskill([
      'profile',
      'create',
      '--name',
      'Kim',
      '--title',
      'driver',
      '--occupation',
      '53-3033.00',
      '--json',
    ]);
    assert.equal(kim.status, 0, kim.stderr);
    assert.equal((JSON.parse(kim.stdout) as { occupationCode: string }).occupationCode, '53-3033.00');
  });

  test('plan --assess asks for each skill (answers on stdin here) and plans from the confirmed levels', () => {
    const result = upskill(
      ['plan', '--title', 'registered nurse', '--target', 'ai-assisted-data-analyst', '--assess', '--json'],
      'can build\n\n1\n',
    );
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /Check your starting levels for AI-assisted data analyst/);
    assert.match(result.stderr, /your level \[\d [a-z ]+\]: can build/);
    const plan = JSON.parse(result.stdout) as {
      current: { skillId: string; name: string; level: number; source: string }[];
    };
    const confirmed = plan.current.filter((c) => c.source === 'confirmed');
    assert.ok(confirmed.length >= 3 && confirmed.length <= 12);
    // The first skill asked is the one answered "can build".
    const firstAsked = /\n\n(.+) — your goal needs/.exec(result.stderr)![1];
    assert.equal(confirmed.find((c) => c.name === firstAsked)?.level, 3);
    const wrong = upskill(['plan', '--title', 'nurse', '--assess'], 'expert\n');
    assert.equal(wrong.status, 2);
    assert.match(wrong.stderr, /"expert" is not a level for /);
    const both = upskill(['plan', '--title', 'nurse', '--assess', '--skills', 'python=1']);
    assert.equal(both.status, 2);
    assert.match(both.stderr, /option '--assess' cannot be used with option '--skills/);
  });
});
