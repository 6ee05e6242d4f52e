import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { SHARED_DATA } from '../../../test/support/databases.js';
import type { UpskillApp } from '../../app/upskill-app.js';
import { openLoadedApp } from '../../../test/support/loaded-app.js';
import { createApi } from '../create-api.js';
import { POSTING_UPLOAD_LIMITS } from './postings.js';

let app: UpskillApp;
let api: ReturnType<typeof createApi>;
const postJson = (body: unknown) =>
  Promise.resolve(
    api.request('/api/postings/imports', {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    }),
  );
const postFile = (name: string, bytes: Uint8Array) => {
  const form = new FormData();
  form.append('file', new File([bytes], name));
  return Promise.resolve(api.request('/api/postings/imports', { method: 'POST', body: form }));
};

before(async () => {
  app = await openLoadedApp();
  api = createApi(app);
});
after(() => app.close());

interface Result {
  import: { id: number; file: string; rowsRead: number; rowsKept: number; badRows: number; status: string };
  errors: { line: number; field: string | null; message: string }[];
  note: string;
}

describe('POST /api/postings/imports', () => {
  test('a CSV as JSON text: good rows kept, the bad one reported with line and field, the sample said', async () => {
    const content = 'id,date,title,description\n1,2024-04-02,Data Analyst,SQL and Excel\n2,later,Nurse,ICU care\n';
    const response = await postJson({ name: 'postings.csv', content });
    assert.equal(response.status, 200);
    const body = (await response.json()) as Result;
    assert.deepEqual(
      [body.import.file, body.import.status, body.import.rowsRead, body.import.rowsKept, body.import.badRows],
      ['postings.csv', 'done', 2, 1, 1],
    );
    assert.deepEqual(
      body.errors.map((e) => [e.line, e.field]),
      [[3, 'date']],
    );
    assert.match(body.note, /sample of part of the market/);

    const errors = await api.request(`/api/postings/imports/${body.import.id}/errors`);
    assert.deepEqual(
      ((await errors.json()) as { line: number }[]).map((e) => e.line),
      [3],
    );
    const runs = (await (await api.request('/api/postings/imports')).json()) as { id: number; file: string }[];
    assert.equal(runs[0]!.id, body.import.id);
    assert.equal(runs[0]!.file, 'postings.csv', 'the server’s temporary path is not shown');
  });

  test('a gzip-compressed JSON Lines upload as multipart', async () => {
    const lines = [
      {
        id: 'a',
        date: '2024-03',
        title: 'Prompt Engineer',
        description: 'Write prompts for ChatGPT and evaluate LLM output.',
      },
      { id: 'b', date: '2024-03', title: 'Chef', description: 'Cook.' },
    ];
    const response = await postFile('feed.jsonl.gz', gzipSync(lines.map((l) => JSON.stringify(l)).join('\n')));
    assert.equal(response.status, 200);
    const body = (await response.json()) as Result;
    assert.deepEqual([body.import.rowsRead, body.import.rowsKept], [2, 2]);
  });

  test('a .gz that inflates past the limit is refused (413), a damaged .gz is the sender’s error (422)', async () => {
    const bomb = gzipSync(Buffer.alloc(POSTING_UPLOAD_LIMITS.maxInflatedBytes + 1024 * 1024, 'a'));
    assert.ok(bomb.length < POSTING_UPLOAD_LIMITS.maxBytes);
    const big = await postFile('bomb.csv.gz', bomb);
    assert.equal(big.status, 413);
    assert.equal(((await big.json()) as { code: string }).code, 'DOCUMENT_INFLATES_TOO_LARGE');

    const damaged = await postFile('broken.csv.gz', new Uint8Array([0x1f, 0x8b, 8, 0, 1, 2, 3, 4, 5, 6, 7]));
    assert.equal(damaged.status, 422);
    assert.equal(((await damaged.json()) as { code: string }).code, 'DOCUMENT_CORRUPT');
  });

  test('an upload between the server’s general limit and the route’s own is imported; past the route’s, 413', async () => {
    const row = (i: number) =>
      `${i},2024-04-02,Data Analyst,${'SQL and Excel reporting for finance teams. '.repeat(24)}\n`;
    const rows = ['id,date,title,description\n'];
    let bytes = rows[0]!.length;
    for (let i = 1; bytes < 15 * 1024 * 1024; i++) bytes += rows[rows.push(row(i)) - 1]!.length;
    const response = await postFile('month.csv', new TextEncoder().encode(rows.join('')));
    assert.equal(response.status, 200, 'a 15 MB file is over the 12 MB any other request may send, and welcome here');
    const body = (await response.json()) as Result;
    assert.equal(body.import.rowsRead, rows.length - 1);

    const tooBig = await postFile('year.csv', new Uint8Array(POSTING_UPLOAD_LIMITS.maxBytes + 128 * 1024).fill(0x61));
    assert.equal(tooBig.status, 413);
    assert.equal(((await tooBig.json()) as { code: string }).code, 'DOCUMENT_TOO_LARGE');
  });

  test('no file, a name without a postings extension, columns no layout fits: 400 saying what to do', async () => {
    assert.equal((await postJson({})).status, 400);
    const pdf = await postFile('cv.pdf', new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x01, 0x02, 0x03]));
    assert.equal(pdf.status, 400);
    assert.match(((await pdf.json()) as { detail: string }).detail, /\.csv, \.tsv, \.jsonl/);
    const text = await postJson({ name: 'export.txt', content: 'id\tdate\ttitle\n9\t2024-01-05\tCopywriter\n' });
    assert.equal(((await text.json()) as Result).import.rowsKept, 1, 'a .txt export is read as what it holds (TSV)');
    const odd = await postJson({ name: 'odd.csv', content: 'a,b\n1,2\n' });
    assert.equal(odd.status, 400);
    assert.equal((await api.request('/api/postings/imports/999/errors')).status, 404);
    assert.equal((await api.request('/api/postings/imports/abc/errors')).status, 400);
  });
});

