import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DATABASES } from '../../test/support/databases.js';
import { planRows, postingsOf, TECH_ROWS } from '../../test/fixtures/market-postings.js';
import { savePostings, saveTermCounts } from './postings.repository.js';
import {
  coOccurringCounts,
  postingOccupations,
  postingRange,
  postingTotals,
  SKILL_KINDS,
  skillCountsByPeriod,
  skillWindowCounts,
  termSeriesByPeriod,
  titleMatchesByPeriod,
  TOOL_KINDS,
  topOccupationsByPeriod,
  topSkillsByPeriod,
  topTitlesByPeriod,
} from './market.repository.js';

// Expected values are counted by hand from TECH_ROWS (test/fixtures/market-postings.ts):
// months Jan 5, Feb 3, Apr 2, May 6, Jun 2 → Q1 8, Q2 10; python 8 in Q1 and 5 in Q2, LLMs 4 and 6, RAG 0 and 5.
const pick = <T extends object>(rows: T[], ...keys: (keyof T)[]) => rows.map((row) => keys.map((k) => row[k]));

for (const backend of DATABASES) {
  describe(`market analytics SQL on ${backend.name}`, { skip: backend.skip }, () => {
    test('totals, top skills, tools, titles and occupations per period; filters', async () => {
      const db = await backend.open();
      try {
        assert.deepEqual(await savePostings(db, null, postingsOf(TECH_ROWS)), { kept: 18, duplicates: 0 });
        assert.deepEqual(await postingTotals(db, {}, 'quarter'), [
          { period: '2024-Q1', postings: 8 },
          { period: '2024-Q2', postings: 10 },
        ]);
        assert.deepEqual(await postingTotals(db, {}, 'half'), [{ period: '2024-H1', postings: 18 }]);
        assert.deepEqual(await postingRange(db, { remote: 'remote' }), {
          first: '2024-01',
          last: '2024-05',
          postings: 10,
        });
        assert.deepEqual(await postingTotals(db, { location: 'LONDON' }, 'month'), [
          { period: '2024-01', postings: 4 },
          { period: '2024-02', postings: 3 },
        ]);
        assert.deepEqual(
          pick(await topSkillsByPeriod(db, {}, 'quarter', { kinds: SKILL_KINDS, limit: 3 }), 'period', 'key', 'count'),
          [
            ['2024-Q1', 'python', 8],
            ['2024-Q1', 'large-language-models', 4],
            ['2024-Q1', 'sql', 4],
            ['2024-Q2', 'large-language-models', 6],
            ['2024-Q2', 'python', 5],
            ['2024-Q2', 'retrieval-augmented-generation', 5],
          ],
        );
        assert.deepEqual(
          pick(await topSkillsByPeriod(db, {}, 'half', { kinds: TOOL_KINDS, limit: 5 }), 'key', 'label', 'count'),
          [
            ['onet:chatgpt', 'ChatGPT', 3],
            ['onet:pytorch', 'PyTorch', 3],
          ],
        );
        assert.deepEqual(
          pick(
            await topSkillsByPeriod(db, { occupations: ['11-2021.00'] }, 'half', { kinds: SKILL_KINDS, limit: 5 }),
            'key',
            'count',
          ),
          [
            ['lexicon:seo', 2],
            ['large-language-models', 1],
          ],
        );
        assert.deepEqual(
          pick(await topTitlesByPeriod(db, { from: '2024-04' }, 'quarter', 3), 'label', 'count', 'rank'),
          [
            ['LLM Engineer', 5, 1],
            ['Marketing Manager', 2, 2],
            ['Nurse', 2, 3],
          ],
        );
        assert.deepEqual(pick(await topOccupationsByPeriod(db, {}, 'quarter', 5), 'period', 'key', 'count'), [
          ['2024-Q1', '15-2051.00', 8],
          ['2024-Q2', '15-1252.00', 5],
          ['2024-Q2', '11-2021.00', 3],
        ]);
      } finally {
        await db.close();
      }
    });

    test('a skill by month, two windows, co-occurrence, title matches and term series', async () => {
      const db = await backend.open();
      try {
        await savePostings(db, null, postingsOf(TECH_ROWS));
        assert.deepEqual(await skillCountsByPeriod(db, {}, 'month', 'large-language-models'), [
          { period: '2024-01', count: 1 },
          { period: '2024-02', count: 3 },
          { period: '2024-05', count: 6 },
        ]);
        const windows = await skillWindowCounts(
          db,
          {},
          { from: '2024-01', to: '2024-03' },
          { from: '2024-04', to: '2024-06' },
        );
        assert.deepEqual(pick(windows, 'skillId', 'earlier', 'later'), [
          ['large-language-models', 4, 6],
          ['lexicon:seo', 0, 2],
          ['onet:chatgpt', 0, 3],
          ['onet:pytorch', 3, 0],
          ['python', 8, 5],
          ['retrieval-augmented-generation', 0, 5],
          ['sql', 4, 0],
        ]);
        // LLMs are in 10 postings: with python in 9, RAG 5, PyTorch 3, ChatGPT 1; python is in 13 in all.
        assert.deepEqual(
          pick(await coOccurringCounts(db, {}, 'large-language-models', 10), 'skillId', 'together', 'count'),
          [
            ['python', 9, 13],
            ['retrieval-augmented-generation', 5, 5],
            ['onet:pytorch', 3, 3],
            ['onet:chatgpt', 1, 3],
          ],
        );
        assert.deepEqual(await titleMatchesByPeriod(db, {}, 'quarter', '\\m(AI|ML|LLM)\\M'), [
          { period: '2024-Q1', matching: 3, postings: 8 },
          { period: '2024-Q2', matching: 6, postings: 10 },
        ]);
        await saveTermCounts(db, [
          { series: 'hn', month: '2024-01', term: 'AI', rule: null, posts: 100, mentions: 10 },
          { series: 'hn', month: '2024-02', term: 'AI', rule: null, posts: 50, mentions: 20 },
          { series: 'hn', month: '2024-04', term: 'AI', rule: null, posts: 80, mentions: 40 },
        ]);
        assert.deepEqual(await termSeriesByPeriod(db, 'hn', 'ai', 'quarter'), [
          { period: '2024-Q1', mentions: 30, posts: 150 },
          { period: '2024-Q2', mentions: 40, posts: 80 },
        ]);
      } finally {
        await db.close();
      }
    });

    test("a plan's windows: one occupation's postings, the skills asked for, the latest 12 months and the 12 before", async () => {
      const db = await backend.open();
      try {
        await savePostings(db, null, postingsOf(planRows()));
        const marketing = { occupations: ['11-2021.00'] };
        assert.deepEqual(await postingRange(db, marketing), { first: '2023-01', last: '2024-12', postings: 150 });
        assert.deepEqual(
          await skillWindowCounts(
            db,
            marketing,
            { from: '2023-01', to: '2023-12' },
            { from: '2024-01', to: '2024-12' },
            { skillIds: ['ai-text-generation', 'data-visualization', 'python'] },
          ),
          [
            { skillId: 'ai-text-generation', label: 'AI text generation', kind: 'ai-skill', earlier: 5, later: 18 },
            { skillId: 'data-visualization', label: 'Data visualization', kind: 'skill', earlier: 15, later: 30 },
          ],
        );
        assert.deepEqual(await postingOccupations(db), [
          { code: '11-2021.00', postings: 150 },
          { code: '29-1141.00', postings: 12 },
        ]);
      } finally {
        await db.close();
      }
    });
  });
}
