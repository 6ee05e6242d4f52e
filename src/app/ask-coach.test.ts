import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { MODEL_WOULD_ADD } from '../domain/coach/index.js';
import { openLoadedApp } from '../../test/support/loaded-app.js';
import {
  startLoopbackServer,
  writeOllama,
  writeOpenAiStream,
  type LoopbackServer,
  type SeenRequest,
} from '../../test/support/loopback-server.js';
import { askCoach, previewCoach } from './ask-coach.js';
import { fileSettingsStore, saveProvider, setCoachEnabled, type CoachSettingsStore } from './coach-settings.js';
import { createProfile, profilePlan } from './profiles.js';
import type { UpskillApp } from './upskill-app.js';

const NURSE = '29-1141.00';
const MARKETING = '13-1161.00';
const QUESTIONS = {
  task: (task: string) => `How would I use AI on ${task}?`,
  twoHours: 'Which should I learn first if I only have two hours?',
  patientNotes: 'Is it safe to paste patient notes into ChatGPT?',
};

let app: UpskillApp;
let nurse: string;
let marketer: string;
const homes: string[] = [];
const servers: LoopbackServer[] = [];

function freshStore(): CoachSettingsStore {
  const home = mkdtempSync(join(tmpdir(), 'upskill-coach-'));
  homes.push(home);
  return fileSettingsStore(home);
}

/** The user message a provider received: the context and the question. */
const userContent = (request: SeenRequest): string =>
  (JSON.parse(request.body) as { messages: { role: string; content: string }[] }).messages.find(
    (m) => m.role === 'user',
  )!.content;

before(async () => {
  app = await openLoadedApp();
  nurse = (
    await createProfile(app, {
      name: 'Jane Doe',
      occupation: NURSE,
      hoursPerWeek: 5,
      resumeText: 'Jane Doe — Registered Nurse\nSkills\nPatient education, Excel',
    })
  ).id;
  marketer = (await createProfile(app, { name: 'Sam Lee', occupation: MARKETING, hoursPerWeek: 4 })).id;
});
after(async () => {
  await Promise.all(servers.map((server) => server.close()));
  await app?.close();
  for (const home of homes) rmSync(home, { recursive: true, force: true });
});

async function offline(profileId: string, question: string) {
  const answer = await askCoach(app, freshStore(), { subject: { profileId }, question }, 'web');
  assert.equal(answer.mode, 'offline');
  assert.ok(answer.answer.endsWith(MODEL_WOULD_ADD), 'says what a model would add');
  return answer;
}

