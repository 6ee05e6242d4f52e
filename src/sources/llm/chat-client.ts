import type { ChatMessage } from '../../domain/coach/index.js';
import { ollamaChat } from './ollama-chat.js';
import { openAiChat } from './openai-chat.js';
import { DEFAULT_TIMEOUTS, type ProviderEndpoint } from './provider-http.js';
import { providerLocation, type ProviderLocation } from './provider-location.js';

export type ProviderKind = 'openai' | 'ollama';

/** A configured model: which protocol, where, which model, and the key when it needs one. */
export interface ProviderSettings {
  kind: ProviderKind;
  baseUrl: string;
  model: string;
  apiKey?: string | undefined;
  timeoutMs?: number | undefined;
  retryDelayMs?: number | undefined;
}

export interface ChatRequest {
  messages: readonly ChatMessage[];
  /** Ask for a JSON object (OpenAI's response_format, Ollama's format). */
  json?: boolean;
  /** Streams the answer: called with each piece as it arrives. Without it the answer comes in one response. */
  onDelta?: (text: string) => void;
  signal?: AbortSignal;
}

/** Sends one chat to the configured provider and resolves with the whole answer. */
export type ChatClient = (request: ChatRequest) => Promise<string>;

export const PROVIDER_NAMES: Record<ProviderKind, string> = {
  openai: 'The OpenAI-compatible server',
  ollama: 'Ollama',
};

/** The provider's base URL without a trailing slash, as requests are built from it. */
export const trimBaseUrl = (baseUrl: string): string => baseUrl.replace(/\/+$/, '');

export function describeProvider(settings: ProviderSettings): {
  kind: ProviderKind;
  baseUrl: string;
  model: string;
  location: ProviderLocation;
  label: string;
} {
  const location = providerLocation(settings.baseUrl);
  return {
    kind: settings.kind,
    baseUrl: trimBaseUrl(settings.baseUrl),
    model: settings.model,
    location,
    label: `${settings.model} via ${settings.kind === 'ollama' ? 'Ollama' : 'an OpenAI-compatible API'} at ${
      new URL(settings.baseUrl).host
    } (${location})`,
  };
}

/** The client for the one provider configured: there is no fallback to any other. */
export function chatClient(settings: ProviderSettings): ChatClient {
  const endpoint: ProviderEndpoint = {
    label: `${PROVIDER_NAMES[settings.kind]} at ${new URL(settings.baseUrl).origin}`,
    apiKey: settings.apiKey,
    timeoutMs: settings.timeoutMs ?? DEFAULT_TIMEOUTS.timeoutMs,
    retryDelayMs: settings.retryDelayMs ?? DEFAULT_TIMEOUTS.retryDelayMs,
    maxRetryAfterMs: DEFAULT_TIMEOUTS.maxRetryAfterMs,
  };
  const chat = settings.kind === 'ollama' ? ollamaChat : openAiChat;
  return (request) => chat(endpoint, trimBaseUrl(settings.baseUrl), settings.model, request);
}
