import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { EventSourceParserStream } from 'eventsource-parser/stream';
import type { z } from 'zod';
import type * as schemas from '../../../src/api/coach-schemas';
import type * as appSchemas from '../../../src/api/schemas';
import { ApiError, getJson, sendJson } from './client';

// The API's own zod schemas are the single source of these shapes (type-only: nothing is bundled).
export type CoachStatus = z.infer<typeof schemas.CoachStatusSchema>;
export type CoachPreview = z.infer<typeof schemas.CoachPreviewSchema>;
export type CoachAnswer = z.infer<typeof schemas.CoachAnswerSchema>;
export type CitationTarget = z.infer<typeof schemas.CitationTargetSchema>;
export type CoachQuestion = z.input<typeof schemas.CoachQuestionSchema>;
export type PlanChangeProposal = z.infer<typeof schemas.PlanChangeProposalSchema>;
export type ProfilePlan = z.infer<typeof appSchemas.ProfilePlanSchema>;

export const useCoachStatus = () =>
  useQuery({ queryKey: ['coach'], queryFn: () => getJson<CoachStatus>('/api/coach') });

export const useCoachPreview = () =>
  useMutation({ mutationFn: (body: CoachQuestion) => sendJson<CoachPreview>('POST', '/api/coach/preview', body) });

export function useSetCoachEnabled() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (enabled: boolean) => sendJson<CoachStatus>('PUT', '/api/coach/enabled', { enabled }),
    onSuccess: (status) => client.setQueryData(['coach'], status),
  });
}

export const useProposePlanChange = () =>
  useMutation({
    mutationFn: (body: { profileId: string; request: string }) =>
      sendJson<PlanChangeProposal>('POST', '/api/coach/propose', body),
  });

/** Applies a proposed change the person accepted; the plan and profile on every page follow. */
export function useAcceptPlanChange(profileId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: NonNullable<PlanChangeProposal['change']>) =>
      sendJson<ProfilePlan>('POST', '/api/coach/accept', { profileId, change }),
    onSuccess: (plan) => {
      client.setQueryData(['plan', profileId], plan);
      void client.invalidateQueries({ queryKey: ['profile', profileId] });
    },
  });
}

export interface CoachStreamHandlers {
  onStart(start: { mode: CoachAnswer['mode']; sent: CitationTarget[] }): void;
  onDelta(text: string): void;
}

/**
 * Asks the coach and reads its server-sent events as they come (EventSource cannot POST, so the
 * stream is read from fetch): resolves with the final answer, rejects with the provider's error.
 */
export async function askCoachStream(
  body: CoachQuestion,
  handlers: CoachStreamHandlers,
  signal: AbortSignal,
): Promise<CoachAnswer> {
  let response: Response;
  try {
    response = await fetch('/api/coach/ask', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new ApiError(0, 'OFFLINE', 'The Upskill server does not answer.', 'Start it again, then ask again.');
  }
  if (!response.ok || !response.body) {
    const problem = (await response.json().catch(() => ({}))) as { code?: string; detail?: string; hint?: string };
    throw new ApiError(
      response.status,
      problem.code ?? 'HTTP_ERROR',
      problem.detail ?? response.statusText,
      problem.hint,
    );
  }
  const events = response.body.pipeThrough(new TextDecoderStream()).pipeThrough(new EventSourceParserStream());
  for await (const event of events as unknown as AsyncIterable<{ event?: string; data: string }>) {
    const data = JSON.parse(event.data) as Record<string, unknown>;
    if (event.event === 'start') handlers.onStart(data as Parameters<CoachStreamHandlers['onStart']>[0]);
    else if (event.event === 'delta') handlers.onDelta(String(data['text']));
    else if (event.event === 'done') return data as unknown as CoachAnswer;
    else if (event.event === 'error')
      throw new ApiError(502, String(data['code']), String(data['message']), data['hint'] as string | undefined);
  }
  throw new ApiError(0, 'STREAM_ENDED', 'The answer stopped before it was complete.', 'Ask again.');
}
