import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface LoopbackServer {
  /** http://127.0.0.1:PORT */
  url: string;
  /** Every request the server received, in order, with its whole body. */
  requests: SeenRequest[];
  close(): Promise<void>;
}

/**
 * A real HTTP server on 127.0.0.1 and a free port, for tests of the clients that speak to model
 * providers: `handle` answers each request (its body already read), with the number of the request.
 */
export async function startLoopbackServer(
  handle: (request: SeenRequest, response: ServerResponse, index: number) => unknown,
): Promise<LoopbackServer> {
  const requests: SeenRequest[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const seen = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      requests.push(seen);
      void Promise.resolve(handle(seen, res, requests.length - 1)).catch((error: unknown) => {
        res.destroy(error as Error);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Closes the connection mid-answer, once what was written has gone out (a crash, not a clean end). */
function dropSoon(response: ServerResponse): void {
  setTimeout(() => response.socket?.destroy(), 50);
}

/** Writes OpenAI-style server-sent events: one `data:` line per piece of the answer, then [DONE] unless dropped. */
export function writeOpenAiStream(
  response: ServerResponse,
  pieces: readonly string[],
  options: { done?: boolean } = {},
) {
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  for (const piece of pieces)
    response.write(
      `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: piece }, finish_reason: null }] })}\n\n`,
    );
  if (options.done === false) return dropSoon(response);
  response.write(`data: ${JSON.stringify({ choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\n`);
  response.end('data: [DONE]\n\n');
}

/** A whole (not streamed) OpenAI chat completion. */
export function writeOpenAiCompletion(response: ServerResponse, content: string): void {
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(
    JSON.stringify({
      id: 'c1',
      object: 'chat.completion',
      choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    }),
  );
}

/** Ollama's /api/chat answer: NDJSON pieces ending with done: true, or one object when not streamed. */
export function writeOllama(
  response: ServerResponse,
  pieces: readonly string[],
  options: { stream: boolean; done?: boolean },
) {
  response.writeHead(200, { 'content-type': options.stream ? 'application/x-ndjson' : 'application/json' });
  if (!options.stream)
    return response.end(
      JSON.stringify({ model: 'm', message: { role: 'assistant', content: pieces.join('') }, done: true }),
    );
  for (const piece of pieces)
    response.write(`${JSON.stringify({ model: 'm', message: { role: 'assistant', content: piece }, done: false })}\n`);
  if (options.done === false) return dropSoon(response);
  response.end(
    `${JSON.stringify({ model: 'm', message: { role: 'assistant', content: '' }, done: true, done_reason: 'stop' })}\n`,
  );
}
