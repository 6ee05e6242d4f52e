import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import { prepareAnswer, previewCoach, type CoachRequest } from '../../app/ask-coach.js';
import { coachSettingsStore, coachStatus, setCoachEnabled } from '../../app/coach-settings.js';
import type { UpskillApp } from '../../app/upskill-app.js';
import { isUpskillError } from '../../domain/errors.js';
import { acceptPlanChange, proposePlanChange } from '../../app/propose-plan-change.js';
import { ProfilePlanSchema } from '../schemas.js';
import { accessOf } from '../access-guard.js';
import { assertMayAccessProfile } from '../../app/profiles.js';
import {
  AcceptPlanChangeSchema,
  PlanChangeProposalSchema,
  PlanChangeRequestSchema,
  CoachAnswerSchema,
  CoachEnabledSchema,
  CoachPreviewSchema,
  CoachQuestionSchema,
  CoachStatusSchema,
} from '../coach-schemas.js';
import { json, problemResponse } from '../openapi-responses.js';

const questionBody = { body: { required: true, content: { 'application/json': { schema: CoachQuestionSchema } } } };

const routes = {
  status: createRoute({
    method: 'get',
    path: '/api/coach',
    summary: 'The coach’s provider (never its key), whether it is local or remote, and whether it is turned on',
    responses: { 200: json(CoachStatusSchema, 'The coach’s status') },
  }),
  enable: createRoute({
    method: 'put',
    path: '/api/coach/enabled',
    summary: 'Turn the coach on (or off) for the provider set up: nothing is sent to it before',
    request: { body: { required: true, content: { 'application/json': { schema: CoachEnabledSchema } } } },
    responses: {
      200: json(CoachStatusSchema, 'The coach’s status'),
      400: problemResponse('No provider is set up'),
    },
  }),
  preview: createRoute({
    method: 'post',
    path: '/api/coach/preview',
    summary: 'Exactly what asking would send to the provider (redacted), and to whom; sends nothing',
    request: questionBody,
    responses: {
      200: json(CoachPreviewSchema, 'What would be sent'),
      400: problemResponse('Invalid question'),
      404: problemResponse('Unknown profile or occupation'),
    },
  }),
  ask: createRoute({
    method: 'post',
    path: '/api/coach/ask',
    summary: 'Ask the coach: the answer streams as server-sent events',
    description:
      'Events: `start` (mode, provider, the ids the answer may cite), `delta` ({"text"}: a piece of the answer), ' +
      '`done` (a CoachAnswer: the whole answer, its checked citations and flags), or `error` ({"code","message","hint"}) ' +
      'when the provider fails. Without a provider, or before the coach is turned on, the offline answer comes as one delta.',
    request: questionBody,
    responses: {
      200: {
        content: {
          'text/event-stream': {
            schema: z.string().openapi({ description: 'server-sent events; `done` carries a CoachAnswer' }),
          },
        },
        description: 'The streamed answer',
      },
      400: problemResponse('Invalid question'),
      404: problemResponse('Unknown profile or occupation'),
    },
  }),
  propose: createRoute({
    method: 'post',
    path: '/api/coach/propose',
    summary: 'Ask the model for a plan change (validated, retried once); nothing is applied until accepted',
    request: { body: { required: true, content: { 'application/json': { schema: PlanChangeRequestSchema } } } },
    responses: {
      200: json(PlanChangeProposalSchema, 'The proposal, or why the replies were not valid (the plan is unchanged)'),
      400: problemResponse('Invalid request'),
      404: problemResponse('Unknown profile'),
      409: problemResponse('The coach has no model turned on'),
    },
  }),
  accept: createRoute({
    method: 'post',
    path: '/api/coach/accept',
    summary: 'Apply a proposed plan change the person accepted; returns the re-planned plan',
    request: { body: { required: true, content: { 'application/json': { schema: AcceptPlanChangeSchema } } } },
    responses: {
      200: json(ProfilePlanSchema, 'The plan with the change'),
      400: problemResponse('Not a valid plan change'),
      404: problemResponse('Unknown profile'),
    },
  }),
};

function coachRequest(body: z.infer<typeof CoachQuestionSchema>): CoachRequest {
  return {
    question: body.question,
    subject: body.profileId !== undefined ? { profileId: body.profileId } : { occupation: body.occupation! },
  };
}

export function registerCoachRoutes(api: OpenAPIHono, app: UpskillApp): void {
  const store = () => coachSettingsStore(app);
  // The coach reads a person's plan when the body names their profile: the caller must be one who may see it.
  const mayAsk = async (c: Parameters<typeof accessOf>[0], profileId: string | undefined): Promise<void> => {
    if (profileId !== undefined) await assertMayAccessProfile(app, accessOf(c).principal, profileId);
  };
  // The `done` event carries a CoachAnswer: listed in the document's schemas though no JSON response uses it.
  api.openAPIRegistry.register('CoachAnswer', CoachAnswerSchema);
  api.openapi(routes.status, (c) => c.json(coachStatus(store(), 'web'), 200));
  api.openapi(routes.enable, (c) => {
    setCoachEnabled(store(), c.req.valid('json').enabled);
    return c.json(coachStatus(store(), 'web'), 200);
  });
  api.openapi(routes.preview, async (c) => {
    const body = c.req.valid('json');
    await mayAsk(c, body.profileId);
    return c.json(await previewCoach(app, store(), coachRequest(body), 'web'), 200);
  });
  api.openapi(routes.propose, async (c) => {
    const body = c.req.valid('json');
    await mayAsk(c, body.profileId);
    return c.json(await proposePlanChange(app, store(), body, 'web'), 200);
  });
  api.openapi(routes.accept, async (c) => {
    const body = c.req.valid('json');
    await mayAsk(c, body.profileId);
    return c.json(await acceptPlanChange(app, body.profileId, body.change), 200);
  });
  api.openapi(routes.ask, async (c) => {
    await mayAsk(c, c.req.valid('json').profileId);
    // Everything the client got wrong fails here, as a problem response, before the stream starts.
    const prepared = await prepareAnswer(app, store(), coachRequest(c.req.valid('json')), 'web');
    return streamSSE(c, async (stream) => {
      const aborted = new AbortController();
      stream.onAbort(() => aborted.abort());
      await stream.writeSSE({
        event: 'start',
        data: JSON.stringify({ mode: prepared.mode, provider: prepared.provider, sent: prepared.sent }),
      });
      // Pieces are written one after another, in the order they came, before the final event.
      let written = Promise.resolve();
      try {
        const answer = await prepared.answer({
          signal: aborted.signal,
          onDelta: (text) => {
            // A client that went away cannot be written to; the abort above already stops the provider.
            written = written
              .then(() => stream.writeSSE({ event: 'delta', data: JSON.stringify({ text }) }))
              .catch(() => undefined);
          },
        });
        await written;
        await stream.writeSSE({ event: 'done', data: JSON.stringify(answer) });
      } catch (error) {
        await written;
        if (aborted.signal.aborted) return;
        const known = isUpskillError(error);
        if (!known) console.error(error);
        await stream.writeSSE({
          event: 'error',
          data: JSON.stringify(
            known
              ? { code: error.code, message: error.message, hint: error.hint }
              : { code: 'INTERNAL', message: 'Something went wrong on the server; the error was logged.' },
          ),
        });
      }
    }) as never;
  });
}
