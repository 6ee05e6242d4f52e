import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { SHARED_DATA } from './support/databases.js';
import {
  startLoopbackServer,
  writeOpenAiCompletion,
  writeOpenAiStream,
  type LoopbackServer,
} from './support/loopback-server.js';

const home = mkdtempSync(join(tmpdir(), 'upskill-coach-cli-'));
let server: LoopbackServer;

/** Runs the CLI without blocking this process, so the loopback provider below can answer it. */
function upskill(
  args: string[],
  options: { env?: Record<string, string>; input?: string } = {},
): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', ...args],
      {
        env: {
          ...process.env,
          UPSKILL_HOME: home,
          DATABASE_URL: '',
          UPSKILL_DATA_DIR: '',
          NO_COLOR: '1',
          ...options.env,
        },
        timeout: 120_000,
        encoding: 'utf8',
      },
      (error, stdout, stderr) => resolve({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin!.end(options.input ?? '');
  });
}

before(async () => {
  server = await startLoopbackServer((req, res) => {
    const body = JSON.parse(req.body) as { stream: boolean; messages: { content: string }[] };
    if (body.stream) return writeOpenAiStream(res, ['Keep records in the EHR ', '[T:1839].']);
    // A plan change is asked for as JSON: this model changes the first step it was sent to fewer hours a week.
    const step = /\[S:([^\]]+)\]/.exec(body.messages[1]!.content)![1];
    writeOpenAiCompletion(res, JSON.stringify({ stepId: step, hoursPerWeek: 2, reason: 'Two hours fit your week.' }));
  });
  const load = await upskill(['data', 'load', '--from', SHARED_DATA]);
  assert.equal(load.status, 0, load.stderr);
});
after(async () => {
  await server?.close();
  rmSync(home, { recursive: true, force: true });
});

