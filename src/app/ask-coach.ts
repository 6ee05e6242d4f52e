import {
  checkCitations,
  MAX_QUESTION_LENGTH,
  citationIds,
  coachMessages,
  namesIn,
  offlineAnswer,
  redact,
  retrieveContext,
  type ChatMessage,
  type CitationFlag,
  type GroundedContext,
  type Redaction,
} from '../domain/coach/index.js';
import { UpskillError } from '../domain/errors.js';
import { isStorableText } from '../domain/text/normalize.js';
import { chatClient, describeProvider } from '../sources/llm/chat-client.js';
import {
  activeCoach,
  coachStatus,
  type CoachChannel,
  type CoachSettingsStore,
  type CoachStatus,
} from './coach-settings.js';
import { coachSources, type CoachSubject } from './coach-sources.js';
import type { UpskillApp } from './upskill-app.js';

export interface CoachRequest {
  subject: CoachSubject;
  question: string;
}

/** A piece an answer may cite, with where the person finds it. */
export interface CitationTarget {
  id: string;
  kind: 'task' | 'step' | 'resource';
  label: string;
  /** The task on the job page, the step on the path page, or the resource's own address. */
  href: string;
}

export interface CoachPreview {
  status: CoachStatus;
  /** Exactly what would be sent to the provider, already redacted. */
  messages: ChatMessage[];
  redacted: Redaction['counts'];
  /** Every id sent, with what it points to. */
  sent: CitationTarget[];
}

export interface CoachAnswer {
  /** `model`: the configured provider answered; `offline`: assembled here without any model. */
  mode: 'model' | 'offline';
  answer: string;
  /** The pieces the answer cites that were sent. */
  citations: CitationTarget[];
  flags: CitationFlag[];
  provider: CoachStatus['provider'];
  /** Why the answer is offline when a provider is set up (it is not turned on), for instance. */
  notice?: string;
}

export function checkQuestion(question: string): string {
  const text = question.trim();
  if (text.length === 0) throw new UpskillError('BAD_INPUT', 'question: ask something (it is empty).');
  if (text.length > MAX_QUESTION_LENGTH)
    throw new UpskillError('BAD_INPUT', `question: at most ${MAX_QUESTION_LENGTH} characters, got ${text.length}.`, {
      hint: 'Ask one thing at a time; the coach already knows your tasks and plan.',
    });
  if (!isStorableText(text)) throw new UpskillError('BAD_INPUT', 'question: contains a NUL or broken character.');
  return text;
}

function targets(context: GroundedContext): CitationTarget[] {
  const code = encodeURIComponent(context.occupation.code);
  return [
    ...context.tasks.map((task) => ({
      id: `T:${task.taskId}`,
      kind: 'task' as const,
      label: task.statement,
      href: `/job?code=${code}#task-${task.taskId}`,
    })),
    ...context.steps.map((step) => ({
      id: `S:${step.id}`,
      kind: 'step' as const,
      label: `${step.name} to “${step.level}”`,
      href: `/path#step-${encodeURIComponent(step.id)}`,
    })),
    ...context.resources.map((resource) => ({
      id: `R:${resource.id}`,
      kind: 'resource' as const,
      label: `${resource.title} (${resource.provider})`,
      href: resource.url,
    })),
  ];
}

/** The grounded context for a question and the redacted messages a model would get. */
async function prepare(app: UpskillApp, store: CoachSettingsStore, request: CoachRequest, channel: CoachChannel) {
  const question = checkQuestion(request.question);
  const { sources, names } = await coachSources(app, request.subject);
  const context = retrieveContext(sources, question);
  const active = activeCoach(store, channel);
  const redaction = redact(question, { names: namesIn(question, names), employer: active.settings.employer });
  return { context, active, redaction, messages: coachMessages(context, redaction.text) };
}

/** What asking would send, and to whom — shown before the coach is turned on, and whenever asked. */
export async function previewCoach(
  app: UpskillApp,
  store: CoachSettingsStore,
  request: CoachRequest,
  channel: CoachChannel,
): Promise<CoachPreview> {
  const { context, redaction, messages } = await prepare(app, store, request, channel);
  return { status: coachStatus(store, channel), messages, redacted: redaction.counts, sent: targets(context) };
}

/** A question ready to answer: checked, its context retrieved — what can fail on the request fails here. */
export interface PreparedAnswer {
  mode: CoachAnswer['mode'];
  provider: CoachStatus['provider'];
  /** Every id the answer may cite, with where it points. */
  sent: CitationTarget[];
  answer(options?: { onDelta?: (text: string) => void; signal?: AbortSignal }): Promise<CoachAnswer>;
}

/**
 * Prepares the answer to a question from the person's grounded context: through the one configured
 * provider when the coach is turned on for it (streamed through `onDelta`, then its citations
 * checked against what was sent), else the offline answer assembled here. Nothing leaves the
 * machine before it is on.
 */
export async function prepareAnswer(
  app: UpskillApp,
  store: CoachSettingsStore,
  request: CoachRequest,
  channel: CoachChannel,
): Promise<PreparedAnswer> {
  const { context, active, messages } = await prepare(app, store, request, channel);
  const sent = targets(context);
  const cite = (ids: readonly string[]): CitationTarget[] => ids.map((id) => sent.find((target) => target.id === id)!);
  const provider = active.provider
    ? { ...describeProvider(active.provider), hasApiKey: !!active.provider.apiKey, source: active.source! }
    : null;
  const online = active.provider && active.enabled ? active.provider : undefined;
  return {
    mode: online ? 'model' : 'offline',
    provider,
    sent,
    answer: async (options = {}) => {
      if (!online) {
        const answer = offlineAnswer(context);
        options.onDelta?.(answer);
        return {
          mode: 'offline',
          answer,
          citations: cite(checkCitations(answer, citationIds(context)).cited),
          flags: [],
          provider,
          ...(provider
            ? {
                notice:
                  `The coach is set up for ${provider.label} but not turned on, so nothing was sent: ` +
                  'this is the offline answer.',
              }
            : {}),
        };
      }
      const answer = await chatClient(online)({
        messages,
        onDelta: options.onDelta ?? (() => undefined),
        ...(options.signal ? { signal: options.signal } : {}),
      });
      const check = checkCitations(answer, citationIds(context));
      return { mode: 'model', answer, citations: cite(check.cited), flags: check.flags, provider };
    },
  };
}

/** Prepares and answers in one call (the CLI's way; the API streams between the two). */
export async function askCoach(
  app: UpskillApp,
  store: CoachSettingsStore,
  request: CoachRequest,
  channel: CoachChannel,
  options: { onDelta?: (text: string) => void; signal?: AbortSignal } = {},
): Promise<CoachAnswer> {
  return (await prepareAnswer(app, store, request, channel)).answer(options);
}
