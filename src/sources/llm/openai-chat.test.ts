import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { UpskillError } from '../../domain/errors.js';
import {
  startLoopbackServer,
  writeOpenAiCompletion,
  writeOpenAiStream,
  type LoopbackServer,
} from '../../../test/support/loopback-server.js';
import { chatClient, type ProviderSettings } from './chat-client.js';

const messages = [{ role: 'user' as const, content: 'How would I use AI on reports?' }];
const servers: LoopbackServer[] = [];
after(() => Promise.all(servers.map((server) => server.close())));

async function provider(
  handle: Parameters<typeof startLoopbackServer>[0],
  settings: Partial<ProviderSettings> = {},
): Promise<{ server: LoopbackServer; chat: ReturnType<typeof chatClient> }> {
  const server = await startLoopbackServer(handle);
  servers.push(server);
  const chat = chatClient({
    kind: 'openai',
    baseUrl: `${server.url}/v1/`,
    model: 'small-model',
    retryDelayMs: 10,
    ...settings,
  });
  return { server, chat };
}

const failsWith = (code: string, message: RegExp) => (error: unknown) => {
  assert.ok(error instanceof UpskillError, String(error));
  assert.equal(error.code, code);
  assert.match(error.message, message);
  assert.ok(error.hint && error.hint.length > 10, 'a hint says what to do');
  return true;
};

