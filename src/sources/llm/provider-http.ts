import { setTimeout as sleep } from 'node:timers/promises';
import { UpskillError } from '../../domain/errors.js';

/** How one provider is reached and how patient to be with it. */
export interface ProviderEndpoint {
  /** "Ollama at http://127.0.0.1:11434": how errors name it. */
  label: string;
  apiKey?: string | undefined;
  /** Longest wait for the answer to start, and between two pieces of a streamed answer. */
  timeoutMs: number;
  /** Wait before the one retry when the provider does not say how long (Retry-After). */
  retryDelayMs: number;
  /** A Retry-After longer than this is not waited for: the error says so instead. */
  maxRetryAfterMs: number;
}

export const DEFAULT_TIMEOUTS = { timeoutMs: 60_000, retryDelayMs: 1_000, maxRetryAfterMs: 20_000 };

/** The provider's own words from an error body: OpenAI's error.message, Ollama's error, or the text itself. */
export function providerMessage(body: string, apiKey?: string): string {
  let message = body.trim();
  try {
    const parsed = JSON.parse(body) as { error?: string | { message?: string }; message?: string; detail?: string };
    const error = parsed.error;
    message =
      (typeof error === 'string' ? error : error?.message) ?? parsed.message ?? parsed.detail ?? JSON.stringify(parsed);
  } catch {
    // Not JSON: the text is the message.
  }
  if (apiKey) message = message.split(apiKey).join('[api key]');
  return message.length > 300 ? `${message.slice(0, 300)}…` : message || '(no message)';
}

function hintFor(status: number, label: string): string {
  if (status === 401 || status === 403)
    return 'Check the API key (UPSKILL_LLM_API_KEY, or `upskill coach setup --api-key-stdin`).';
  if (status === 404)
    return label.startsWith('Ollama')
      ? 'Check the model name; pull it first with `ollama pull <model>`.'
      : 'Check the model name and the base URL (an OpenAI-compatible base URL usually ends in /v1).';
  if (status === 429) return 'The provider is limiting requests: wait a minute and ask again, or use a local model.';
  if (status >= 500) return 'The provider failed on its side: ask again later, or look at its logs.';
  return 'Check the coach settings (`upskill coach status`).';
}

/** Retry-After as milliseconds: a number of seconds or an HTTP date. */
function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** A timer that aborts a request when it fires, restarted whenever the provider shows it is alive. */
export interface Deadline {
  signal: AbortSignal;
  restart(): void;
  clear(): void;
  /** True when the abort came from this timer (not from the caller). */
  expired(): boolean;
}

export function deadline(timeoutMs: number, outer?: AbortSignal): Deadline {
  const controller = new AbortController();
  let fired = false;
  let timer: NodeJS.Timeout | undefined;
  const start = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      fired = true;
      controller.abort(new Error('timed out'));
    }, timeoutMs);
  };
  outer?.addEventListener('abort', () => controller.abort(outer.reason), { once: true });
  start();
  return { signal: controller.signal, restart: start, clear: () => clearTimeout(timer), expired: () => fired };
}

export function timeoutError(endpoint: ProviderEndpoint): UpskillError {
  return new UpskillError(
    'PROVIDER_TIMEOUT',
    `${endpoint.label} sent nothing for ${endpoint.timeoutMs / 1000} s, so Upskill stopped waiting.`,
    {
      hint: 'A smaller or already loaded model answers sooner; or raise the time-out (UPSKILL_LLM_TIMEOUT_SECONDS).',
    },
  );
}

export function providerFailed(endpoint: ProviderEndpoint, message: string, hint: string): UpskillError {
  return new UpskillError('PROVIDER_FAILED', `${endpoint.label}: ${message}`, { hint });
}

/**
 * POSTs a JSON body to the provider: a time-out on the answer starting, and one retry on 429 or a
 * 5xx, after the provider's Retry-After when it gives one (else a short backoff). Never another
 * provider: a failure is the error, told with the provider's own message and a hint.
 */