describe('the offline coach: useful answers from the grounded context, without any model', { timeout: 120_000 }, () => {
  test('nurse — using AI on care plans: the care-plan task’s guidance with its human-only warning', async () => {
    const answer = await offline(nurse, QUESTIONS.task('care plans'));
    assert.match(
      answer.answer,
      new RegExp(
        '^How AI helps with “Consult and coordinate with healthcare team members to assess, plan, implement, or ' +
          'evaluate patient care plans\\.” \\[T:1843\\] \\(Confer with healthcare or other professionals about ' +
          'patient care, risk class human-only\\)',
      ),
    );
    assert.match(answer.answer, /SBAR/);
    assert.match(answer.answer, /\nHUMAN-ONLY: AI may prepare information for this task, it never decides or acts\./);
    assert.match(answer.answer, /\nNext in your plan: /);
    assert.deepEqual(
      answer.citations.map((c) => [c.id, c.href]),
      [['T:1843', `/job?code=${NURSE}#task-1843`], ...answer.citations.slice(1).map((c) => [c.id, c.href])],
    );
  });

  test('nurse — two hours: the first open step of their own plan, with its resource', async () => {
    const plan = await profilePlan(app, nurse);
    const first = plan.plan.steps[0]!;
    const answer = await offline(nurse, QUESTIONS.twoHours);
    assert.ok(first.hours <= 2, 'the nurse’s first step fits in two hours');
    assert.match(
      answer.answer,
      /^With 2 hours, these steps of your plan fit \(2 hours\):\n1\. AI literacy to “aware”, 2 hours/,
    );
    assert.ok(answer.answer.includes(`“${first.resource.title}”`), first.resource.title);
    assert.ok(answer.answer.includes(`[S:${first.id}]`) && answer.answer.includes(`[R:${first.resource.id}]`));
    assert.deepEqual(answer.citations.map((c) => c.id).sort(), [`R:${first.resource.id}`, `S:${first.id}`].sort());
  });

  test('nurse — pasting patient notes: the records tasks’ never-paste rule leads, naming consumer chatbots', async () => {
    const answer = await offline(nurse, QUESTIONS.patientNotes);
    assert.match(
      answer.answer,
      new RegExp(
        '^What your tasks’ guidance says about data and AI tools:\\n- “Maintain accurate, detailed reports and ' +
          'records\\.” \\[T:1839\\]: CAUTION: this task touches personal, confidential or regulated data\\. ' +
          'Never paste: Any patient-identifiable record, including names, record numbers, dates of birth, diagnoses ' +
          "and images, never goes into a consumer chatbot or an unapproved app; use only your organisation's " +
          "approved health-record and documentation tools\\.\\n- “Record patients' medical information and vital " +
          'signs\\.” \\[T:1841\\]: CAUTION',
      ),
    );
    assert.ok(answer.citations.some((c) => c.id === 'T:1839'));
  });

  test('marketing specialist — using AI on market research reports: the reporting task’s recipe and tools', async () => {
    const answer = await offline(marketer, QUESTIONS.task('market research reports'));
    assert.match(
      answer.answer,
      new RegExp(
        '^How AI helps with “Prepare reports of findings, illustrating data graphically and translating complex ' +
          'findings into written text\\.” \\[T:5434\\] \\(Present research or technical information, risk class ' +
          'assist\\)',
      ),
    );
    assert.match(answer.answer, /\n1\. Give the assistant your results, methods and the audience/);
    assert.match(answer.answer, /\nTools: AI presentation tools \(Gamma, Beautiful\.ai/);
    assert.doesNotMatch(answer.answer, /HUMAN-ONLY|CAUTION/);
  });

  test('marketing specialist — two hours: their own first step, not the nurse’s', async () => {
    const plan = await profilePlan(app, marketer);
    const first = plan.plan.steps[0]!;
    const answer = await offline(marketer, QUESTIONS.twoHours);
    assert.ok(
      answer.answer.startsWith(`With 2 hours, these steps of your plan fit (${first.hours} hours):\n1. ${first.name}`),
    );
    assert.ok(answer.answer.includes(`“${first.resource.title}”`));
    assert.doesNotMatch(answer.answer, /nurse/i);
  });

  test('marketing specialist — patient notes: their own data rule (survey answers), no clinical guidance', async () => {
    const answer = await offline(marketer, QUESTIONS.patientNotes);
    assert.match(answer.answer, /\[T:5435\]: CAUTION: .*Never paste: Never paste identifiable staff survey answers/);
    assert.doesNotMatch(answer.answer, /patient-identifiable|EHR/);
  });
});

/** A provider that answers citing the first task and step ids it was sent, as a grounded model would. */
function groundedModel(request: SeenRequest, res: Parameters<typeof writeOpenAiStream>[0]): void {
  const content = userContent(request);
  const task = /\[(T:\d+)\]/.exec(content)![1];
  const step = /\[(S:[^\]]+)\]/.exec(content)![1];
  writeOpenAiStream(res, [`Start with the records task [${task}] `, `and learn [${step}].`]);
}

