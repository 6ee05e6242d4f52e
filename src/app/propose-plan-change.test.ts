import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { openLoadedApp } from '../../test/support/loaded-app.js';
import { startLoopbackServer, writeOpenAiCompletion, type LoopbackServer } from '../../test/support/loopback-server.js';
import { fileSettingsStore, saveProvider, setCoachEnabled, type CoachSettingsStore } from './coach-settings.js';
import { createProfile, getProfile, profilePlan } from './profiles.js';
import { acceptPlanChange, proposePlanChange } from './propose-plan-change.js';
import type { UpskillApp } from './upskill-app.js';

const REQUEST = 'Rewrite this week’s step for someone who hates video courses';
const NOT_VIDEO = ['course', 'article', 'book', 'docs', 'interactive'];
let app: UpskillApp;
let profileId: string;
let firstStep: string;
const homes: string[] = [];
const servers: LoopbackServer[] = [];

before(async () => {
  app = await openLoadedApp();
  profileId = (await createProfile(app, { name: 'Sam Lee', occupation: '13-1161.00', hoursPerWeek: 4 })).id;
  firstStep = (await profilePlan(app, profileId)).plan.steps[0]!.id;
});
after(async () => {
  await Promise.all(servers.map((server) => server.close()));
  await app?.close();
  for (const home of homes) rmSync(home, { recursive: true, force: true });
});

/** A coach turned on for a loopback model that gives these replies, in turn. */
async function coachWith(replies: string[]): Promise<{ store: CoachSettingsStore; server: LoopbackServer }> {
  const server = await startLoopbackServer((_req, res, index) =>
    writeOpenAiCompletion(res, replies[index] ?? 'no more'),
  );
  servers.push(server);
  const home = mkdtempSync(join(tmpdir(), 'upskill-change-'));
  homes.push(home);
  const store = fileSettingsStore(home);
  saveProvider(store, { provider: { kind: 'openai', baseUrl: `${server.url}/v1`, model: 'm' } });
  setCoachEnabled(store, true);
  return { store, server };
}

const valid = () =>
  JSON.stringify({ stepId: firstStep, formats: NOT_VIDEO, reason: 'You prefer reading and doing to watching.' });

describe(
  'structured replies: a plan change proposed, validated, applied only when accepted',
  { timeout: 120_000 },
  () => {
    test('a valid change is proposed with its effect, and the plan stays as it was until accepted', async () => {
      const { store, server } = await coachWith([valid()]);
      const proposal = await proposePlanChange(app, store, { profileId, request: REQUEST }, 'web');
      assert.equal(proposal.status, 'proposed');
      assert.equal(proposal.attempts, 1);
      assert.deepEqual(proposal.change?.formats, NOT_VIDEO);
      assert.equal(proposal.effect?.step.id, firstStep);
      assert.ok(NOT_VIDEO.includes(proposal.effect!.step.after!.format), proposal.effect!.step.after!.format);
      assert.deepEqual(JSON.parse(server.requests[0]!.body).response_format, { type: 'json_object' });
      assert.deepEqual((await getProfile(app, profileId)).preferences, { freeOnly: false }, 'nothing applied yet');

      const plan = await acceptPlanChange(app, profileId, proposal.change);
      assert.deepEqual((await getProfile(app, profileId)).preferences, { freeOnly: false, formats: NOT_VIDEO });
      for (const step of plan.plan.steps)
        assert.ok(
          step.resource.format !== 'video' || step.preferenceRelaxed,
          `${step.id} uses ${step.resource.format}`,
        );
      await acceptPlanChange(app, profileId, { stepId: firstStep, formats: [...NOT_VIDEO, 'video'], reason: 'back' });
    });

    test('an invalid reply is sent back once with what was wrong; a valid second reply is used', async () => {
      const { store, server } = await coachWith(['Sure! Here is your new plan: read more.', valid()]);
      const proposal = await proposePlanChange(app, store, { profileId, request: REQUEST }, 'web');
      assert.deepEqual([proposal.status, proposal.attempts], ['proposed', 2]);
      const retry = JSON.parse(server.requests[1]!.body) as { messages: { role: string; content: string }[] };
      assert.equal(
        retry.messages.at(-1)!.content,
        'That reply is not valid: the reply is not a JSON object. Reply again with only the JSON object.',
      );
    });

    test('two invalid replies leave the plan unchanged, saying why', async () => {
      const before = await profilePlan(app, profileId);
      const { store, server } = await coachWith([
        JSON.stringify({ stepId: 'not-a-step@9', formats: ['article'], reason: 'x' }),
        JSON.stringify({ stepId: firstStep, formats: ['podcast'], reason: 'x' }),
      ]);
      const proposal = await proposePlanChange(app, store, { profileId, request: REQUEST }, 'web');
      assert.equal(proposal.status, 'rejected');
      assert.equal(server.requests.length, 2);
      assert.match(
        proposal.message,
        /^The model’s reply was not a valid plan change twice \(formats\.0: .*\), so your plan is unchanged\.$/,
      );
      assert.match(
        JSON.parse(server.requests[1]!.body).messages.at(-1).content,
        /stepId "not-a-step@9" is not one of the steps sent/,
      );
      assert.deepEqual((await profilePlan(app, profileId)).plan, before.plan);
    });

    test('with the coach off nothing is asked; a bad change is refused on accept', async () => {
      const { store, server } = await coachWith([valid()]);
      setCoachEnabled(store, false);
      await assert.rejects(proposePlanChange(app, store, { profileId, request: REQUEST }, 'web'), {
        code: 'COACH_OFF',
      });
      assert.equal(server.requests.length, 0);
      await assert.rejects(acceptPlanChange(app, profileId, { stepId: firstStep, reason: 'nothing changes' }), {
        code: 'BAD_INPUT',
        message: /change at least one of formats, freeOnly, hoursPerWeek/,
      });
    });
  },
);
