import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { readConfig } from '../app/config.js';
import { openApp, type UpskillApp } from '../app/upskill-app.js';
import { openDatabase } from '../store/database.js';
import {
  docxBomb,
  pdfWithCircularPageTree,
  pdfWithDeepNesting,
  pdfWithPages,
} from '../../test/support/hostile-documents.js';
import { createApi } from './create-api.js';

let app: UpskillApp;
let api: ReturnType<typeof createApi>;

before(async () => {
  app = await openApp({ ...readConfig({}), home: '/nonexistent' }, await openDatabase({ kind: 'embedded-memory' }));
  api = createApi(app);
});
after(() => app.close());

async function upload(bytes: Uint8Array, name: string): Promise<{ status: number; code: string; detail: string }> {
  const form = new FormData();
  form.append('file', new Blob([bytes]), name);
  const response = await api.request('/api/extract', { method: 'POST', body: form });
  assert.equal(response.headers.get('content-type'), 'application/problem+json');
  const body = (await response.json()) as { code: string; detail: string; hint?: string };
  assert.ok(body.hint, `${name}: the problem says what to do`);
  return { status: response.status, code: body.code, detail: body.detail };
}

describe('POST /api/extract with hostile documents', () => {
  test('a 1 GB .docx bomb is a 413 with the product’s own words', async () => {
    assert.deepEqual(await upload(await docxBomb(1024 * 1024 * 1024), 'bomb.docx'), {
      status: 413,
      code: 'DOCUMENT_INFLATES_TOO_LARGE',
      detail: 'bomb.docx: the document unpacks to more than 40 MB in its part "word/document.xml"',
    });
  });

  test('circular and deeply nested PDFs are 422, never 500', async () => {
    for (const [name, pdf] of [
      ['circular.pdf', pdfWithCircularPageTree()],
      ['nested.pdf', pdfWithDeepNesting(300_000)],
    ] as const) {
      assert.deepEqual(await upload(pdf, name), {
        status: 422,
        code: 'DOCUMENT_CORRUPT',
        detail: `${name}: the PDF is damaged and cannot be read`,
      });
    }
  });

  test('while a 100,000-page PDF is being refused, other requests are answered as usual', async () => {
    const started = Date.now();
    let refusedAt = 0;
    const refusal = upload(pdfWithPages(100_000), 'pages.pdf').then((result) => {
      refusedAt = Date.now();
      return result;
    });
    await new Promise((resolve) => setTimeout(resolve, 150));
    const answers: number[] = [];
    for (let i = 0; i < 5; i++) {
      const asked = Date.now();
      const response = await api.request('/api/about');
      assert.equal(response.status, 200);
      await response.json();
      answers.push(Date.now() - asked);
    }
    const answeredAt = Date.now();
    assert.deepEqual(await refusal, {
      status: 422,
      code: 'DOCUMENT_TOO_MANY_PAGES',
      detail: 'pages.pdf: the PDF has 100,000 pages; Upskill reads at most 100',
    });
    assert.ok(
      answeredAt < refusedAt,
      `about answered ${answeredAt - started} ms in, the PDF refused ${refusedAt - started} ms in`,
    );
    assert.ok(Math.max(...answers) < 250, `about took ${answers.join(', ')} ms during the parse`);
  });
});
