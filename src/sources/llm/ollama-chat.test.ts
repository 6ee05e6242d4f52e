import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { UpskillError } from '../../domain/errors.js';
import { startLoopbackServer, writeOllama, type LoopbackServer } from '../../../test/support/loopback-server.js';
import { chatClient, type ProviderSettings } from './chat-client.js';

const messages = [{ role: 'user' as const, content: 'Which should I learn first?' }];
const servers: LoopbackServer[] = [];
after(() => Promise.all(servers.map((server) => server.close())));

async function ollama(handle: Parameters<typeof startLoopbackServer>[0], settings: Partial<ProviderSettings> = {}) {
  const server = await startLoopbackServer(handle);
  servers.push(server);
  return {
    server,
    chat: chatClient({ kind: 'ollama', baseUrl: server.url, model: 'llama3.2:1b', retryDelayMs: 10, ...settings }),
  };
}

const failsWith = (code: string, message: RegExp) => (error: unknown) => {
  assert.ok(error instanceof UpskillError, String(error));
  assert.equal(error.code, code);
  assert.match(error.message, message);
  assert.ok(error.hint, 'a hint says what to do');
  return true;
};

describe('Ollama’s native /api/chat over real loopback HTTP', () => {
  test('a whole answer, and the request in Ollama’s shape', async () => {
    const { server, chat } = await ollama((req, res) => {
      writeOllama(res, ['Start with prompt engineering [S:prompt-engineering@2].'], {
        stream: JSON.parse(req.body).stream,
      });
    });
    assert.equal(await chat({ messages, json: true }), 'Start with prompt engineering [S:prompt-engineering@2].');
    assert.equal(server.requests[0]!.url, '/api/chat');
    assert.deepEqual(JSON.parse(server.requests[0]!.body), {
      model: 'llama3.2:1b',
      messages,
      stream: false,
      format: 'json',
    });
  });

  test('a streamed answer: NDJSON pieces in order, to the line with done: true', async () => {
    const { chat } = await ollama((_req, res) => writeOllama(res, ['One ', 'two ', 'three.'], { stream: true }));
    const pieces: string[] = [];
    assert.equal(await chat({ messages, onDelta: (p) => pieces.push(p) }), 'One two three.');
    assert.deepEqual(pieces, ['One ', 'two ', 'three.']);
  });

  test('pieces split across network packets are joined before they are read', async () => {
    const { chat } = await ollama(async (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/x-ndjson' });
      const body = [
        JSON.stringify({ message: { content: 'Split ' }, done: false }),
        JSON.stringify({ message: { content: 'line' }, done: true }),
        '',
      ].join('\n');
      for (const part of [body.slice(0, 17), body.slice(17, 40), body.slice(40)]) {
        res.write(part);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      res.end();
    });
    assert.equal(await chat({ messages, onDelta: () => undefined }), 'Split line');
  });

  test('broken JSON in the stream is an error quoting the line', async () => {
    const { chat } = await ollama((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/x-ndjson' });
      res.end('{"message": {"content": "ok"}, "done": false}\n{"message": oops\n');
    });
    await assert.rejects(
      chat({ messages, onDelta: () => undefined }),
      failsWith('PROVIDER_FAILED', /not valid JSON: "\{\\"message\\": oops"/),
    );
  });

  test('Ollama’s own error (an unknown model) is told in its words, not retried', async () => {
    const { server, chat } = await ollama((_req, res) => {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'model "llama3.2:1b" not found, try pulling it first' }));
    });
    await assert.rejects(chat({ messages }), (error: unknown) => {
      assert.ok(error instanceof UpskillError);
      assert.match(
        error.message,
        /^Ollama at http:\/\/127\.0\.0\.1:\d+: answered HTTP 404: model "llama3.2:1b" not found, try pulling it first$/,
      );
      assert.match(error.hint!, /ollama pull/);
      return true;
    });
    assert.equal(server.requests.length, 1);
  });

  test('a 500 is retried once, then succeeds', async () => {
    const { server, chat } = await ollama((_req, res, index) => {
      if (index === 0) {
        res.writeHead(500, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ error: 'llama runner process has terminated' }));
      }
      writeOllama(res, ['Back.'], { stream: false });
    });
    assert.equal(await chat({ messages }), 'Back.');
    assert.equal(server.requests.length, 2);
  });

  test('a 429 asking to wait longer than Upskill waits is an error saying so, without a retry', async () => {
    const { server, chat } = await ollama((_req, res) => {
      res.writeHead(429, { 'retry-after': '120' });
      res.end('busy');
    });
    await assert.rejects(
      chat({ messages }),
      failsWith('PROVIDER_FAILED', /answered HTTP 429: busy\. It asked to wait 120 s/),
    );
    assert.equal(server.requests.length, 1);
  });

  test('a slow Ollama (a model still loading) times out', async () => {
    const { chat } = await ollama(
      (_req, res) => {
        setTimeout(() => writeOllama(res, ['late'], { stream: true }), 2_000).unref();
      },
      { timeoutMs: 150 },
    );
    await assert.rejects(
      chat({ messages, onDelta: () => undefined }),
      failsWith('PROVIDER_TIMEOUT', /^Ollama at .*sent nothing/),
    );
  });

  test('a dropped stream is an error after the pieces that came', async () => {
    const { chat } = await ollama((_req, res) => writeOllama(res, ['Partial '], { stream: true, done: false }));
    const pieces: string[] = [];
    await assert.rejects(
      chat({ messages, onDelta: (p) => pieces.push(p) }),
      failsWith('PROVIDER_FAILED', /(dropped before the answer was complete|no line with "done": true)/),
    );
    assert.deepEqual(pieces, ['Partial ']);
  });
});