describe('privacy and grounding against a real loopback provider', { timeout: 120_000 }, () => {
  test('nothing is sent before the coach is turned on: the provider sees zero requests, the answer is offline', async () => {
    const server = await startLoopbackServer(groundedModel);
    servers.push(server);
    const store = freshStore();
    saveProvider(store, { provider: { kind: 'openai', baseUrl: `${server.url}/v1`, model: 'm' } });
    const request = { subject: { profileId: nurse }, question: QUESTIONS.patientNotes };
    const preview = await previewCoach(app, store, request, 'web');
    const web = await askCoach(app, store, request, 'web');
    const cli = await askCoach(app, store, request, 'cli');
    assert.equal(server.requests.length, 0);
    assert.equal(preview.status.enabled, false);
    assert.equal(preview.status.provider?.location, 'local');
    assert.deepEqual([web.mode, cli.mode], ['offline', 'offline']);
    assert.match(web.notice!, /not turned on, so nothing was sent/);
  });

  test('once on, the provider gets exactly the preview — names, e-mail and phone redacted, warnings carried', async () => {
    const server = await startLoopbackServer(groundedModel);
    servers.push(server);
    const store = freshStore();
    saveProvider(store, {
      provider: { kind: 'openai', baseUrl: `${server.url}/v1`, model: 'm' },
      employer: 'Mercy General',
    });
    setCoachEnabled(store, true);
    const question =
      "I'm Jane Doe (jane.doe@example.org, +1 415 555 0134) at Mercy General: is it safe to paste patient notes into ChatGPT?";
    const request = { subject: { profileId: nurse }, question };
    const preview = await previewCoach(app, store, request, 'web');
    const pieces: string[] = [];
    const answer = await askCoach(app, store, request, 'web', { onDelta: (p) => pieces.push(p) });
    assert.equal(server.requests.length, 1);
    const body = server.requests[0]!.body;
    assert.deepEqual(JSON.parse(body).messages, preview.messages, 'what was sent is what the preview showed');
    for (const secret of ['Jane', 'Doe', 'jane.doe@example.org', '415 555 0134', 'Mercy General'])
      assert.ok(!body.includes(secret), `the provider never sees ${secret}`);
    assert.match(
      userContent(server.requests[0]!),
      /QUESTION\nI'm \[name\] \(\[email\], \[phone\]\) at \[employer\]: is it safe/,
    );
    assert.deepEqual(preview.redacted, { name: 1, email: 1, phone: 1, employer: 1 });
    assert.match(
      userContent(server.requests[0]!),
      /\[T:1839\] Maintain accurate, detailed reports and records\..*\n {2}WARNING CAUTION: .*Never paste: Any patient-identifiable record/,
    );
    assert.equal(answer.mode, 'model');
    assert.deepEqual(pieces, ['Start with the records task [T:1839] ', `and learn [${answer.citations[1]!.id}].`]);
    assert.deepEqual(answer.flags, [], 'cites only what was sent');
    assert.deepEqual(answer.citations[0], {
      id: 'T:1839',
      kind: 'task',
      label: 'Maintain accurate, detailed reports and records.',
      href: `/job?code=${NURSE}#task-1839`,
    });
    assert.equal(answer.citations[1]!.kind, 'step');
  });

  test('an answer citing an id that was not sent, or nothing, is flagged (Ollama’s API)', async () => {
    const server = await startLoopbackServer((req, res, index) =>
      writeOllama(res, [index === 0 ? 'Use AI on it [T:999999].' : 'Just use ChatGPT.'], {
        stream: JSON.parse(req.body).stream,
      }),
    );
    servers.push(server);
    const store = freshStore();
    saveProvider(store, { provider: { kind: 'ollama', baseUrl: server.url, model: 'llama3.2' } });
    setCoachEnabled(store, true);
    const request = { subject: { profileId: marketer }, question: QUESTIONS.task('market research reports') };
    const unknown = await askCoach(app, store, request, 'cli', { onDelta: () => undefined });
    assert.deepEqual(
      unknown.flags.map((flag) => flag.code),
      ['UNKNOWN_CITATION'],
    );
    assert.deepEqual(unknown.citations, []);
    const none = await askCoach(app, store, request, 'cli', { onDelta: () => undefined });
    assert.deepEqual(
      none.flags.map((flag) => flag.code),
      ['NO_CITATIONS'],
    );
    assert.equal(server.requests[0]!.url, '/api/chat');
  });

  test('a question that is empty or too long is refused before anything is computed or sent', async () => {
    const store = freshStore();
    await assert.rejects(
      askCoach(app, store, { subject: { profileId: nurse }, question: '  ' }, 'web'),
      /question: ask something/,
    );
    await assert.rejects(
      askCoach(app, store, { subject: { profileId: nurse }, question: 'x'.repeat(2001) }, 'web'),
      /question: at most 2000 characters, got 2001/,
    );
  });
});
