import { createParser } from 'eventsource-parser';
import type { ChatRequest } from './chat-client.js';
import {
  cutShort,
  notJson,
  postJson,
  providerFailed,
  providerMessage,
  readBody,
  type ProviderEndpoint,
} from './provider-http.js';

interface Completion {
  choices?: { message?: { content?: unknown }; delta?: { content?: unknown }; finish_reason?: unknown }[];
  error?: unknown;
}

function parse(endpoint: ProviderEndpoint, text: string): Completion {
  try {
    return JSON.parse(text) as Completion;
  } catch {
    throw notJson(endpoint, text);
  }
}

function failIfError(endpoint: ProviderEndpoint, completion: Completion, text: string): void {
  if (completion.error !== undefined)
    throw providerFailed(
      endpoint,
      providerMessage(text, endpoint.apiKey),
      'Check the model name and the coach settings.',
    );
}

/**
 * OpenAI's chat-completions protocol (OpenAI, Azure OpenAI's v1 API, vLLM, LM Studio, llama.cpp's
 * server, Ollama's /v1): POST {base}/chat/completions, the answer in choices[0].message.content, or
 * streamed as server-sent events of choices[0].delta.content ending with `data: [DONE]`.
 */
export async function openAiChat(
  endpoint: ProviderEndpoint,
  baseUrl: string,
  model: string,
  request: ChatRequest,
): Promise<string> {
  const stream = request.onDelta !== undefined;
  const { response, timer } = await postJson(
    endpoint,
    `${baseUrl}/chat/completions`,
    {
      model,
      messages: request.messages,
      stream,
      ...(request.json ? { response_format: { type: 'json_object' } } : {}),
    },
    request.signal,
  );
  if (!stream) {
    let text = '';
    for await (const piece of readBody(response, timer, endpoint)) text += piece;
    const completion = parse(endpoint, text);
    failIfError(endpoint, completion, text);
    const content = completion.choices?.[0]?.message?.content;
    if (typeof content !== 'string')
      throw providerFailed(
        endpoint,
        'answered without a message (no choices[0].message.content).',
        'Check that the model is a chat model and the base URL is the API’s (usually ending in /v1).',
      );
    return content;
  }
  let answer = '';
  let finished = false;
  let failure: Error | undefined;
  const parser = createParser({
    onEvent: (event) => {
      if (failure || finished) return;
      if (event.data.trim() === '[DONE]') return void (finished = true);
      try {
        const chunk = parse(endpoint, event.data);
        failIfError(endpoint, chunk, event.data);
        const choice = chunk.choices?.[0];
        const delta = choice?.delta?.content;
        if (typeof delta === 'string' && delta !== '') {
          answer += delta;
          request.onDelta!(delta);
        }
        if (choice?.finish_reason !== undefined && choice.finish_reason !== null) finished = true;
      } catch (error) {
        failure = error as Error;
      }
    },
  });
  for await (const piece of readBody(response, timer, endpoint)) {
    parser.feed(piece);
    if (failure) throw failure;
    if (finished) break;
  }
  if (!finished) throw cutShort(endpoint, '[DONE]');
  return answer;
}
