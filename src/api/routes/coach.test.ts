import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createProfile } from '../../app/profiles.js';
import { fileSettingsStore, saveProvider } from '../../app/coach-settings.js';
import type { UpskillApp } from '../../app/upskill-app.js';
import { openLoadedApp } from '../../../test/support/loaded-app.js';
import { startLoopbackServer, writeOpenAiStream, type LoopbackServer } from '../../../test/support/loopback-server.js';
import { createApi } from '../create-api.js';

let loaded: UpskillApp;
let api: ReturnType<typeof createApi>;
let home: string;
let profileId: string;
const servers: LoopbackServer[] = [];

before(async () => {
  loaded = await openLoadedApp();
  home = mkdtempSync(join(tmpdir(), 'upskill-coach-api-'));
  // The same app, with a data directory of its own for the coach's settings file.
  const app: UpskillApp = { ...loaded, config: { ...loaded.config, home } };
  api = createApi(app);
  profileId = (await createProfile(app, { name: 'Jane Doe', occupation: '29-1141.00', hoursPerWeek: 5 })).id;
});
after(async () => {
  await Promise.all(servers.map((server) => server.close()));
  await loaded?.close();
  rmSync(home, { recursive: true, force: true });
});

const post = (path: string, body: unknown, method = 'POST') =>
  Promise.resolve(
    api.request(path, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  );

/** The server-sent events of a response, in order. */
async function events(response: Response): Promise<{ event: string; data: Record<string, unknown> }[]> {
  const text = await response.text();
  return text
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const event = /^event: (.*)$/m.exec(block)![1]!;
      const data = block
        .split('\n')
        .filter((line) => line.startsWith('data: '))
        .map((line) => line.slice(6))
        .join('\n');
      return { event, data: JSON.parse(data) as Record<string, unknown> };
    });
}