describe('OpenAI-compatible chat completions over real loopback HTTP', () => {
  test('a whole answer: the request is the protocol’s, with the key as a bearer token', async () => {
    const { server, chat } = await provider((_req, res) => writeOpenAiCompletion(res, 'Draft it with AI [T:1].'), {
      apiKey: 'sk-test-123',
    });
    assert.equal(await chat({ messages }), 'Draft it with AI [T:1].');
    const [request] = server.requests;
    assert.equal(request!.method, 'POST');
    assert.equal(request!.url, '/v1/chat/completions');
    assert.equal(request!.headers.authorization, 'Bearer sk-test-123');
    assert.deepEqual(JSON.parse(request!.body), { model: 'small-model', messages, stream: false });
  });

  test('a streamed answer arrives piece by piece, in order, and ends at [DONE]', async () => {
    const { server, chat } = await provider((_req, res) =>
      writeOpenAiStream(res, ['Start ', 'with ', 'step one [S:a@2].']),
    );
    const pieces: string[] = [];
    const answer = await chat({ messages, onDelta: (piece) => pieces.push(piece) });
    assert.deepEqual(pieces, ['Start ', 'with ', 'step one [S:a@2].']);
    assert.equal(answer, 'Start with step one [S:a@2].');
    assert.equal(JSON.parse(server.requests[0]!.body).stream, true);
    assert.equal(server.requests[0]!.headers.authorization, undefined, 'no key, no authorization header');
  });

  test('broken JSON is an error that quotes what came back, whole or streamed', async () => {
    const { chat } = await provider((req, res) => {
      if (JSON.parse(req.body).stream) {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.end('data: {"choices": [{"delta": {"content": "Hi"}\n\n');
      } else {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"choices": [ oops');
      }
    });
    await assert.rejects(
      chat({ messages }),
      failsWith('PROVIDER_FAILED', /not valid JSON: "\{\\"choices\\": \[ oops"/),
    );
    await assert.rejects(chat({ messages, onDelta: () => undefined }), failsWith('PROVIDER_FAILED', /not valid JSON/));
  });

  test('a slow provider times out with a clear error instead of hanging', async () => {
    const { chat } = await provider(
      (_req, res) => {
        setTimeout(() => writeOpenAiCompletion(res, 'too late'), 2_000).unref();
      },
      { timeoutMs: 150 },
    );
    const started = Date.now();
    await assert.rejects(chat({ messages }), failsWith('PROVIDER_TIMEOUT', /sent nothing for 0.15 s/));
    assert.ok(Date.now() - started < 1_500, 'gave up after the time-out');
  });

  test('a stream that stalls midway times out too', async () => {
    const { chat } = await provider(
      (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.write(`data: ${JSON.stringify({ choices: [{ delta: { content: 'Half' } }] })}\n\n`);
      },
      { timeoutMs: 150 },
    );
    const pieces: string[] = [];
    await assert.rejects(
      chat({ messages, onDelta: (p) => pieces.push(p) }),
      failsWith('PROVIDER_TIMEOUT', /sent nothing/),
    );
    assert.deepEqual(pieces, ['Half']);
  });

  test('a 429 is retried once after the Retry-After the provider gave', async () => {
    const { server, chat } = await provider((_req, res, index) => {
      if (index === 0) {
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '1' });
        return res.end(
          JSON.stringify({ error: { message: 'Rate limit reached for small-model', type: 'rate_limit' } }),
        );
      }
      writeOpenAiCompletion(res, 'Second time lucky.');
    });
    const started = Date.now();
    assert.equal(await chat({ messages }), 'Second time lucky.');
    assert.equal(server.requests.length, 2);
    assert.ok(Date.now() - started >= 950, `waited the second Retry-After asked (${Date.now() - started} ms)`);
  });

  test('a 429 twice is an error with the provider’s own message; a 500 likewise after one retry', async () => {
    const { server, chat } = await provider((req, res) => {
      const status = req.headers['x-test'] === '500' ? 500 : 429;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: status === 500 ? 'CUDA out of memory' : 'Rate limit reached' } }));
    });
    await assert.rejects(
      chat({ messages }),
      failsWith(
        'PROVIDER_FAILED',
        /at http:\/\/127\.0\.0\.1:\d+: answered HTTP 429 \(after one retry\): Rate limit reached$/,
      ),
    );
    assert.equal(server.requests.length, 2, 'exactly one retry');
    const fiveHundred = await provider((_req, res) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: 'CUDA out of memory' } }));
    });
    await assert.rejects(fiveHundred.chat({ messages }), (error: unknown) => {
      assert.ok(error instanceof UpskillError);
      assert.match(error.message, /answered HTTP 500 \(after one retry\): CUDA out of memory/);
      assert.match(error.hint!, /failed on its side/);
      return true;
    });
    assert.equal(fiveHundred.server.requests.length, 2);
  });

  test('a 401 is not retried, and the key never appears in the error', async () => {
    const { server, chat } = await provider(
      (_req, res) => {
        res.writeHead(401, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: 'Incorrect API key provided: sk-secret-999' } }));
      },
      { apiKey: 'sk-secret-999' },
    );
    await assert.rejects(chat({ messages }), (error: unknown) => {
      assert.ok(error instanceof UpskillError);
      assert.doesNotMatch(`${error.message} ${error.hint}`, /sk-secret-999/);
      assert.match(error.message, /Incorrect API key provided: \[api key\]/);
      assert.match(error.hint!, /API key/);
      return true;
    });
    assert.equal(server.requests.length, 1);
  });

  test('a dropped stream (the connection closes before [DONE]) is an error, after the pieces that came', async () => {
    const { chat } = await provider((_req, res) => writeOpenAiStream(res, ['Use ', 'it '], { done: false }));
    const pieces: string[] = [];
    await assert.rejects(
      chat({ messages, onDelta: (p) => pieces.push(p) }),
      failsWith(
        'PROVIDER_FAILED',
        /(dropped before the answer was complete|ended before it was complete \(no \[DONE\]\))/,
      ),
    );
    assert.deepEqual(pieces, ['Use ', 'it ']);
  });

  test('nothing listening is an error naming the address', async () => {
    const { server, chat } = await provider(() => undefined);
    await server.close();
    await assert.rejects(chat({ messages }), failsWith('PROVIDER_FAILED', /could not be reached \(ECONNREFUSED\)/));
  });
});
