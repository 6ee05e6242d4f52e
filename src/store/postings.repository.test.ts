import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DATABASES } from '../../test/support/databases.js';
import type { PostingRecord } from '../domain/market/posting-record.js';
import {
  countPostings,
  finishPostingImport,
  findPostingByExternalId,
  listPostingImportErrors,
  listTermCounts,
  saveImportBatch,
  savePostings,
  saveTermCounts,
  startPostingImport,
} from './postings.repository.js';

const posting = (overrides: Partial<PostingRecord> & { contentHash: string }): PostingRecord => ({
  dataset: 'fixture',
  externalId: null,
  postedMonth: '2024-04',
  postedOn: null,
  title: 'Data Scientist',
  company: null,
  location: null,
  remote: null,
  seniority: null,
  salary: null,
  occupationCode: null,
  occupationScore: null,
  skills: [],
  ...overrides,
});

for (const backend of DATABASES) {
  describe(`postings store on ${backend.name}`, { skip: backend.skip }, () => {
    test('a batch is stored with its facts and skills; the same text or the same source id is kept once', async () => {
      const db = await backend.open();
      try {
        const first = await savePostings(db, null, [
          posting({
            contentHash: 'h1',
            externalId: '101',
            postedOn: '2024-04-12',
            company: 'Acme',
            location: 'Berlin',
            remote: 'hybrid',
            seniority: 'senior',
            salary: { min: 70000, max: 90000, currency: 'EUR', period: 'year' },
            occupationCode: '15-2051.00',
            occupationScore: 0.92,
            skills: [
              { skillId: 'python', label: 'Python', kind: 'tool', escoUri: null },
              { skillId: 'llm-prompting', label: 'Prompt engineering', kind: 'ai-skill', escoUri: 'http://esco/1' },
              { skillId: 'python', label: 'Python', kind: 'tool', escoUri: null },
            ],
          }),
          posting({ contentHash: 'h2', externalId: '102', postedMonth: '2024-03' }),
          // The same text again inside the batch: kept once.
          posting({ contentHash: 'h2', externalId: '103' }),
        ]);
        assert.deepEqual(first, { kept: 2, duplicates: 1 });

        const second = await savePostings(db, null, [
          posting({ contentHash: 'h1', externalId: '999' }), // same text as 101
          posting({ contentHash: 'h3', externalId: '101' }), // same source id as 101
          posting({ contentHash: 'h4', externalId: null, dataset: 'other' }),
        ]);
        assert.deepEqual(second, { kept: 1, duplicates: 2 });
        assert.deepEqual(await countPostings(db), { total: 3, byDataset: { fixture: 2, other: 1 } });

        const stored = await findPostingByExternalId(db, 'fixture', '101');
        assert.equal(stored?.postedMonth, '2024-04');
        assert.equal(stored?.postedOn, '2024-04-12');
        assert.equal(stored?.remote, 'hybrid');
        assert.equal(stored?.seniority, 'senior');
        assert.deepEqual(stored?.salary, { min: 70000, max: 90000, currency: 'EUR', period: 'year' });
        assert.equal(stored?.occupationCode, '15-2051.00');
        assert.ok(Math.abs(stored!.occupationScore! - 0.92) < 1e-6);
        assert.deepEqual(
          stored?.skills.map((s) => `${s.skillId}:${s.kind}:${s.escoUri ?? '-'}`),
          ['llm-prompting:ai-skill:http://esco/1', 'python:tool:-'],
        );
        assert.equal((await findPostingByExternalId(db, 'fixture', '102'))?.postedMonth, '2024-03');
      } finally {
        await db.close();
      }
    });

    test('a large batch (bulk COPY on a server) keeps the same postings, skills and awkward characters', async () => {
      const db = await backend.open();
      try {
        const batch = Array.from({ length: 120 }, (_, i) =>
          posting({
            contentHash: `bulk-${i % 100}`, // the last 20 repeat the first 20
            externalId: `e${i}`,
            title: `Engineer\t${i} \\ "quoted"\nsecond line`,
            company: i % 2 ? null : 'Ünïcode & Co',
            salary: i === 3 ? { min: 1.5, max: 2.25, currency: 'EUR', period: 'hour' } : null,
            skills: [
              { skillId: `s${i % 7}`, label: `Skill ${i % 7}`, kind: 'tool', escoUri: i % 3 ? null : 'http://esco/x' },
              { skillId: 'python', label: 'Python', kind: 'tool', escoUri: null },
            ],
          }),
        );
        assert.deepEqual(await savePostings(db, null, batch), { kept: 100, duplicates: 20 });
        const three = await findPostingByExternalId(db, 'fixture', 'e3');
        assert.equal(three?.title, 'Engineer\t3 \\ "quoted"\nsecond line');
        assert.equal(three?.company, null);
        assert.deepEqual(three?.salary, { min: 1.5, max: 2.25, currency: 'EUR', period: 'hour' });
        assert.deepEqual(
          three?.skills.map((k) => k.skillId),
          ['python', 's3'],
        );
        assert.equal((await findPostingByExternalId(db, 'fixture', 'e0'))?.company, 'Ünïcode & Co');
        assert.equal(await findPostingByExternalId(db, 'fixture', 'e100'), undefined, 'a repeat of e0');
        const [{ n }] = (await db.query<{ n: number }>('select count(*)::int as n from posting_skills')) as [
          { n: number },
        ];
        assert.equal(n, 200);
      } finally {
        await db.close();
      }
    });

    test('an import run resumes where its last whole batch ended, with its bad rows and totals', async () => {
      const db = await backend.open();
      try {
        const file = { dataset: 'fixture', file: '/tmp/a.csv', fileFingerprint: 'fp-a', layout: 'generic' };
        const { run, resumed } = await startPostingImport(db, file);
        assert.equal(resumed, false);
        const totals = await saveImportBatch(
          db,
          run.id,
          [posting({ contentHash: 'x1' }), posting({ contentHash: 'x1' })],
          [{ line: 3, field: 'date', message: 'not a date: "soon"' }],
          (saved) => ({ rowsRead: 3, rowsKept: saved.kept, duplicates: saved.duplicates, badRows: 1, resumeLine: 4 }),
        );
        assert.deepEqual(totals, { rowsRead: 3, rowsKept: 1, duplicates: 1, badRows: 1, resumeLine: 4 });

        // The process dies here; the next start of the same file picks the run up again.
        const again = await startPostingImport(db, { ...file, file: '/tmp/renamed.csv' });
        assert.equal(again.resumed, true);
        assert.equal(again.run.id, run.id);
        assert.equal(again.run.resumeLine, 4);
        assert.equal(again.run.rowsKept, 1);
        const done = await finishPostingImport(db, run.id, 'done');
        assert.equal(done.status, 'done');
        assert.equal(done.file, '/tmp/renamed.csv');
        assert.ok(done.finishedAt);
        assert.deepEqual(await listPostingImportErrors(db, run.id), [
          { line: 3, field: 'date', message: 'not a date: "soon"' },
        ]);
        // A finished file imported again is a new run (whose rows are all duplicates).
        assert.equal((await startPostingImport(db, file)).resumed, false);
      } finally {
        await db.close();
      }
    });

    test('term series are stored per month and replaced when imported again', async () => {
      const db = await backend.open();
      try {
        const rows = [
          { series: 'hn', month: '2021-05', term: 'AI', rule: 'AI/alias[AI]', posts: 1000, mentions: 60 },
          { series: 'hn', month: '2024-05', term: 'AI', rule: 'AI/alias[AI]', posts: 500, mentions: 120 },
        ];
        assert.equal(await saveTermCounts(db, rows), 2);
        assert.equal(await saveTermCounts(db, [{ ...rows[1]!, mentions: 125 }]), 1);
        assert.deepEqual(await listTermCounts(db, 'hn', 'AI'), [
          { month: '2021-05', posts: 1000, mentions: 60, rule: 'AI/alias[AI]' },
          { month: '2024-05', posts: 500, mentions: 125, rule: 'AI/alias[AI]' },
        ]);
      } finally {
        await db.close();
      }
    });
  });
}
