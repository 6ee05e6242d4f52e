import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { readConfig } from '../../app/config.js';
import { loadEsco } from '../../app/load-esco.js';
import { openApp, type UpskillApp } from '../../app/upskill-app.js';
import { openDatabase } from '../../store/database.js';
import { SHARED_DATA } from '../../../test/support/databases.js';
import { createApi } from '../create-api.js';

let app: UpskillApp;
let api: ReturnType<typeof createApi>;
const post = (body: string, type = 'application/json') =>
  Promise.resolve(api.request('/api/skills/link', { method: 'POST', body, headers: { 'content-type': type } }));

before(async () => {
  const db = await openDatabase({ kind: 'embedded-memory' });
  app = await openApp({ ...readConfig({}), home: '/nonexistent' }, db);
  await loadEsco(db, `${SHARED_DATA}esco-1.1.1-skill-labels`);
  api = createApi(app);
});
after(() => app.close());

describe('POST /api/skills/link', () => {
  test('ranks the ESCO skills a sentence means, best first, in the batch contract shape', async () => {
    const response = await post(JSON.stringify({ text: 'work in large collaborative teams', top: 4 }));
    assert.equal(response.status, 200);
    const body = (await response.json()) as {
      text: string;
      links: { label: string; esco: string | null; skillId: string | null; score: number }[];
      escoLoaded: boolean;
    };
    assert.equal(body.text, 'work in large collaborative teams');
    assert.equal(body.escoLoaded, true);
    assert.equal(body.links.length, 4);
    assert.ok(body.links.some((link) => link.label === 'work in teams'));
    assert.deepEqual(Object.keys(body.links[0]!), ['label', 'esco', 'skillId', 'score']);
    const python = (await (await post(JSON.stringify({ text: 'we code in Python' }))).json()) as typeof body;
    assert.equal(python.links.length, 5);
    assert.equal(python.links[0]!.label, 'Python (computer programming)');
  });

  test('a client mistake is a 400 problem naming the field, never a 500', async () => {
    for (const [body, field] of [
      ['{}', 'text'],
      [JSON.stringify({ text: '' }), 'text'],
      [JSON.stringify({ text: '   ' }), 'text'],
      [JSON.stringify({ text: 'python', top: 0 }), 'top'],
      [JSON.stringify({ text: 'python', top: 'ten' }), 'top'],
      [JSON.stringify({ text: 'x'.repeat(20_001) }), 'text'],
      ['{"text": ', undefined],
    ] as const) {
      const response = await post(body);
      assert.equal(response.status, 400, body.slice(0, 40));
      assert.equal(response.headers.get('content-type'), 'application/problem+json');
      const problem = (await response.json()) as { code: string; detail: string };
      if (field) assert.match(problem.detail, new RegExp(field), body.slice(0, 40));
    }
  });

  test('is in the OpenAPI document with its request and response schemas', async () => {
    const document = (await (await api.request('/api/openapi.json')).json()) as {
      paths: Record<string, { post?: { responses: Record<string, unknown> } }>;
    };
    assert.deepEqual(Object.keys(document.paths['/api/skills/link']!.post!.responses).sort(), ['200', '400']);
  });
});
