import type { ChatRequest } from './chat-client.js';
import { cutShort, notJson, postJson, providerFailed, readBody, type ProviderEndpoint } from './provider-http.js';

interface OllamaChunk {
  message?: { content?: unknown };
  done?: unknown;
  error?: unknown;
}

function parse(endpoint: ProviderEndpoint, text: string): OllamaChunk {
  let chunk: OllamaChunk;
  try {
    chunk = JSON.parse(text) as OllamaChunk;
  } catch {
    throw notJson(endpoint, text);
  }
  if (typeof chunk.error === 'string')
    throw providerFailed(endpoint, chunk.error, 'Check the model name; pull it first with `ollama pull <model>`.');
  return chunk;
}

/**
 * Ollama's native API: POST {base}/api/chat, the answer in message.content, or streamed as one JSON
 * object a line (NDJSON), each with a piece of message.content, the last with done: true.
 */
export async function ollamaChat(
  endpoint: ProviderEndpoint,
  baseUrl: string,
  model: string,
  request: ChatRequest,
): Promise<string> {
  const stream = request.onDelta !== undefined;
  const { response, timer } = await postJson(
    endpoint,
    `${baseUrl}/api/chat`,
    { model, messages: request.messages, stream, ...(request.json ? { format: 'json' } : {}) },
    request.signal,
  );
  let answer = '';
  let finished = false;
  let pending = '';
  const line = (text: string): void => {
    if (text.trim() === '' || finished) return;
    const chunk = parse(endpoint, text);
    const content = chunk.message?.content;
    if (typeof content === 'string' && content !== '') {
      answer += content;
      request.onDelta?.(content);
    }
    if (chunk.done === true) finished = true;
  };
  for await (const piece of readBody(response, timer, endpoint)) {
    pending += piece;
    // Without streaming the body is one JSON object, perhaps pretty-printed: read it whole at the end.
    if (!stream) continue;
    const lines = pending.split('\n');
    pending = lines.pop()!;
    for (const text of lines) line(text);
    if (finished) break;
  }
  if (!finished) line(pending);
  if (!finished) {
    if (!stream && answer === '')
      throw providerFailed(endpoint, 'answered without a message (no message.content).', 'Check the model name.');
    throw cutShort(endpoint, 'line with "done": true');
  }
  return answer;
}