export async function postJson(
  endpoint: ProviderEndpoint,
  url: string,
  body: unknown,
  signal?: AbortSignal,
): Promise<{ response: Response; timer: Deadline }> {
  for (let attempt = 0; ; attempt++) {
    const timer = deadline(endpoint.timeoutMs, signal);
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(endpoint.apiKey ? { authorization: `Bearer ${endpoint.apiKey}` } : {}),
        },
        body: JSON.stringify(body),
        signal: timer.signal,
      });
    } catch (error) {
      timer.clear();
      if (timer.expired()) throw timeoutError(endpoint);
      if (signal?.aborted) throw error;
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      if (cause?.code === 'UND_ERR_SOCKET')
        throw providerFailed(
          endpoint,
          'closed the connection before answering.',
          'Ask again; if it keeps happening, look at the provider’s logs (it may have crashed).',
        );
      throw providerFailed(
        endpoint,
        `could not be reached (${cause?.code ?? cause?.message ?? (error as Error).message}).`,
        'Is the server running at that address? Check the base URL in the coach settings.',
      );
    }
    if (response.ok) return { response, timer };
    const text = await response.text().catch(() => '');
    timer.clear();
    const retryable = response.status === 429 || response.status >= 500;
    const wait = retryAfterMs(response.headers.get('retry-after')) ?? endpoint.retryDelayMs;
    if (retryable && attempt === 0 && wait <= endpoint.maxRetryAfterMs) {
      await sleep(wait, undefined, signal ? { signal } : {});
      continue;
    }
    const tried = retryable && attempt > 0 ? ' (after one retry)' : '';
    const message = providerMessage(text, endpoint.apiKey);
    const waitNote =
      retryable && attempt === 0
        ? `${/[.!?]$/.test(message) ? '' : '.'} It asked to wait ${Math.round(wait / 1000)} s, too long to wait here.`
        : '';
    throw providerFailed(
      endpoint,
      `answered HTTP ${response.status}${tried}: ${message}${waitNote}`,
      hintFor(response.status, endpoint.label),
    );
  }
}

/** Reads a response body as text pieces, restarting the time-out with each piece. */
export async function* readBody(
  response: Response,
  timer: Deadline,
  endpoint: ProviderEndpoint,
): AsyncGenerator<string> {
  if (!response.body) return;
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  try {
    for (;;) {
      let chunk: Awaited<ReturnType<typeof reader.read>>;
      try {
        chunk = await reader.read();
      } catch (error) {
        if (timer.expired()) throw timeoutError(endpoint);
        if (timer.signal.aborted) throw error;
        throw providerFailed(
          endpoint,
          'the connection dropped before the answer was complete.',
          'Ask again; if it keeps happening, look at the provider’s logs (it may have run out of memory).',
        );
      }
      if (chunk.done) break;
      timer.restart();
      yield decoder.decode(chunk.value, { stream: true });
    }
    const rest = decoder.decode();
    if (rest) yield rest;
  } finally {
    timer.clear();
    // Stops the download when the reader gave up early (a broken piece, a time-out); a no-op when done.
    void reader.cancel().catch(() => undefined);
  }
}

export function cutShort(endpoint: ProviderEndpoint, marker: string): UpskillError {
  return providerFailed(
    endpoint,
    `the streamed answer ended before it was complete (no ${marker}).`,
    'Ask again; if it keeps happening, look at the provider’s logs (it may have run out of memory or been stopped).',
  );
}

export function notJson(endpoint: ProviderEndpoint, text: string): UpskillError {
  return providerFailed(
    endpoint,
    `answered with something that is not valid JSON: ${JSON.stringify(text.slice(0, 120))}.`,
    'Is the base URL the provider’s API (not its web page), and does it speak this protocol? ' +
      'Check the provider kind (openai or ollama) in the coach settings.',
  );
}
