import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { readConfig } from '../app/config.js';
import { loadReferenceData } from '../app/load-reference-data.js';
import { DATABASES, ONET_27, SHARED_DATA } from '../../test/support/databases.js';
import { findProjection } from './career.repository.js';
import {
  findApplicability,
  listActivityDescriptions,
  listActivityUse,
  listActivityWeights,
  listObservedTaskUse,
  listTaskActivities,
} from './observed-use.repository.js';

const rows = (file: string, separator: string): string[][] =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(separator));
const NURSE = '29-1141.00';

for (const backend of DATABASES) {
  describe(`observed use and outlook queries on ${backend.name}`, { skip: backend.skip }, () => {
    test('a registered nurse: tasks’ activities, observed use, applicability, weights and outlook, as in the files', async () => {
      const db = await backend.open();
      try {
        await loadReferenceData(db, { ...readConfig({}), home: '/nonexistent' }, { from: SHARED_DATA, onlyIn: [] });
        const iwaOfDwa = new Map(rows(`${ONET_27}/DWA Reference.txt`, '\t').map((r) => [r[2]!, r[1]!]));
        const expected = new Set(
          rows(`${ONET_27}/Tasks to DWAs.txt`, '\t')
            .filter((r) => r[0] === NURSE)
            .map((r) => `${Number(r[1])} ${iwaOfDwa.get(r[2]!)}`),
        );
        const links = await listTaskActivities(db, NURSE);
        assert.deepEqual(new Set(links.map((link) => `${link.taskId} ${link.iwa}`)), expected);

        const tasks = rows(`${ONET_27}/Task Statements.txt`, '\t').filter((r) => r[0] === NURSE);
        const observed = await listObservedTaskUse(db, NURSE);
        assert.equal(observed.length, tasks.length);
        assert.ok(observed.some((use) => use.level === 'frequent' || use.level === 'occasional'));

        const activities = await listActivityDescriptions(db);
        assert.equal(activities.length, 332);
        assert.equal(
          activities.reduce((sum, activity) => sum + activity.dwaTitles.length, 0),
          rows(`${ONET_27}/DWA Reference.txt`, '\t').length,
        );
        const metrics = rows(`${SHARED_DATA}microsoft-working-with-ai/iwa_metrics.csv`, ',');
        const [firstIwa] = metrics[0]!;
        const [use] = await listActivityUse(db, [firstIwa!]);
        assert.equal(use?.shareUser, Number(metrics[0]![2]));

        const score = rows(`${SHARED_DATA}microsoft-working-with-ai/soc_ai_applicability_scores.csv`, ',').find(
          (r) => r[0] === '29-1141',
        )!;
        const applicability = await findApplicability(db, '29-1141');
        assert.equal(applicability?.score, Number(score.at(-1)));
        assert.ok(applicability!.percentile >= 0 && applicability!.percentile <= 100);
        assert.ok((await listActivityWeights(db, '29-1141')).length > 5);

        const projection = rows(`${SHARED_DATA}gpts-are-gpts/occupations_projections_processed.csv`, ',').find(
          (r) => r[0] === 'Registered nurses',
        )!;
        assert.deepEqual(await findProjection(db, '29-1141'), {
          soc: '29-1141',
          title: 'Registered Nurses',
          pctChange: Number(projection[1]),
        });
      } finally {
        await db.close();
      }
    });
  });
}