describe('upskill coach', { timeout: 300_000 }, () => {
  test('without a model: the offline answer for a job title, in words and as JSON', async () => {
    const text = await upskill([
      'coach',
      'which should I learn first if I only have two hours?',
      '--title',
      '29-1141.00',
    ]);
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stderr, /Offline coach/);
    assert.match(text.stdout, /^With 2 hours, these steps of your plan fit \(2 hours\):\n1\. AI literacy to “aware”/);
    assert.match(text.stdout, /\nCited:\n {2}\[/);
    const json = await upskill([
      'coach',
      'is',
      'it',
      'safe',
      'to',
      'paste',
      'patient',
      'notes?',
      '--title',
      '29-1141.00',
      '--json',
    ]);
    const answer = JSON.parse(json.stdout) as { mode: string; answer: string };
    assert.equal(answer.mode, 'offline');
    assert.match(answer.answer, /\[T:1839\]: CAUTION/);
  });

  test('a provider in the settings file is not asked until `coach on`; the key is never printed', async () => {
    const setup = await upskill(
      ['coach', 'setup', '--provider', 'openai', '--base-url', `${server.url}/v1`, '--model', 'tiny'],
      { input: 'sk-cli-secret\n' },
    );
    assert.equal(setup.status, 0, setup.stderr);
    const keyed = await upskill(
      [
        'coach',
        'setup',
        '--provider',
        'openai',
        '--base-url',
        `${server.url}/v1`,
        '--model',
        'tiny',
        '--api-key-stdin',
      ],
      { input: 'sk-cli-secret\n' },
    );
    assert.match(keyed.stdout, /tiny via an OpenAI-compatible API at 127\.0\.0\.1:\d+ \(local\).*off/);
    const off = await upskill(['coach', 'how would I use AI on records?', '--title', '29-1141.00']);
    assert.equal(off.status, 0, off.stderr);
    assert.equal(server.requests.length, 0, 'nothing sent before opt-in');
    assert.match(off.stdout, /not turned on, so nothing was sent/);
    const status = await upskill(['coach', 'status', '--json']);
    assert.ok(!status.stdout.includes('sk-cli-secret') && !keyed.stdout.includes('sk-cli-secret'));
    assert.equal((JSON.parse(status.stdout) as { provider: { hasApiKey: boolean } }).provider.hasApiKey, true);

    assert.equal((await upskill(['coach', 'on'])).status, 0);
    const on = await upskill(['coach', 'how would I use AI on records?', '--title', '29-1141.00']);
    assert.equal(on.status, 0, on.stderr);
    assert.equal(server.requests.length, 1);
    assert.equal(server.requests[0]!.headers.authorization, 'Bearer sk-cli-secret');
    assert.match(on.stderr, /Asking tiny via an OpenAI-compatible API/);
    assert.match(
      on.stdout,
      /^Keep records in the EHR \[T:1839\]\.\n\nCited:\n {2}\[T:1839\] Maintain accurate, detailed reports and records\./,
    );
    assert.equal((await upskill(['coach', 'off'])).status, 0);
  });

  test('UPSKILL_LLM_* is the CLI’s opt-in; a provider that cannot be reached exits 6 with its error', async () => {
    const env = { UPSKILL_LLM_BASE_URL: `${server.url}/v1`, UPSKILL_LLM_MODEL: 'tiny', UPSKILL_LLM_PROVIDER: 'openai' };
    const before = server.requests.length;
    const asked = await upskill(['coach', 'how would I use AI on records?', '--title', '29-1141.00', '--json'], {
      env,
    });
    assert.equal(asked.status, 0, asked.stderr);
    assert.equal(server.requests.length, before + 1);
    assert.equal((JSON.parse(asked.stdout) as { mode: string }).mode, 'model');
    const closed = await startLoopbackServer(() => undefined);
    await closed.close();
    const dead = await upskill(['coach', 'hello?', '--title', '29-1141.00'], {
      env: { ...env, UPSKILL_LLM_BASE_URL: `${closed.url}/v1` },
    });
    assert.equal(dead.status, 6);
    assert.match(
      dead.stderr,
      /error: The OpenAI-compatible server at http:\/\/127\.0\.0\.1:\d+: could not be reached \(ECONNREFUSED\)\.\nhint: /,
    );
  });

  test('coach change proposes a validated plan change and applies it only with --accept', async () => {
    const env = { UPSKILL_LLM_BASE_URL: `${server.url}/v1`, UPSKILL_LLM_MODEL: 'tiny' };
    const created = await upskill([
      'profile',
      'create',
      '--name',
      'Sam',
      '--title',
      '13-1161.00',
      '--hours',
      '5',
      '--json',
    ]);
    const id = (JSON.parse(created.stdout) as { id: string }).id;
    const proposed = await upskill(['coach', 'change', 'I only have two hours a week', '--profile', id], { env });
    assert.equal(proposed.status, 0, proposed.stderr);
    assert.match(
      proposed.stdout,
      /^Proposed: Two hours fit your week\. Nothing changes until you accept it\.\n.*the plan ends /,
    );
    assert.match(proposed.stdout, /Nothing changed: run again with --accept to apply it\.\n$/);
    const unchanged = JSON.parse((await upskill(['profile', 'show', id])).stdout) as { hoursPerWeek: number };
    assert.equal(unchanged.hoursPerWeek, 5);
    const applied = await upskill(['coach', 'change', 'I only have two hours a week', '--profile', id, '--accept'], {
      env,
    });
    assert.match(applied.stdout, /Applied: your plan follows this change\.\n$/);
    const changed = JSON.parse((await upskill(['profile', 'show', id])).stdout) as { hoursPerWeek: number };
    assert.equal(changed.hoursPerWeek, 2);
  });

  test('no subject, or a bad environment, is a usage error (exit 2)', async () => {
    assert.equal((await upskill(['coach', 'hello?'])).status, 2);
    const bad = await upskill(['coach', 'hello?', '--title', 'nurse'], { env: { UPSKILL_LLM_BASE_URL: 'not a url' } });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /UPSKILL_LLM_BASE_URL/);
  });
});
