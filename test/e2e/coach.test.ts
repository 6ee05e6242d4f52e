import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startLoopbackServer, writeOpenAiCompletion, type LoopbackServer } from '../support/loopback-server.js';
import {
  assertAccessible,
  browserSkip,
  launchChromium,
  saveScreenshot,
  startUpskill,
  type RunningServer,
} from './web-session.js';

const NURSE = '29-1141.00';
const NOT_VIDEO = ['course', 'article', 'book', 'docs', 'interactive'];
let server: RunningServer;
let model: LoopbackServer;
let browser: Browser;
let page: Page;
let profileId: string;

/**
 * A local model on loopback speaking OpenAI's streamed chat completions: it cites the first task and
 * the first step of the context it was sent, a piece at a time with a pause, as a real model streams.
 */
async function startModel(): Promise<LoopbackServer> {
  return startLoopbackServer(async (request, res) => {
    const body = JSON.parse(request.body) as { messages: { role: string; content: string }[]; stream: boolean };
    const context = body.messages.find((m) => m.role === 'user')!.content;
    const task = /\[(T:\d+)\]/.exec(context)![1];
    const step = /\[(S:[^\]]+)\]/.exec(context)![1]!;
    // A plan change is asked for as JSON, not streamed.
    if (!body.stream)
      return writeOpenAiCompletion(
        res,
        JSON.stringify({ stepId: step.slice(2), formats: NOT_VIDEO, reason: 'You learn best by reading and doing.' }),
      );
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    for (const piece of [`Draft it in your approved record tool [${task}]. `, 'Then, ', `this step: [${step}].`]) {
      res.write(`data: ${JSON.stringify({ choices: [{ delta: { content: piece }, finish_reason: null }] })}\n\n`);
      await sleep(400);
    }
    res.end('data: [DONE]\n\n');
  });
}

const panel = () => page.getByRole('region', { name: 'Ask the coach' });
const answerLog = () => panel().getByRole('log', { name: 'The coach’s answer' });
const focusedId = (): Promise<string> => page.evaluate<string>('document.activeElement?.id ?? ""');

