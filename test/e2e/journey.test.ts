import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import ICAL from 'ical.js';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { makePdf } from '../support/documents.js';
import { sourceTasks } from '../support/source-tasks.js';
import {
  assertAccessible,
  browserSkip,
  hasNoHorizontalOverflow,
  launchChromium,
  saveScreenshot,
  startUpskill,
  type RunningServer,
} from './web-session.js';

const MARKETING = '13-1161.00';
const MARKETING_TITLE = 'Market Research Analysts and Marketing Specialists';
const RESUME_LINES = [
  'Jane Doe — Marketing Specialist',
  'Summary',
  'Marketing specialist with six years in B2B campaigns.',
  'Skills',
  'Excel, Google Analytics, SQL, ChatGPT, prompt engineering',
  'Experience',
  'Ran email campaigns for a software firm and reported results with Python.',
];

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let resumePdf: Uint8Array;
const requests: string[] = [];

const api = async <T>(path: string, init?: RequestInit): Promise<T> =>
  (await (await fetch(`${server.origin}${path}`, init)).json()) as T;
const profileId = (): Promise<string> => page.evaluate<string>("localStorage.getItem('upskill.profile')");
const nav = (name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name });
const scrollY = (): Promise<number> => page.evaluate<number>('window.scrollY');
const focused = (): Promise<string> =>
  page.evaluate<string>("`${document.activeElement?.tagName ?? ''} ${document.activeElement?.textContent ?? ''}`");

/** Follows a "Next:" link from far down a page: the next page opens at its top, with focus on its heading. */
async function followNext(link: string, heading: string): Promise<void> {
  const next = page.getByRole('main').getByRole('link', { name: link });
  await next.scrollIntoViewIfNeeded();
  assert.ok((await scrollY()) > 300, `"${link}" is down the page (scrolled ${await scrollY()} px)`);
  await next.click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await page
    .waitForFunction("window.scrollY === 0 && document.activeElement?.tagName === 'H1'", undefined, { timeout: 5_000 })
    .catch(() => undefined); // the assertions below say what is wrong
  assert.equal(await scrollY(), 0, `${heading} opens at its top`);
  assert.equal(await focused(), `H1 ${heading}`, `focus is on the heading of ${heading}`);
}