describe('the coach’s HTTP API', { timeout: 120_000 }, () => {
  test('without a provider: status says so, and ask streams the offline answer as server-sent events', async () => {
    const status = (await (await Promise.resolve(api.request('/api/coach'))).json()) as { provider: unknown };
    assert.equal(status.provider, null);
    const response = await post('/api/coach/ask', {
      profileId,
      question: 'Which should I learn first if I only have two hours?',
    });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type')!, /^text\/event-stream/);
    const stream = await events(response);
    assert.deepEqual(
      stream.map((e) => e.event),
      ['start', 'delta', 'done'],
    );
    assert.equal(stream[0]!.data['mode'], 'offline');
    const done = stream[2]!.data as { mode: string; answer: string; citations: { id: string }[] };
    assert.equal(done.mode, 'offline');
    assert.equal(stream[1]!.data['text'], done.answer);
    assert.match(done.answer, /^With 2 hours, /);
  });

  test('a provider set up, turned on from the page, streams its answer; the key never comes back', async () => {
    const server = await startLoopbackServer((_req, res) =>
      writeOpenAiStream(res, ['Record it in the EHR ', '[T:1839].']),
    );
    servers.push(server);
    saveProvider(fileSettingsStore(home), {
      provider: { kind: 'openai', baseUrl: `${server.url}/v1`, model: 'local-model', apiKey: 'sk-never-shown' },
    });
    const before = await events(
      await post('/api/coach/ask', { profileId, question: 'Is it safe to paste patient notes?' }),
    );
    assert.equal(before.at(-1)!.data['mode'], 'offline');
    assert.equal(server.requests.length, 0, 'nothing sent before it is turned on');

    const enabled = await post('/api/coach/enabled', { enabled: true }, 'PUT');
    const status = await enabled.text();
    assert.equal(enabled.status, 200);
    assert.ok(!status.includes('sk-never-shown'));
    assert.deepEqual(JSON.parse(status).provider.location, 'local');

    const preview = await post('/api/coach/preview', { profileId, question: 'Is it safe to paste patient notes?' });
    assert.ok(!(await preview.text()).includes('sk-never-shown'));
    assert.equal(server.requests.length, 0, 'the preview sends nothing');

    const stream = await events(
      await post('/api/coach/ask', { profileId, question: 'Is it safe to paste patient notes?' }),
    );
    assert.deepEqual(
      stream.map((e) => [e.event, e.data['text']]),
      [
        ['start', undefined],
        ['delta', 'Record it in the EHR '],
        ['delta', '[T:1839].'],
        ['done', undefined],
      ],
    );
    const done = stream[3]!.data as { mode: string; flags: unknown[]; citations: { id: string; href: string }[] };
    assert.deepEqual(
      [done.mode, done.flags, done.citations.map((c) => c.href)],
      ['model', [], ['/job?code=29-1141.00#task-1839']],
    );
    assert.equal(server.requests[0]!.headers.authorization, 'Bearer sk-never-shown');
  });

  test('a provider that fails twice: an error event with its own message and a hint, after one retry', async () => {
    const server = await startLoopbackServer((_req, res) => {
      res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '0' });
      res.end(JSON.stringify({ error: { message: 'model is loading' } }));
    });
    servers.push(server);
    saveProvider(fileSettingsStore(home), { provider: { kind: 'openai', baseUrl: `${server.url}/v1`, model: 'm' } });
    await post('/api/coach/enabled', { enabled: true }, 'PUT');
    const stream = await events(
      await post('/api/coach/ask', { profileId, question: 'How would I use AI on records?' }),
    );
    assert.deepEqual(
      stream.map((e) => e.event),
      ['start', 'error'],
    );
    assert.equal(stream[1]!.data['code'], 'PROVIDER_FAILED');
    assert.match(String(stream[1]!.data['message']), /answered HTTP 503 \(after one retry\): model is loading/);
    assert.match(String(stream[1]!.data['hint']), /failed on its side/);
    assert.equal(server.requests.length, 2);
  });

  test('the client’s mistakes are problems before any stream: both subjects, none, empty, unknown profile', async () => {
    const both = await post('/api/coach/ask', { profileId, occupation: 'nurse', question: 'Hi?' });
    assert.equal(both.status, 400);
    assert.match(((await both.json()) as { detail: string }).detail, /^profileId: give either profileId or occupation/);
    assert.equal((await post('/api/coach/ask', { question: 'Hi?' })).status, 400);
    assert.equal((await post('/api/coach/ask', { profileId, question: '   ' })).status, 400);
    const unknown = await post('/api/coach/ask', { profileId: 'ffffffffffff', question: 'Hi?' });
    assert.equal(unknown.status, 404);
    assert.match(unknown.headers.get('content-type')!, /problem\+json/);
  });

  test('the OpenAPI document lists the coach routes, the streamed one as text/event-stream', async () => {
    const document = (await (await Promise.resolve(api.request('/api/openapi.json'))).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, { content: Record<string, unknown> }> }>>;
      components: { schemas: Record<string, unknown> };
    };
    assert.ok(document.paths['/api/coach']?.['get']);
    assert.ok(document.paths['/api/coach/enabled']?.['put']);
    assert.ok(document.paths['/api/coach/preview']?.['post']);
    assert.deepEqual(Object.keys(document.paths['/api/coach/ask']!['post']!.responses['200']!.content), [
      'text/event-stream',
    ]);
    assert.ok(document.components.schemas['CoachAnswer']);
  });
});

describe('plan changes over HTTP', { timeout: 120_000 }, () => {
  test('propose with the coach off is a 409; accept validates the change and re-plans', async () => {
    const off = fileSettingsStore(home);
    saveProvider(off, { provider: { kind: 'openai', baseUrl: 'http://127.0.0.1:1/v1', model: 'm' } });
    const refused = await post('/api/coach/propose', { profileId, request: 'I hate video courses' });
    assert.equal(refused.status, 409);
    assert.equal(((await refused.json()) as { code: string }).code, 'COACH_OFF');
    const bad = await post('/api/coach/accept', {
      profileId,
      change: { stepId: 'x@1', formats: ['podcast'], reason: 'r' },
    });
    assert.equal(bad.status, 400);
    assert.match(((await bad.json()) as { detail: string }).detail, /^change\.formats\.0: /);
    const accepted = await post('/api/coach/accept', {
      profileId,
      change: { stepId: 'x@1', hoursPerWeek: 8, reason: 'more time' },
    });
    assert.equal(accepted.status, 200);
    assert.equal(((await accepted.json()) as { plan: { hoursPerWeek: number } }).plan.hoursPerWeek, 8);
  });
});
