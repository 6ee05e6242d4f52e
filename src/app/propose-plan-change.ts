import {
  contextText,
  namesIn,
  planChangeMessages,
  PlanChangeSchema,
  readPlanChange,
  redact,
  retrieveContext,
  type PlanChange,
} from '../domain/coach/index.js';
import { UpskillError } from '../domain/errors.js';
import { chatClient } from '../sources/llm/chat-client.js';
import { checkQuestion } from './ask-coach.js';
import { activeCoach, type CoachChannel, type CoachSettingsStore } from './coach-settings.js';
import { coachSources } from './coach-sources.js';
import { getProfile, previewProfilePlan, profilePlan, updateProfile, type ProfilePlan } from './profiles.js';
import type { UpskillApp } from './upskill-app.js';
import type { PlanPreferences } from '../domain/planning/learning-resource.js';

type StepResource = ProfilePlan['plan']['steps'][number]['resource'];

export interface PlanChangeProposal {
  /** `proposed`: a valid change, not applied until accepted; `rejected`: the model's replies were not valid. */
  status: 'proposed' | 'rejected';
  message: string;
  change?: PlanChange;
  /** What accepting would do to the plan. */
  effect?: {
    step: { id: string; name: string; before: StepResource; after: StepResource | null };
    endDate: { before: string; after: string };
  };
  /** Replies asked for: 1, or 2 when the first was not valid. */
  attempts: number;
}

/** The profile settings a change makes: the preferences it names replace the current ones, the rest stay. */
function settingsOf(current: PlanPreferences, change: PlanChange) {
  const preferences: PlanPreferences = {
    freeOnly: change.freeOnly ?? current.freeOnly,
    ...(change.formats ? { formats: change.formats } : current.formats ? { formats: current.formats } : {}),
  };
  return {
    ...(change.hoursPerWeek !== undefined ? { hoursPerWeek: change.hoursPerWeek } : {}),
    ...(change.formats || change.freeOnly !== undefined ? { preferences } : {}),
  };
}

/**
 * Asks the model for a plan change ("rewrite this week's step for someone who hates video courses")
 * as JSON, validated against the schema; an invalid reply is sent back once with what was wrong,
 * and a second invalid reply leaves the plan unchanged with a clear message. Nothing is applied here.
 */
export async function proposePlanChange(
  app: UpskillApp,
  store: CoachSettingsStore,
  input: { profileId: string; request: string },
  channel: CoachChannel,
): Promise<PlanChangeProposal> {
  const request = checkQuestion(input.request);
  const active = activeCoach(store, channel);
  if (!active.provider || !active.enabled)
    throw new UpskillError('COACH_OFF', 'A plan change is proposed by a model, and the coach has none turned on.', {
      hint: 'Set one up and turn it on (`upskill coach setup`, then `upskill coach on`), or change your plan settings yourself.',
    });
  const { sources, names } = await coachSources(app, { profileId: input.profileId });
  const context = retrieveContext(sources, request);
  const redacted = redact(request, { names: namesIn(request, names), employer: active.settings.employer }).text;
  const messages = planChangeMessages(context, contextText(context), redacted);
  const chat = chatClient(active.provider);
  let reply = await chat({ messages, json: true });
  let read = readPlanChange(reply, context);
  let attempts = 1;
  if (!read.change) {
    attempts = 2;
    reply = await chat({
      messages: [
        ...messages,
        { role: 'assistant', content: reply },
        { role: 'user', content: `That reply is not valid: ${read.problem}. Reply again with only the JSON object.` },
      ],
      json: true,
    });
    read = readPlanChange(reply, context);
  }
  if (!read.change)
    return {
      status: 'rejected',
      attempts,
      message: `The model’s reply was not a valid plan change twice (${read.problem}), so your plan is unchanged.`,
    };
  const change = read.change;
  const profile = await getProfile(app, input.profileId);
  const before = await profilePlan(app, input.profileId);
  const after = await previewProfilePlan(app, input.profileId, settingsOf(profile.preferences, change));
  const step = before.plan.steps.find((s) => s.id === change.stepId)!;
  const rewritten = after.plan.steps.find((s) => s.id === change.stepId);
  return {
    status: 'proposed',
    attempts,
    change,
    message: `Proposed: ${change.reason} Nothing changes until you accept it.`,
    effect: {
      step: { id: step.id, name: step.name, before: step.resource, after: rewritten?.resource ?? null },
      endDate: { before: before.plan.endDate, after: after.plan.endDate },
    },
  };
}

/** Applies a proposed change the person accepted: validated again, saved as the profile's settings. */
export async function acceptPlanChange(app: UpskillApp, profileId: string, change: unknown): Promise<ProfilePlan> {
  const parsed = PlanChangeSchema.safeParse(change);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UpskillError('BAD_INPUT', `change.${issue.path.join('.')}: ${issue.message}`);
  }
  const profile = await getProfile(app, profileId);
  await updateProfile(app, profileId, settingsOf(profile.preferences, parsed.data));
  return profilePlan(app, profileId);
}
