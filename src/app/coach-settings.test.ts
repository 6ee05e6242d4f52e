import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { activeCoach, coachStatus, fileSettingsStore, saveProvider, setCoachEnabled } from './coach-settings.js';

const homes: string[] = [];
after(() => homes.forEach((home) => rmSync(home, { recursive: true, force: true })));
function home(): string {
  const dir = mkdtempSync(join(tmpdir(), 'upskill-coach-settings-'));
  homes.push(dir);
  return dir;
}
const NO_ENV = {};

describe('coach settings (personal mode: a file in the data directory)', () => {
  test('the file is readable by its owner only, and the key is never shown back', () => {
    const dir = home();
    const store = fileSettingsStore(dir);
    saveProvider(store, {
      provider: { kind: 'openai', baseUrl: 'https://api.openai.com/v1/', model: 'gpt-4o-mini', apiKey: 'sk-live-abc' },
    });
    assert.equal(statSync(join(dir, 'coach.json')).mode & 0o777, 0o600);
    const status = coachStatus(store, 'web', NO_ENV);
    assert.ok(!JSON.stringify(status).includes('sk-live-abc'));
    assert.deepEqual(status.provider, {
      kind: 'openai',
      baseUrl: 'https://api.openai.com/v1',
      model: 'gpt-4o-mini',
      location: 'remote',
      label: 'gpt-4o-mini via an OpenAI-compatible API at api.openai.com (remote)',
      hasApiKey: true,
      source: 'settings',
    });
    assert.equal(status.enabled, false, 'a new provider starts turned off');
  });

  test('consent is per provider: turning it on for one does not turn it on for another address', () => {
    const store = fileSettingsStore(home());
    saveProvider(store, { provider: { kind: 'ollama', baseUrl: 'http://127.0.0.1:11434', model: 'llama3.2' } });
    setCoachEnabled(store, true, NO_ENV, new Date('2026-12-01T10:00:00Z'));
    assert.equal(activeCoach(store, 'web', NO_ENV).enabled, true);
    assert.deepEqual(store.read().consent, [
      { kind: 'ollama', baseUrl: 'http://127.0.0.1:11434', at: '2026-12-01T10:00:00.000Z' },
    ]);
    saveProvider(store, { provider: { kind: 'ollama', baseUrl: 'http://192.168.1.20:11434', model: 'llama3.2' } });
    assert.equal(activeCoach(store, 'web', NO_ENV).enabled, false);
    setCoachEnabled(store, false, NO_ENV);
    assert.equal(store.read().consent.length, 1, 'turning off one leaves the other’s consent alone');
  });

  test('the environment is the CLI’s opt-in, not the web app’s; it wins over the file', () => {
    const store = fileSettingsStore(home());
    saveProvider(store, { provider: { kind: 'ollama', baseUrl: 'http://127.0.0.1:11434', model: 'llama3.2' } });
    const env = {
      UPSKILL_LLM_PROVIDER: 'openai',
      UPSKILL_LLM_BASE_URL: 'http://10.0.0.5:8000/v1',
      UPSKILL_LLM_MODEL: 'qwen2.5',
      UPSKILL_LLM_TIMEOUT_SECONDS: '5',
    };
    const cli = activeCoach(store, 'cli', env);
    assert.deepEqual(
      [cli.provider?.baseUrl, cli.provider?.timeoutMs, cli.source, cli.enabled],
      ['http://10.0.0.5:8000/v1', 5000, 'environment', true],
    );
    assert.equal(activeCoach(store, 'web', env).enabled, false);
    assert.equal(coachStatus(store, 'web', env).provider?.location, 'local');
  });

  test('a partial or wrong environment, or a broken file, fails naming what is wrong', () => {
    const dir = home();
    const store = fileSettingsStore(dir);
    assert.throws(() => activeCoach(store, 'cli', { UPSKILL_LLM_BASE_URL: 'http://127.0.0.1:1234/v1' }), {
      code: 'CONFIG_INVALID',
      message: /UPSKILL_LLM_MODEL is missing/,
    });
    assert.throws(() => activeCoach(store, 'cli', { UPSKILL_LLM_PROVIDER: 'gemini', UPSKILL_LLM_MODEL: 'x' }), {
      code: 'CONFIG_INVALID',
      message: /UPSKILL_LLM_PROVIDER/,
    });
    writeFileSync(join(dir, 'coach.json'), '{"provider": {"kind": "openai", "baseUrl": "ftp://x", "model": "m"}}');
    assert.throws(() => store.read(), { code: 'CONFIG_INVALID', message: /coach\.json: provider\.baseUrl: / });
    writeFileSync(join(dir, 'coach.json'), '{');
    assert.throws(() => store.read(), { code: 'CONFIG_INVALID', message: /coach\.json: not valid JSON/ });
    assert.throws(() => setCoachEnabled(fileSettingsStore(home()), true, NO_ENV), { code: 'BAD_INPUT' });
    assert.ok(readFileSync(join(dir, 'coach.json'), 'utf8') === '{', 'a failed read changes nothing');
  });
});