describe('web app: the coach’s chat panel in headless Chromium', { skip: browserSkip, timeout: 300_000 }, () => {
  before(async () => {
    model = await startModel();
    [server, browser] = await Promise.all([
      startUpskill([], {
        UPSKILL_LLM_PROVIDER: 'openai',
        UPSKILL_LLM_BASE_URL: `${model.url}/v1`,
        UPSKILL_LLM_MODEL: 'tiny-local',
      }),
      launchChromium(),
    ]);
    const response = await fetch(`${server.origin}/api/profiles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.origin },
      body: JSON.stringify({ name: 'Jane Doe', occupation: NURSE, hoursPerWeek: 5 }),
    });
    profileId = ((await response.json()) as { id: string }).id;
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      bypassCSP: true,
      timezoneId: 'UTC',
    });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(server.origin);
    await page.evaluate(`localStorage.setItem('upskill.profile', ${JSON.stringify(profileId)})`);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    await model?.close();
  });

  test('off until turned on: asked with the keyboard, the offline answer comes and the model sees nothing', async () => {
    await page.goto(`${server.origin}/job`);
    await panel().waitFor();
    await panel()
      .getByText(/Model: tiny-local at 127\.0\.0\.1:\d+ local · off: nothing is sent until you turn it on/)
      .waitFor();
    await panel().getByLabel('Your question').focus();
    await page.keyboard.type('Is it safe to paste patient notes into ChatGPT?');
    await page.keyboard.press('Enter');
    await answerLog()
      .getByText(/What your tasks’ guidance says about data and AI tools:/)
      .waitFor();
    await answerLog()
      .getByText(/not turned on, so nothing was sent/)
      .waitFor();
    await answerLog().getByText('Offline answer, assembled from your data without a model.').waitFor();
    assert.equal(model.requests.length, 0);
    const link = answerLog()
      .getByRole('link', { name: /^\[T:1839\] your task: Maintain accurate, detailed reports and records\.$/ })
      .first();
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction('document.activeElement?.id === "task-1839"');
    assert.equal(new URL(page.url()).hash, '#task-1839');
    await assertAccessible(page, 'Your job and AI with the coach’s offline answer');
  });

  test('the preview shows exactly what would be sent; turned on, the answer streams in with linked citations', async () => {
    const question = panel().getByLabel('Your question');
    await question.fill('How would I use AI on care plans?');
    await panel().getByRole('button', { name: 'Show what would be sent' }).click();
    const preview = panel().getByRole('region', { name: 'What would be sent' });
    await preview
      .getByText(/Exactly this would be sent to tiny-local via an OpenAI-compatible API at 127\.0\.0\.1:\d+ \(local\)/)
      .waitFor();
    const sent = await preview.locator('pre').last().innerText();
    assert.match(sent, /^CONTEXT\nOccupation: Registered Nurses \(O\*NET 29-1141\.00\)/);
    assert.match(sent, /\[T:1843\] Consult and coordinate with healthcare team members.*\n {2}WARNING HUMAN-ONLY/);
    assert.match(sent, /\n\nQUESTION\nHow would I use AI on care plans\?$/);
    assert.equal(model.requests.length, 0, 'the preview sends nothing');
    await assertAccessible(page, 'the coach’s preview');

    await preview.getByRole('button', { name: 'Turn the coach on and send it' }).click();
    // Streamed: the first piece is on the page while the rest is still coming.
    await answerLog()
      .locator('.coach-answer-text')
      .getByText(/^Draft it in your approved record tool \[T:1843\]/)
      .waitFor();
    assert.equal(await answerLog().getAttribute('aria-busy'), 'true', 'still answering');
    assert.doesNotMatch(await answerLog().innerText(), /this step/);
    await answerLog().getByText('Answered by tiny-local via an OpenAI-compatible API', { exact: false }).waitFor();
    assert.equal(model.requests.length, 1);
    assert.equal(
      JSON.parse(model.requests[0]!.body).messages[1].content,
      sent,
      'what was sent is what the preview showed',
    );
    assert.equal(await answerLog().getAttribute('aria-busy'), 'false');
    await panel()
      .getByText(/ · on$/)
      .waitFor();
    const cited = answerLog().getByRole('region').or(answerLog().locator('.coach-citations')).getByRole('listitem');
    assert.equal(await cited.count(), 2);
    await saveScreenshot(page, '8-coach', false);
    await assertAccessible(page, 'the coach’s streamed answer');

    // The step cited on the job page opens the path page at that step.
    const stepLink = answerLog()
      .locator('.coach-answer-text')
      .getByRole('link', { name: /^\[S:[^\]]+\] plan step: / });
    const stepId = decodeURIComponent(new URL((await stepLink.getAttribute('href'))!, server.origin).hash.slice(1));
    await stepLink.click();
    await page.waitForURL(/\/path#step-/);
    await page.getByRole('heading', { level: 1, name: 'Your path' }).waitFor();
    await page.waitForFunction(`document.activeElement?.id === ${JSON.stringify(stepId)}`);
    assert.equal(await focusedId(), stepId);
  });

  test('the path page has the panel too; a task it cites opens the job page at that task', async () => {
    await panel().getByLabel('Your question').fill('Which should I learn first if I only have two hours?');
    await panel().getByRole('button', { name: 'Ask' }).click();
    const taskLink = answerLog()
      .locator('.coach-answer-text')
      .getByRole('link', { name: /^\[T:\d+\] your task: / });
    await taskLink.waitFor();
    const taskId = new URL((await taskLink.getAttribute('href'))!, server.origin).hash.slice(1);
    await answerLog().getByText('Answered by', { exact: false }).waitFor();
    await assertAccessible(page, 'Your path with the coach');
    await taskLink.click();
    await page.waitForURL(/\/job\?code=29-1141\.00#task-\d+$/);
    await page.waitForFunction(`document.activeElement?.id === ${JSON.stringify(taskId)}`);
    assert.equal(model.requests.length, 2);
  });

  test('a plan change the model proposes is applied only when accepted', async () => {
    await page.goto(`${server.origin}/path`);
    await panel().getByLabel('Your question').fill('Rewrite this week’s step for someone who hates video courses');
    await panel().getByRole('button', { name: 'Propose a plan change' }).click();
    const proposal = panel().getByRole('region', { name: 'Proposed plan change' });
    await proposal
      .getByText(/^Proposed: You learn best by reading and doing\. Nothing changes until you accept it\.$/)
      .waitFor();
    const profile = async () =>
      (await (await fetch(`${server.origin}/api/profiles/${profileId}`)).json()) as {
        preferences: { formats?: string[] };
      };
    assert.equal((await profile()).preferences.formats, undefined, 'not applied before accepting');
    await assertAccessible(page, 'a proposed plan change');
    await proposal.getByRole('button', { name: 'Accept the change' }).click();
    await proposal.getByText('Accepted: your plan now follows this change.').waitFor();
    assert.deepEqual((await profile()).preferences.formats, NOT_VIDEO);
  });
});
