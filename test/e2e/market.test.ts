import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { openDatabase } from '../../src/store/database.js';
import { savePostings } from '../../src/store/postings.repository.js';
import { planRows, postingsOf, TECH_ROWS } from '../fixtures/market-postings.js';
import { cliIn } from '../support/run-cli.js';
import {
  assertAccessible,
  browserSkip,
  hasNoHorizontalOverflow,
  launchChromium,
  saveScreenshot,
  startUpskill,
  type RunningServer,
} from './web-session.js';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

const heading = (name: string | RegExp) => page.getByRole('heading', { level: 1, name });

// Postings: the hand-made fixtures (test/fixtures/market-postings.ts); insights: the three seeds.
describe(
  'web app: the Market page, a skill in the market, the job page in headless Chromium',
  { skip: browserSkip, timeout: 300_000 },
  () => {
    before(async () => {
      [server, browser] = await Promise.all([startUpskill(), launchChromium()]);
      // The server holds the embedded store; this process works through its socket like any other command.
      const db = await openDatabase({ kind: 'embedded', dir: join(server.home, 'db') });
      await savePostings(db, null, [
        ...postingsOf(TECH_ROWS, 'tech-fixture'),
        ...postingsOf(planRows(), 'plan-fixture'),
      ]);
      await db.close();
      const imported = cliIn(server.home)([
        'insights',
        'import',
        new URL('../../../shared/seeds/', import.meta.url).pathname,
      ]);
      assert.equal(imported.status, 0, imported.stderr);
    });
    after(async () => {
      await browser?.close();
      await server?.stop();
    });
    test.beforeEach(async () => {
      context = await browser.newContext({
        viewport: { width: 1280, height: 900 },
        bypassCSP: true,
        timezoneId: 'UTC',
      });
      page = await context.newPage();
      page.setDefaultTimeout(15_000);
    });
    test.afterEach(() => context.close());

    test('top tables with shares and intervals, the AI-title chart, emerging skills, insights; filter by family', async () => {
      await page.goto(`${server.origin}/market`);
      await heading('Market demand').waitFor();
      // 2024: 100 Marketing Managers postings, month = i mod 12 + 1 → October to December hold 8 each.
      const skills = page
        .getByRole('table')
        .filter({ has: page.getByText('2024-Q4: most asked of 24 postings') })
        .first();
      await skills.waitFor();
      await page
        .getByText(/Counted over 180 job postings, 2023-01 – 2024-12.*a sample of part of the market/)
        .first()
        .waitFor();
      await page.getByRole('heading', { name: 'Postings whose title names AI, ML or LLM' }).waitFor();
      await page.getByRole('img', { name: /Share of postings with AI, ML or LLM in the title/ }).waitFor();
      await page.getByRole('heading', { name: 'Emerging skills' }).waitFor();
      await page
        .getByRole('link', { name: 'Upwork Reveals Top 10 Generative AI-Related Skills and Hires in 2023' })
        .waitFor();
      await assertAccessible(page, 'the Market page');
      await saveScreenshot(page, '9-market');

      await page.getByLabel('Occupation family').selectOption('software');
      await page
        .getByText(/Counted over 5 job postings, 2024-05 – 2024-05/)
        .first()
        .waitFor();
      assert.match(page.url(), /family=software/);
    });

    test("a skill's page: the trend with its interval, growth, what is asked beside it, the plans that teach it", async () => {
      await page.goto(`${server.origin}/market/skill?id=large-language-models`);
      await heading('Large language models').waitFor();
      await page
        .getByRole('img', { name: /Postings asking for Large language models: 0\.0 % of 8 postings in 2024-12/ })
        .waitFor();
      await page.getByText('The values').click();
      const values = page.getByRole('table').filter({ hasText: 'Postings asking' });
      await values.getByRole('row', { name: /2024-05 6 14/ }).waitFor();
      await page.getByRole('link', { name: 'Python' }).waitFor();
      await page
        .getByRole('link', { name: /Plan to become .*engineer/i })
        .first()
        .waitFor();
      await assertAccessible(page, "a skill's market page");
    });

    test('the job page shows what its postings ask for and the news ranked for it', async () => {
      await page.goto(`${server.origin}/job?code=11-2021.00`);
      await page.getByRole('heading', { name: 'What postings for this job ask for' }).waitFor();
      await page.getByRole('link', { name: 'Data visualization' }).waitFor();
      await page.getByText(/29 % of postings \(45 of 153\)/).waitFor();
      await page.getByRole('heading', { name: 'News and insights' }).waitFor();
      await assertAccessible(page, 'the job page with postings');
    });

    test('phone width: the Market page and a skill page fit 390 px and stay accessible', async () => {
      await page.setViewportSize({ width: 390, height: 844 });
      for (const path of ['/market', '/market/skill?id=python']) {
        await page.goto(`${server.origin}${path}`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await page.getByRole('img').first().waitFor();
        assert.ok(await hasNoHorizontalOverflow(page), `${path} scrolls sideways at 390 px`);
        await assertAccessible(page, `${path} at 390 px`);
      }
      await page.goto(`${server.origin}/market`);
      await page.getByRole('img').first().waitFor();
      await saveScreenshot(page, '9-market-phone', false);
    });
  },
);
