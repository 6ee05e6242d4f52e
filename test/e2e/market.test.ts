import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { z } from 'zod';
import type { MarketOccupationSchema, MarketTopSchema, MarketTrendSchema } from '../../src/api/market-schemas.js';
import { SHARED_DATA } from '../support/databases.js';
import {
  assertAccessible,
  browserSkip,
  hasNoHorizontalOverflow,
  launchChromium,
  saveScreenshot,
  startUpskill,
  type RunningServer,
} from './web-session.js';

type MarketTop = z.infer<typeof MarketTopSchema>;
type MarketTrend = z.infer<typeof MarketTrendSchema>;
type MarketOccupation = z.infer<typeof MarketOccupationSchema>;

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

const heading = (name: string | RegExp) => page.getByRole('heading', { level: 1, name });
const api = async <T>(path: string): Promise<T> => (await (await fetch(`${server.origin}${path}`)).json()) as T;
const pct = (value: number) => `${(value * 100).toFixed(value < 0.1 ? 1 : 0)} %`;

// The real shared sets, imported the way a user would (through the running server's store): the
// Hacker News roles, the hn-hiringtrends term series and the three insight seeds. The page must show
// what the API computes; the API's figures are checked against the files in src/app/*.test.ts.
describe(
  'web app: the Market page, a skill in the market, the job page in headless Chromium',
  { skip: browserSkip, timeout: 400_000 },
  () => {
    before(async () => {
      [server, browser] = await Promise.all([startUpskill(), launchChromium()]);
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
      page.setDefaultTimeout(20_000);
    });
    test.afterEach(() => context.close());

    // First, as a new user would: the empty page offers the samples, and one click loads them all.
    test('an empty Market page says what to import and loads the public samples in one click', async () => {
      await page.goto(`${server.origin}/market`);
      await page.getByText('No job postings match', { exact: true }).waitFor();
      await assertAccessible(page, 'the empty Market page');
      await page.getByRole('button', { name: 'Load the public samples' }).click();
      const loaded = page.getByRole('status').filter({ hasText: 'hn-whos-hiring' });
      await loaded.waitFor({ timeout: 180_000 });
      const rows = (path: string) => (parse(readFileSync(`${SHARED_DATA}${path}`)) as unknown[]).length - 1;
      assert.match(
        await loaded.innerText(),
        new RegExp(`hn-whos-hiring: ${rows('hn-whos-hiring/roles.csv').toLocaleString('en-US')} stored, 0 duplicates`),
      );
      assert.match(
        await loaded.innerText(),
        new RegExp(`hn-hiringtrends: ${rows('hn-hiringtrends/monthly_terms.csv').toLocaleString('en-US')} stored`),
      );
      // The page reads its figures again: the top tables replace the empty state.
      await page.getByRole('heading', { name: 'Skills', exact: true }).waitFor();
    });

    test('top tables with shares and intervals, the charts, emerging skills, insights; filter by family', async () => {
      const top = await api<MarketTop>('/api/market/top?what=skills&period=quarter');
      const latest = top.periods.at(-1)!;
      await page.goto(`${server.origin}/market`);
      await heading('Market demand').waitFor();
      const table = page
        .getByRole('table', { name: `${latest.period}: most asked of ${latest.postings} postings` })
        .first();
      await table.waitFor();
      const first = latest.items[0]!;
      await table
        .getByRole('row', { name: new RegExp(`^1 ${first.label} ${first.count} ${pct(first.share)}`) })
        .waitFor();
      await page.getByText(top.sample.note).first().waitFor();
      assert.match(top.sample.note, /a sample of part of the market/);
      await page.getByRole('img', { name: /Share of postings with AI, ML or LLM in the title/ }).waitFor();
      await page.getByRole('img', { name: /Share of posts naming “AI”/ }).waitFor();
      await page.getByRole('heading', { name: 'Emerging skills' }).waitFor();
      await page
        .getByRole('link', { name: 'Upwork Reveals Top 10 Generative AI-Related Skills and Hires in 2023' })
        .waitFor();
      await assertAccessible(page, 'the Market page');
      await saveScreenshot(page, '9-market');

      const software = await api<MarketTop>('/api/market/top?what=skills&period=quarter&family=software');
      await page.getByLabel('Occupation family').selectOption('software');
      await page.getByText(software.sample.note).first().waitFor();
      assert.match(page.url(), /family=software/);
    });

    test("a skill's page: the trend with its interval, growth, what is asked beside it, the plans that teach it", async () => {
      const trend = await api<MarketTrend>('/api/market/trend?skill=python&period=month');
      const last = trend.points.at(-1)!;
      await page.goto(`${server.origin}/market/skill?id=python`);
      await heading(trend.skill.label).waitFor();
      await page
        .getByRole('img', {
          name:
            `Postings asking for ${trend.skill.label}: ${pct(last.share)} of ${last.total} postings in ${last.period} ` +
            `(95 % interval ${pct(last.low)}–${pct(last.high)}).`,
        })
        .waitFor();
      await page.getByText('The values').click();
      await page.getByRole('row', { name: new RegExp(`^${last.period} ${last.count} ${last.total} `) }).waitFor();
      await page.getByText(/^Year on year \(/).waitFor();
      await page.getByRole('link', { name: trend.coOccurring[0]!.label, exact: true }).first().waitFor();
      await page
        .getByRole('link', { name: /^Plan to become / })
        .first()
        .waitFor();
      await assertAccessible(page, "a skill's market page");
      await saveScreenshot(page, '10-market-skill');
    });

    test('the job page shows what its postings ask for and the news ranked for it', async () => {
      const market = await api<MarketOccupation>('/api/market/occupations/15-1252.00?limit=8');
      const top = [...market.skills, ...market.tools].sort((a, b) => b.count - a.count)[0]!;
      await page.goto(`${server.origin}/job?code=15-1252.00`);
      await page.getByRole('heading', { name: 'What postings for this job ask for' }).waitFor();
      await page
        .getByText(`${pct(top.share)} of postings (${top.count} of ${top.total})`)
        .first()
        .waitFor();
      await page.getByRole('heading', { name: 'News and insights' }).waitFor();
      await assertAccessible(page, 'the job page with postings');

      // A worker following a plan towards prompt engineer: the news is ranked for that role too.
      const created = await fetch(`${server.origin}/api/profiles`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Dev', occupation: '15-1252.00', target: 'prompt-engineer', hoursPerWeek: 5 }),
      });
      const { id } = (await created.json()) as { id: string };
      await page.evaluate(`localStorage.setItem('upskill.profile', ${JSON.stringify(id)})`);
      const ranked = page.waitForRequest((request) => /\/api\/insights\?.*role=prompt-engineer/.test(request.url()));
      await page.goto(`${server.origin}/job?code=15-1252.00`);
      const forRole = await api<{ insights: { record: { title: string } }[] }>(
        '/api/insights?occupation=15-1252.00&role=prompt-engineer&limit=3',
      );
      await ranked;
      const list = page.locator('.insight-list .insight-title');
      await list.first().waitFor();
      assert.deepEqual(
        await list.allInnerTexts(),
        forRole.insights.map((i) => i.record.title),
      );
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

    // Last, so the postings it adds change no figure the tests above compare.
    test('a postings file loaded through the page: counts, the bad row by line and field, the run listed', async () => {
      const rows = [
        'id,date,title,description',
        'web-1,2025-09-02,Prompt Engineer,Write and test prompts for ChatGPT; evaluate LLM output with Python.',
        'web-2,2025-09-03,Data Analyst,Build dashboards in Tableau and SQL reports for the finance team.',
        'web-3,2025-09-04,Copywriter,Draft campaign copy and edit AI-generated drafts in Google Docs.',
        'web-1,2025-09-05,Prompt Engineer,The same posting again under its first id.',
        'web-4,soon,Nurse,Care for patients on a cardiac ward.',
      ];
      await page.goto(`${server.origin}/market`);
      await heading('Market demand').waitFor();
      const form = page.getByRole('region', { name: 'Load job postings' });
      await form.getByLabel('Postings file').setInputFiles({
        name: 'careers-site.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(rows.join('\n') + '\n'),
      });
      await form.getByLabel('Dataset name (optional)').fill('careers-site');
      await form.getByRole('button', { name: 'Import postings' }).click();
      const status = form.getByRole('status');
      await status
        .getByText('careers-site.csv: 5 rows read, 3 new postings stored, 1 duplicate, 1 bad row', { exact: true })
        .waitFor();
      await status.getByText(/^line 6, field “date”: /).waitFor();
      await form
        .getByRole('table', { name: 'The latest imports' })
        .getByRole('row', { name: /^careers-site\.csv careers-site .* 5 3 1 1$/ })
        .waitFor();
      await assertAccessible(page, 'the postings upload');
    });
  },
);