describe('POST /api/postings/samples', () => {
  const rowsOf = (path: string) => (parse(readFileSync(`${SHARED_DATA}${path}`)) as unknown[]).length - 1;
  const post = (body: unknown = {}) =>
    Promise.resolve(
      api.request('/api/postings/samples', {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { 'content-type': 'application/json' },
      }),
    );
  interface Samples {
    imported: { name: string; stored: number; duplicates: number; badRows: number }[];
    note: string;
  }

  test('loads every sample beside Upskill with the files’ counts; again, the postings are all duplicates', async () => {
    const response = await post();
    assert.equal(response.status, 200);
    const body = (await response.json()) as Samples;
    const byName = Object.fromEntries(body.imported.map((s) => [s.name, s]));
    assert.deepEqual(Object.keys(byName), ['hn-whos-hiring', 'linkedin-2024-sample', 'hn-hiringtrends', 'seeds']);
    for (const [name, path] of [
      ['hn-whos-hiring', 'hn-whos-hiring/roles.csv'],
      ['linkedin-2024-sample', 'linkedin-2024-sample/postings.csv'],
    ] as const) {
      const sample = byName[name]!;
      assert.equal(
        sample.stored + sample.duplicates + sample.badRows,
        rowsOf(path),
        `${name}: every row accounted for`,
      );
      assert.ok(sample.stored > 0);
    }
    assert.equal(byName['hn-hiringtrends']!.stored, rowsOf('hn-hiringtrends/monthly_terms.csv'));
    const seeds = readdirSync(new URL('../../../../shared/seeds/', import.meta.url)).filter((f) => f.endsWith('.txt'));
    assert.equal(byName['seeds']!.stored, seeds.length);
    assert.match(body.note, /sample of part of the market/);

    const again = (await (await post({ only: ['linkedin-2024-sample'] })).json()) as Samples;
    assert.deepEqual(
      again.imported.map((s) => [s.name, s.stored, s.duplicates]),
      [
        [
          'linkedin-2024-sample',
          0,
          rowsOf('linkedin-2024-sample/postings.csv') - byName['linkedin-2024-sample']!.badRows,
        ],
      ],
    );
  });

  test('two loads at once: one waits its turn with 409; an unknown sample is a 400', async () => {
    const statuses = (await Promise.all([post({ only: ['seeds'] }), post({ only: ['seeds'] })])).map((r) => r.status);
    assert.deepEqual(statuses.sort(), [200, 409]);
    const unknown = await post({ only: ['everything'] });
    assert.equal(unknown.status, 400);
  });
});