describe('web app: the worker journey in headless Chromium', { skip: browserSkip, timeout: 300_000 }, () => {
  before(async () => {
    [server, browser, resumePdf] = await Promise.all([startUpskill(), launchChromium(), makePdf(RESUME_LINES)]);
    // bypassCSP only lets the test inject axe-core; the app's own CSP is checked in the API tests.
    context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      bypassCSP: true,
      acceptDownloads: true,
      timezoneId: 'UTC',
    });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('request', (request) => requests.push(request.url()));
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('Start: suggestions while typing, a PDF résumé read on this machine, hours and goal', async () => {
    await page.goto(server.origin);
    await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Generative AI and your job' }).waitFor());
    const title = page.getByRole('combobox', { name: 'Your job title' });
    await title.fill('marketing specialist');
    const option = page.getByRole('option', { name: new RegExp(MARKETING_TITLE) });
    await option.waitFor();
    assert.ok((await page.getByRole('option').count()) >= 3, 'several suggestions');
    await option.click();
    await page.getByText(`(${MARKETING})`).waitFor();

    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'jane-doe.pdf', mimeType: 'application/pdf', buffer: Buffer.from(resumePdf) });
    const form = new FormData();
    form.append('file', new Blob([Buffer.from(resumePdf)]), 'jane-doe.pdf');
    const extraction = await api<{ skills: { negated: boolean }[] }>('/api/extract', { method: 'POST', body: form });
    const found = extraction.skills.filter((s) => !s.negated).length;
    await page.getByText(`Read jane-doe.pdf (1 page): found ${found} skills.`).waitFor();

    await page.getByLabel(/Time to learn/).fill('6');
    await page.getByText('6 hours a week').waitFor();
    assert.equal(await page.getByLabel('Your goal').inputValue(), 'ai-augmented');
    await assertAccessible(page, 'Start');
    await saveScreenshot(page, '1-start');

    await page.getByRole('button', { name: 'Show my job and AI' }).click();
    await page.waitForURL('**/job');
    const profile = await api<{ occupationCode: string; hoursPerWeek: number; resumeText: string }>(
      `/api/profiles/${await profileId()}`,
    );
    assert.deepEqual([profile.occupationCode, profile.hoursPerWeek], [MARKETING, 6]);
    assert.match(profile.resumeText, /Google Analytics/);
  });

  test('Your job and AI: the chart, every task with both raters and what to do, filters, hours saved', async () => {
    const tasks = [...sourceTasks(MARKETING).values()];
    const exposed = tasks.filter((t) => t.human !== 'E0' || t.gpt4 !== 'E0');
    const core = tasks.filter((t) => t.type === 'Core');
    await page.getByRole('heading', { level: 1, name: MARKETING_TITLE }).waitFor();
    await page.getByText(`Showing ${tasks.length} of ${tasks.length} tasks`).waitFor();
    const items = page.locator('.task-list > li');
    assert.equal(await items.count(), tasks.length);
    for (const task of tasks.slice(0, 3)) {
      const item = items.filter({ hasText: task.statement });
      assert.equal(await item.count(), 1, task.statement);
      const badges = await item.locator('.badge').allInnerTexts();
      assert.deepEqual(
        badges.map((b) => /E[012]/.exec(b)?.[0]),
        [task.human, task.gpt4],
        `both raters' labels for "${task.statement}"`,
      );
    }
    // Every task shows its guidance and risk class — the exposed ones and the rest — and what stays human.
    assert.equal(await page.locator('.task-ai').count(), tasks.length, 'every task shows its guidance');
    assert.equal(await page.locator('.task-ai').filter({ hasText: 'Stays with you:' }).count(), tasks.length);
    assert.ok(exposed.length > 0);

    const view = await api<{
      exposure: { gpt4: { beta: number } };
      hoursSaved: { low: number; high: number };
      observedUse: { applicability: { score: number } | null };
    }>(`/api/occupations/${MARKETING}`);
    const chart = page.getByRole('img', {
      name: new RegExp(
        `${Math.round(view.exposure.gpt4.beta * 100)}% of its work is exposed to generative AI according to GPT-4,`,
      ),
    });
    await chart.waitFor();
    await page.getByText(`You are here · ${Math.round(view.exposure.gpt4.beta * 100)}%`).waitFor();
    await page.getByRole('radio', { name: 'Human raters' }).check();
    await page.getByRole('img', { name: /according to human raters/ }).waitFor();
    assert.equal(
      await page.locator('.big-number').innerText(),
      `${view.hoursSaved.low}–${view.hoursSaved.high} hours a week`,
    );
    const observed = page.getByRole('region', { name: 'What people actually do with AI' });
    await observed.getByText(`AI applicability score ${view.observedUse.applicability!.score.toFixed(2)}`).waitFor();

    const related = page.getByRole('region', { name: 'Related occupations' });
    await related.getByRole('link', { name: 'Marketing Managers', exact: true }).waitFor();
    assert.ok((await page.getByRole('region', { name: 'Technology used in this job' }).locator('li').count()) > 0);

    await page.getByRole('checkbox', { name: 'Only core tasks' }).check();
    await page.getByText(`Showing ${core.length} of ${tasks.length} tasks`).waitFor();
    await page.getByRole('checkbox', { name: 'Only tasks AI can help with' }).check();
    const both = core.filter((t) => exposed.includes(t)).length;
    await page.getByText(`Showing ${both} of ${tasks.length} tasks`).waitFor();
    await page.getByRole('checkbox', { name: 'Only core tasks' }).uncheck();
    await page.getByText(`Showing ${exposed.length} of ${tasks.length} tasks`).waitFor();
    await assertAccessible(page, 'Your job and AI');
    await saveScreenshot(page, '2-job-and-ai', false);
  });

  test('Your skills: evidence marked in the résumé, levels edited, skills added and removed', async () => {
    await followNext('Next: your skills →', 'Your skills');
    const id = await profileId();
    await page.locator('.resume-text mark').first().waitFor();
    assert.ok((await page.locator('.resume-text').innerText()).includes('Ran email campaigns for a software firm'));
    // Every skill the API finds is on the page with its evidence: those with a level under "Skills you
    // have", the rest (tools and technologies too) under "Also found in your résumé".
    const { resumeText } = await api<{ resumeText: string }>(`/api/profiles/${id}`);
    const extraction = await api<{ skills: { label: string; kind: string; negated: boolean }[] }>('/api/extract', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: resumeText }),
    });
    const found = extraction.skills.filter((s) => !s.negated);
    await page.getByText(new RegExp(`^Found in your résumé: ${found.length} skills`)).waitFor();
    const withEvidence = page
      .locator('.skill-list li')
      .filter({ has: page.getByRole('button', { name: /found \d+× in your résumé/ }) });
    assert.equal(await withEvidence.count(), found.length, 'as many skills shown as the API found');
    const tools = found.filter((s) => s.kind === 'tool');
    assert.ok(tools.length > 0, 'the résumé names tools and technologies');
    const toolList = page.getByRole('region', { name: /^Tools and technologies/ }).locator('li');
    assert.equal(await toolList.count(), tools.length);
    const analytics = toolList.filter({ hasText: 'Google Analytics' });
    await analytics.getByRole('button', { name: /found 1× in your résumé/ }).click();
    assert.equal(await page.locator('.resume-text mark.selected').innerText(), 'Google Analytics');

    const mine = page.getByRole('region', { name: /^Skills you have/ }).locator('.skill-list li');
    const chatgpt = mine.filter({ hasText: 'ChatGPT' });
    await chatgpt.getByRole('button', { name: /found 1× in your résumé/ }).click();
    assert.equal(await page.locator('.resume-text mark.selected').innerText(), 'ChatGPT');

    await Promise.all([
      page.waitForResponse((r) => r.url().includes('/skills/chatgpt') && r.ok()),
      chatgpt.getByRole('combobox', { name: 'Your level in ChatGPT' }).selectOption('3'),
    ]);
    let profile = await api<{ skills: { skillId: string; level: number }[] }>(`/api/profiles/${id}`);
    assert.equal(profile.skills.find((s) => s.skillId === 'chatgpt')?.level, 3);

    await mine.filter({ hasText: 'SQL' }).getByRole('button', { name: 'Remove SQL' }).click();
    await mine.filter({ hasText: /^SQL/ }).waitFor({ state: 'detached' });
    // Still found in the résumé, so still shown, with a way back.
    await page
      .getByRole('region', { name: /^AI and skills-graph skills/ })
      .getByRole('button', { name: /^Add as .* SQL$/ })
      .waitFor();
    const add = page.getByRole('combobox', { name: 'Add a skill' });
    await add.fill('retrieval');
    await page.getByRole('option', { name: /^Retrieval-augmented generation/ }).click();
    await mine.filter({ hasText: 'Retrieval-augmented generation' }).waitFor();
    profile = await api(`/api/profiles/${id}`);
    assert.equal(profile.skills.find((s) => s.skillId === 'retrieval-augmented-generation')?.level, 2);
    assert.equal(
      profile.skills.some((s) => s.skillId === 'sql'),
      false,
    );

    await page.getByText(/You are \d+% ready/).waitFor();
    assert.ok((await page.locator('.gap-list li').count()) > 0, 'the gaps for the goal are listed with reasons');
    await assertAccessible(page, 'Your skills');
    await saveScreenshot(page, '3-skills');
  });

  test('Your path: weeks, milestones and resources; tick off, took longer, re-flow, exports', async () => {
    await followNext('Next: your path →', 'Your path');
    const id = await profileId();
    const before = await api<{
      plan: {
        endDate: string;
        steps: { id: string; name: string; hours: number }[];
        weeks: unknown[];
        milestones: unknown[];
      };
    }>(`/api/profiles/${id}/plan`);
    assert.equal(await page.locator('.timeline > li').count(), before.plan.weeks.length);
    assert.equal(await page.locator('.milestone').count(), before.plan.milestones.length);
    assert.equal(await page.locator('.step:not(.continued)').count(), before.plan.steps.length);
    assert.ok(
      (await page.locator('.step-resource a[href^="https://"]').count()) === before.plan.steps.length,
      'every step links its resource',
    );

    const [first, second] = before.plan.steps;
    // Each change waits for the server's answer: the box shows the click at once, the plan follows.
    const saved = () => page.waitForResponse((r) => r.url().includes(`/api/profiles/${id}/progress`) && r.ok());
    const firstBox = page.getByRole('checkbox', { name: new RegExp(`^${first!.name} → .*mark as done`) }).first();
    await Promise.all([saved(), firstBox.check()]);
    await page.getByText(`1 of ${before.plan.steps.length} steps done`).waitFor();
    let plan = await api<{ progress: { stepId: string; status: string }[]; plan: { endDate: string } }>(
      `/api/profiles/${id}/plan`,
    );
    assert.deepEqual(
      plan.progress.map((p) => [p.stepId, p.status]),
      [[first!.id, 'done']],
    );

    const secondCard = page.locator('.step:not(.continued)').nth(1);
    await secondCard.getByRole('button', { name: /Took longer/ }).click();
    await secondCard.getByLabel('Hours it really took').fill(String(second!.hours + 30));
    await Promise.all([saved(), secondCard.getByRole('button', { name: 'Save' }).click()]);
    await page.getByText(/Your plan re-flowed: it now ends/).waitFor();
    plan = await api(`/api/profiles/${id}/plan`);
    assert.ok(
      plan.plan.endDate > before.plan.endDate,
      `the plan moved from ${before.plan.endDate} to ${plan.plan.endDate}`,
    );
    assert.deepEqual(plan.progress.map((p) => p.status).sort(), ['done', 'took-longer']);
    await page.getByText(`2 of ${before.plan.steps.length} steps done`).waitFor();

    await Promise.all([saved(), firstBox.uncheck()]);
    await page.getByText(`1 of ${before.plan.steps.length} steps done`).waitFor();
    assert.deepEqual(
      (await api<{ progress: { stepId: string }[] }>(`/api/profiles/${id}/plan`)).progress.map((p) => p.stepId),
      [second!.id],
      'the tick was taken back',
    );

    const beforeSettings = await api<{ plan: { endDate: string } }>(`/api/profiles/${id}/plan`);
    await page.getByText('Change hours or goal').click();
    await page
      .locator('.settings')
      .getByLabel(/Time to learn/)
      .fill('12');
    await page.getByRole('button', { name: 'Save and re-plan' }).click();
    await page.getByText('Saved: 12 hours a week. Your plan re-flowed').waitFor();
    await page.getByText(/at 12 hours a week/).waitFor();
    const faster = await api<{ plan: { endDate: string; hoursPerWeek: number }; progress: unknown[] }>(
      `/api/profiles/${id}/plan`,
    );
    assert.equal(faster.plan.hoursPerWeek, 12);
    assert.ok(
      faster.plan.endDate < beforeSettings.plan.endDate,
      `more hours end sooner: ${beforeSettings.plan.endDate} → ${faster.plan.endDate}`,
    );
    assert.equal(faster.progress.length, 1, 'recorded progress survives the change');

    const [markdownDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download Markdown' }).click(),
    ]);
    const markdown = readFileSync((await markdownDownload.path())!, 'utf8');
    assert.match(markdown, new RegExp(`^# AI-augmented ${MARKETING_TITLE} — learning plan`));
    assert.ok(markdown.includes(second!.name));
    const [icsDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Add to calendar (.ics)' }).click(),
    ]);
    assert.equal(icsDownload.suggestedFilename(), `upskill-plan-${id}.ics`);
    const calendar = new ICAL.Component(ICAL.parse(readFileSync((await icsDownload.path())!, 'utf8')));
    assert.ok(calendar.getAllSubcomponents('vevent').length >= before.plan.milestones.length);

    await assertAccessible(page, 'Your path');
    await saveScreenshot(page, '4-path', false);
  });

  test("Explore: search, compare two occupations, a skill's prerequisite graph", async () => {
    await nav('Explore').click();
    await page.getByRole('heading', { level: 1, name: 'Explore' }).waitFor();
    await page.getByLabel('Title or skill').fill('prompt');
    await page.locator('.result-list').getByRole('button', { name: 'Prompt engineering' }).waitFor();

    await page.getByRole('combobox', { name: 'First occupation' }).fill('accountant');
    await page.getByRole('option', { name: /Accountants and Auditors/ }).click();
    await page.getByRole('combobox', { name: 'Second occupation' }).fill('registered nurse');
    await page.getByRole('option', { name: /Registered Nurses/ }).click();
    const table = page.locator('table.compare');
    await table.waitFor();
    assert.deepEqual(await table.locator('thead th').allInnerTexts(), [
      'Accountants and Auditors',
      'Registered Nurses',
    ]);
    const [accountants, nurses] = await Promise.all([
      api<{ exposure: { gpt4: { beta: number } } }>('/api/occupations/13-2011.00'),
      api<{ exposure: { gpt4: { beta: number } } }>('/api/occupations/29-1141.00'),
    ]);
    assert.deepEqual(await table.locator('tbody tr').first().locator('td').allInnerTexts(), [
      `${Math.round(accountants.exposure.gpt4.beta * 100)}%`,
      `${Math.round(nurses.exposure.gpt4.beta * 100)}%`,
    ]);
    assert.equal(await page.locator('.scroll-note').count(), 0, 'a table that fits says nothing about scrolling');

    await page.getByRole('combobox', { name: 'Skill' }).fill('retrieval-aug');
    await page.getByRole('option', { name: /^Retrieval-augmented generation/ }).click();
    const graph = page.getByRole('group', { name: 'Prerequisites of Retrieval-augmented generation' });
    await graph.waitFor();
    for (const name of ['Prompt engineering', 'Embeddings', 'Retrieval-augmented generation'])
      assert.equal(await graph.getByRole('link', { name, exact: true }).count(), 1, name);
    assert.equal(await graph.locator('a[aria-current=page]').textContent(), 'Retrieval-augmented generation');
    await graph.getByRole('link', { name: 'Embeddings', exact: true }).click();
    await page.getByRole('group', { name: 'Prerequisites of Embeddings' }).waitFor();
    assert.match(page.url(), /skill=embeddings/);
    await assertAccessible(page, 'Explore');
    await saveScreenshot(page, '5-explore');

    await page.getByLabel('Title or skill').fill('paralegal');
    await page.locator('.result-list').getByRole('link', { name: 'Paralegals and Legal Assistants' }).click();
    await page.getByRole('heading', { level: 1, name: 'Paralegals and Legal Assistants' }).waitFor();
    assert.match(page.url(), /\/job\?code=23-2011\.00$/);
    await page.getByText('Its tasks, one by one').waitFor();
  });

  test('About the data: what is loaded, every source credited, also in the footer', async () => {
    await nav('About the data').click();
    await page.getByRole('heading', { level: 1, name: 'About this data' }).waitFor();
    const sources = await page.locator('main table tbody tr td:first-child').allInnerTexts();
    assert.deepEqual(sources.sort(), [
      'anthropic-economic-index',
      'esco',
      'gpts-are-gpts',
      'microsoft-working-with-ai',
      'onet',
      'onet-ratings',
    ]);
    const footer = await page.locator('footer').innerText();
    for (const credit of [
      'O*NET 27.0 Database',
      'GPTs are GPTs',
      'Bureau of Labor Statistics',
      'Anthropic Economic Index',
      'Working with AI',
      'ESCO classification',
    ])
      assert.ok(footer.includes(credit), credit);
    await assertAccessible(page, 'About the data');
    await saveScreenshot(page, '6-about');
  });

  test('phone width: every page fits 390 px without side-scrolling and stays accessible', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const [path, heading] of [
      ['/', 'Generative AI and your job'],
      ['/job', MARKETING_TITLE],
      ['/skills', 'Your skills'],
      ['/path', 'Your path'],
      ['/explore?a=13-2011.00&b=29-1141.00&skill=embeddings', 'Explore'],
      ['/about', 'About this data'],
    ] as const) {
      await page.goto(`${server.origin}${path}`);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await page.waitForLoadState('networkidle');
      assert.ok(await hasNoHorizontalOverflow(page), `${path} scrolls sideways at phone width`);
      await assertAccessible(page, `${path} at phone width`);
      if (path === '/job') await saveScreenshot(page, '7-phone-job', false);
      if (path.startsWith('/explore')) {
        assert.equal(
          await page.getByRole('combobox', { name: 'First occupation' }).inputValue(),
          'Accountants and Auditors',
          'a shared comparison link fills both boxes',
        );
        // Too wide for the phone, the comparison says it scrolls sideways, and the keyboard can scroll it.
        const scroller = page.getByRole('region', {
          name: 'Accountants and Auditors and Registered Nurses side by side',
        });
        assert.equal(await scroller.getAttribute('tabindex'), '0');
        assert.equal(
          await page.locator('.scroll-note').innerText(),
          '↔ The table is wider than the screen: scroll sideways to see all of it.',
        );
      }
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  test('nothing the page asked for, over the whole journey, went anywhere but this machine', () => {
    assert.ok(requests.length > 50);
    assert.deepEqual(
      requests.filter((url) => !url.startsWith(server.origin)),
      [],
    );
  });
});
