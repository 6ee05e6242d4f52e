import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { readConfig } from '../app/config.js';
import { loadReferenceData } from '../app/load-reference-data.js';
import { UpskillError } from '../domain/errors.js';
import { DATABASES } from '../../test/support/databases.js';
import { writeMiniObservedUse, writeMiniRelease } from '../../test/support/mini-release.js';
import { countReferenceRows, readLoadedSources, replaceReferenceData } from './reference-data.repository.js';
import { findOccupationExposure, listTasks } from './occupation.repository.js';

const work = mkdtempSync(join(tmpdir(), 'upskill-store-'));
after(() => rmSync(work, { recursive: true, force: true }));
const config = { ...readConfig({}), home: join(work, 'home') };

for (const backend of DATABASES) {
  describe(`reference data store on ${backend.name}`, { skip: backend.skip }, () => {
    test('loads a release, records provenance, and reloading is idempotent', async () => {
      const db = await backend.open();
      try {
        const root = join(work, `idempotent-${backend.name}`);
        writeMiniRelease(root);
        const first = await loadReferenceData(db, config, { from: root, onlyIn: [] });
        assert.equal(first.occupations, 2);
        const counts = await countReferenceRows(db);
        assert.equal(counts['tasks'], 3);
        assert.equal(counts['alternate_titles'], 2);
        await loadReferenceData(db, config, { from: root, onlyIn: [] });
        assert.deepEqual(await countReferenceRows(db), counts);
        const sources = await readLoadedSources(db);
        assert.deepEqual(
          sources.map((s) => s.source),
          ['gpts-are-gpts', 'onet'],
        );
        const tasksFile = sources.find((s) => s.source === 'onet')!.files.find((f) => f.name === 'Task Statements.txt');
        assert.equal(tasksFile?.rows, 3);
        assert.match(tasksFile?.sha256 ?? '', /^[0-9a-f]{64}$/);
        const exposure = await findOccupationExposure(db, '13-1161.00');
        assert.deepEqual(exposure?.human, { alpha: 2 / 3, beta: 2 / 3, gamma: 2 / 3 });
      } finally {
        await db.close();
      }
    });

    test('observed use is loaded beside the release: per task, per activity, per occupation, with provenance', async () => {
      const db = await backend.open();
      try {
        const root = join(work, `observed-${backend.name}`);
        writeMiniRelease(root);
        writeMiniObservedUse(root);
        await loadReferenceData(db, config, { from: root, onlyIn: [] });
        assert.deepEqual(await db.query('select task_id, level, pct, via from observed_task_use order by task_id'), [
          { task_id: 1, level: 'frequent', pct: 0.5, via: 'statement' },
          { task_id: 2, level: 'occasional', pct: 0.01, via: 'task-id' },
          { task_id: 3, level: 'unknown', pct: null, via: null },
        ]);
        assert.deepEqual(await db.query('select iwa_id, share_user, completion_ai from activity_observed_use'), [
          { iwa_id: '4.A.3.b.6.I05', share_user: 0.02, completion_ai: null },
        ]);
        assert.deepEqual(await db.query('select soc, score, percentile from occupation_applicability order by soc'), [
          { soc: '13-1161', score: 0.3, percentile: 50 },
          { soc: '43-3031', score: 0.1, percentile: 0 },
        ]);
        assert.deepEqual(await db.query('select soc, weight from occupation_activity_weights'), [
          { soc: '13-1161', weight: 12.5 },
        ]);
        const sources = (await readLoadedSources(db)).map((s) => s.source);
        assert.ok(sources.includes('anthropic-economic-index') && sources.includes('microsoft-working-with-ai'));
      } finally {
        await db.close();
      }
    });

    test('a malformed observed-use row refuses the whole load and keeps the data already stored', async () => {
      const db = await backend.open();
      try {
        const root = join(work, `observed-bad-${backend.name}`);
        writeMiniRelease(root);
        await loadReferenceData(db, config, { from: root, onlyIn: [] });
        const before = await countReferenceRows(db);
        const { anthropicDir } = writeMiniObservedUse(root);
        writeFileSync(join(anthropicDir, 'onet_task_mappings.csv'), 'task_name,pct\nprepare reports.,-3\n');
        await assert.rejects(
          loadReferenceData(db, config, { from: root, onlyIn: [] }),
          /onet_task_mappings\.csv, line 2, field "pct": must be between 0 and 100/,
        );
        assert.deepEqual(await countReferenceRows(db), before);
      } finally {
        await db.close();
      }
    });

    test('a load that fails half-way leaves the previous data intact', async () => {
      const db = await backend.open();
      try {
        const root = join(work, `atomic-${backend.name}`);
        writeMiniRelease(root);
        await loadReferenceData(db, config, { from: root, onlyIn: [] });
        const before = await countReferenceRows(db);
        // Fails inside the transaction, after the old rows were truncated: a duplicate primary key.
        await assert.rejects(
          replaceReferenceData(
            db,
            [
              {
                table: 'occupations',
                columns: [
                  ['code', 'text'],
                  ['title', 'text'],
                  ['description', 'text'],
                ],
                rows: [['11-1011.00', 'Chief Executives', 'Lead.']],
              },
              {
                table: 'tasks',
                columns: [
                  ['task_id', 'int'],
                  ['code', 'text'],
                  ['statement', 'text'],
                ],
                rows: [
                  [1, '11-1011.00', 'a'],
                  [1, '11-1011.00', 'b'],
                ],
              },
            ],
            [],
          ),
        );
        assert.deepEqual(await countReferenceRows(db), before);
        // A bad file is caught before anything is written, too.
        const file = join(root, 'my-onet', 'Task Statements.txt');
        writeFileSync(file, readFileSync(file, 'utf8').replace('\tCore\t10', '\tMain\t10'));
        await assert.rejects(
          loadReferenceData(db, config, { from: root, onlyIn: [] }),
          (error: unknown) =>
            error instanceof UpskillError && /Task Statements\.txt, line 2, field "Task Type"/.test(error.message),
        );
        assert.deepEqual(await countReferenceRows(db), before);
      } finally {
        await db.close();
      }
    });

    test('a full release: reported titles are indexed, Task Ratings importance weighs the exposure', async () => {
      const db = await backend.open();
      try {
        const root = join(work, `full-${backend.name}`);
        writeMiniRelease(root, { fullRelease: true });
        await loadReferenceData(db, config, { from: root, onlyIn: [] });
        assert.equal((await countReferenceRows(db))['reported_titles'], 1);
        const tasks = await listTasks(db, '13-1161.00');
        assert.deepEqual(
          tasks.map((t) => [t.taskId, t.importance]),
          [
            [1, 4.5],
            [2, 1.5],
          ],
        );
        // Importance 4.5 on an E1 task and 1.5 on an E0 task: α = 4.5 / 6.
        const exposure = await findOccupationExposure(db, '13-1161.00');
        assert.equal(exposure?.human?.alpha, 0.75);
      } finally {
        await db.close();
      }
    });

    test('a newer O*NET release loads, its unlabelled tasks shown as such', async () => {
      const db = await backend.open();
      try {
        const root = join(work, `newer-${backend.name}`);
        writeMiniRelease(root, { onetVersion: '29.1', extraTask: true });
        const summary = await loadReferenceData(db, config, { from: root, onlyIn: [] });
        assert.equal(summary.tasks, 4);
        assert.equal(summary.labelledTasks, 3);
        const tasks = await listTasks(db, '43-3031.00');
        const unlabelled = tasks.find((t) => t.taskId === 99);
        assert.equal(unlabelled?.human, null);
        assert.equal(unlabelled?.gpt4, null);
        const exposure = await findOccupationExposure(db, '43-3031.00');
        assert.equal(exposure?.unlabelledTasks, 1);
        assert.equal((await readLoadedSources(db)).find((s) => s.source === 'onet')?.version, '29.1');
      } finally {
        await db.close();
      }
    });
  });
}
