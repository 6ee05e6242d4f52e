import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  assertAccessible,
  browserSkip,
  hasNoHorizontalOverflow,
  launchChromium,
  saveScreenshot,
  startUpskill,
  type RunningServer,
} from './web-session.js';

/*
 * The organisation pages in headless Chromium on a personal store: a roster's column mapping
 * previewed and imported, the fictional demo company, the readiness heat map by keyboard, decisions
 * recomputed from an edited assumption, mobility, and a cohort plan's dashboard — each axe-checked,
 * at desktop and phone width. Figures on the page are compared with what the API answers.
 */

let server: RunningServer;
let browser: Browser;
let page: Page;

const api = async <T>(path: string, init?: RequestInit): Promise<T> => {
  const response = await fetch(`${server.origin}${path}`, init);
  assert.ok(response.ok, `${path}: ${response.status} ${await response.clone().text()}`);
  return (await response.json()) as T;
};
const heading = (name: string | RegExp) => page.getByRole('heading', { level: 1, name });
const activeCell = () => page.evaluate<string | null>("document.activeElement?.getAttribute('data-cell') ?? null");
/** A text as a regular expression that matches it literally. */
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Polls (the page recomputes after a pause) until `check` holds, or fails saying what did not happen. */
async function until(check: () => Promise<boolean>, what: string, ms = 20_000): Promise<void> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((resolve) => setTimeout(resolve, 200)))
    if (await check()) return;
  assert.fail(`timed out waiting until ${what}`);
}
const orgNav = (name: string) => page.getByRole('navigation', { name: 'Organisation' }).getByRole('link', { name });

interface Readiness {
  people: number;
  heatMap: { skills: { label: string }[]; rows: { group: string; cells: { value: number | null }[] }[] };
}

const ROSTER = [
  'Employee ID,Full name,Job Title,Team,Hours for learning',
  'X1,Test Person One,Accountant,Finance,4',
  'X2,Test Person Two,Registered Nurse,Care,3',
  ',Nobody Without Id,Accountant,Finance,2',
].join('\n');

describe('organisation pages in headless Chromium', { skip: browserSkip, timeout: 600_000 }, () => {
  before(async () => {
    [server, browser] = await Promise.all([startUpskill(), launchChromium()]);
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      bypassCSP: true,
      timezoneId: 'UTC',
    });
    page = await context.newPage();
    page.setDefaultTimeout(30_000);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the roster: the column mapping is previewed, then the rows imported, a bad row named', async () => {
    await page.goto(server.origin);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Organisation' }).click();
    await heading('Readiness').waitFor();
    await page.getByText('No roster yet').waitFor();
    await orgNav('Roster').click();
    await heading('Roster').waitFor();
    await page.getByLabel('Roster file (CSV or XLSX)').setInputFiles({
      name: 'people.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(ROSTER),
    });
    await page.getByLabel('Résumés (optional)').setInputFiles([
      { name: 'X1.txt', mimeType: 'text/plain', buffer: Buffer.from('Skills\nExcel, SQL, ChatGPT\n') },
      { name: 'someone-else.txt', mimeType: 'text/plain', buffer: Buffer.from('Skills\nPython\n') },
    ]);
    await page.getByRole('button', { name: 'Preview the mapping' }).click();
    const mapping = page.locator('.roster-preview table');
    await mapping.waitFor();
    const fieldOf = async (header: string) =>
      (
        await mapping
          .getByRole('row')
          .filter({ has: page.getByRole('rowheader', { name: header }) })
          .locator('td')
          .first()
          .innerText()
      ).trim();
    assert.equal(await fieldOf('Employee ID'), 'personKey');
    assert.equal(await fieldOf('Job Title'), 'title');
    assert.equal(await fieldOf('Team'), 'team');
    await assertAccessible(page, 'the roster preview');
    await saveScreenshot(page, '14-org-roster', false);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const report = page.getByRole('status').filter({ hasText: 'added' });
    await report.waitFor();
    assert.match(await report.innerText(), /^2 added, 0 updated from 2 rows/);
    assert.match(await report.innerText(), /people\.csv, line 4/);
    assert.match(await report.innerText(), /Résumés: 1 matched; matched to nobody: someone-else\.txt\./);
  });

  test('the demo company replaces the roster when asked, and readiness shows it as a keyboard grid', async () => {
    await page.getByRole('button', { name: 'Load the demo company' }).click();
    // A real roster is stored now: the demo asks before replacing it.
    await page.getByRole('button', { name: 'Replace the roster with the demo company' }).click();
    const loaded = page.getByRole('status').filter({ hasText: 'fictional people loaded' });
    await loaded.waitFor();
    const readiness = await api<Readiness>('/api/org/readiness?by=team');
    assert.match(await loaded.innerText(), new RegExp(`^${readiness.people} fictional people loaded`));
    assert.ok(readiness.people >= 200, `a company of a few hundred, got ${readiness.people}`);

    await loaded.getByRole('link', { name: 'See readiness' }).click();
    await heading('Readiness').waitFor();
    const grid = page.getByRole('grid');
    await grid.waitFor();
    // Every cell prints the value the API gives (rounded), or a dash where there is none.
    const printed = await grid
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) => [...row.querySelectorAll('td span[aria-hidden]')].map((cell) => cell.textContent)),
      );
    assert.deepEqual(
      printed,
      readiness.heatMap.rows.map((row) => row.cells.map((c) => (c.value === null ? '—' : String(Math.round(c.value))))),
    );

    // One tab stop; the arrows move between cells; Enter on a team opens its people.
    await grid.getByRole('button', { name: readiness.heatMap.rows[0]!.group }).focus();
    assert.equal(await activeCell(), '0-0');
    await page.keyboard.press('ArrowRight');
    assert.equal(await activeCell(), '0-1');
    await page.keyboard.press('ArrowDown');
    assert.equal(await activeCell(), '1-1');
    await page.keyboard.press('End');
    assert.equal(await activeCell(), `1-${readiness.heatMap.skills.length}`);
    await page.keyboard.press('Home');
    assert.equal(await activeCell(), '1-0');
    await page.keyboard.press('Enter');
    const team = readiness.heatMap.rows[1]!.group;
    await page.getByRole('heading', { name: `People in team ${team}` }).waitFor();
    const people = await api<{ people: { name: string | null }[] }>(
      `/api/org/people?team=${encodeURIComponent(team)}&limit=1000`,
    );
    const listed = page.locator('.org-people li');
    await listed.first().waitFor();
    assert.equal(await listed.count(), people.people.length);
    await listed.first().getByRole('button').click();
    await page
      .getByRole('heading', { name: new RegExp(`^${escape(people.people[0]!.name!)}: readiness \\d+ for `) })
      .waitFor();

    const csv = await fetch(
      `${server.origin}${await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href')}`,
    );
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type') ?? '', /text\/csv/);
    await assertAccessible(page, 'the readiness page');
    await saveScreenshot(page, '11-org-readiness', false);

    // Grouped by department, a department opens its people the same way.
    await page.getByRole('radio', { name: 'Department' }).check();
    const departments = await api<Readiness>('/api/org/readiness?by=department');
    const department = departments.heatMap.rows.at(-1)!.group;
    await grid.getByRole('button', { name: department, exact: true }).click();
    await page.getByRole('heading', { name: `People in department ${department}` }).waitFor();
    const inDepartment = await api<{ people: unknown[] }>(
      `/api/org/people?department=${encodeURIComponent(department)}&limit=1000`,
    );
    await until(
      async () => (await listed.count()) === inDepartment.people.length,
      `${inDepartment.people.length} people listed for ${department}`,
    );
  });

  test('decisions: an edited assumption recomputes them, as the API would', async () => {
    await orgNav('Upskill, hire or freelance').click();
    await heading('Upskill, hire or freelance').waitFor();
    const first = page.locator('.decision').first();
    await first.waitFor();
    const defaults = await api<{ assumptions: { key: string; value: number }[] }>('/api/org/decisions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    const before = await page.locator('.decisions-layout').innerText();
    // Every assumption up fourfold: the costs move, and the page ends where the API says.
    const changed = Object.fromEntries(defaults.assumptions.map((a) => [a.key, a.value * 4]));
    for (const [key, value] of Object.entries(changed)) await page.locator(`#assume-${key}`).fill(String(value));
    await until(async () => (await page.locator('.decisions-layout').innerText()) !== before, 'the decisions change');
    const expected = await api<{ decisions: { recommendation: { text: string } }[] }>('/api/org/decisions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ assumptions: changed }),
    });
    await page
      .locator('.decision-advice')
      .first()
      .filter({ hasText: expected.decisions[0]!.recommendation.text })
      .waitFor();
    assert.notEqual(await page.locator('.decisions-layout').innerText(), before);
    await page.getByRole('button', { name: 'Back to the published defaults' }).waitFor();
    await assertAccessible(page, 'the decisions page');
    await page.getByRole('button', { name: 'Back to the published defaults' }).click();
    const [firstDefault] = defaults.assumptions;
    await until(
      async () => (await page.locator(`#assume-${firstDefault!.key}`).inputValue()) === String(firstDefault!.value),
      'the published defaults are back',
    );
    await page.evaluate("document.querySelector('.assumptions')?.scrollTo(0, 0)");
    await saveScreenshot(page, '12-org-decisions', false);
  });

  test('mobility ranks the people closest to a role', async () => {
    await orgNav('Mobility').click();
    await heading('Mobility').waitFor();
    const [role] = await api<{ id: string }[]>('/api/roles');
    await page.getByLabel('Target role or occupation').fill(role!.id);
    await page.getByRole('button', { name: 'Rank people' }).click();
    const ranking = await api<{ people: { name: string | null }[] }>(
      `/api/org/mobility?target=${encodeURIComponent(role!.id)}`,
    );
    const firstPerson = page.locator('.mobility-person').first();
    await firstPerson.waitFor();
    assert.equal(await page.locator('.mobility-person').count(), ranking.people.length);
    assert.ok((await firstPerson.innerText()).startsWith(ranking.people[0]!.name!), 'the first is the API’s first');
    await assertAccessible(page, 'the mobility page');
  });

  test('a cohort plan: each member gets a plan; the dashboard says who would be behind', async () => {
    await orgNav('Cohorts').click();
    await heading('Cohorts').waitFor();
    await page.getByText('No cohorts yet').waitFor();
    const readiness = await api<Readiness>('/api/org/readiness?by=team');
    const team = readiness.heatMap.rows[0]!.group;
    await page.getByLabel('Cohort name').fill('Spring AI');
    await page.getByLabel('Team', { exact: true }).selectOption(team);
    await page.getByLabel('Hours a week').fill('3');
    await page.getByRole('button', { name: 'Assign plans' }).click();
    const made = page.getByRole('status').filter({ hasText: 'personal plans made' });
    await made.waitFor({ timeout: 120_000 });
    const [cohort] = await api<{ id: string; members: number; startDate: string }[]>('/api/org/cohorts');
    assert.match(await made.innerText(), new RegExp(`^${cohort!.members} personal plans made for “Spring AI”`));
    const profiles = await api<{ id: string; name: string }[]>('/api/profiles');
    assert.equal(profiles.filter((p) => p.name.endsWith(' · Spring AI')).length, cohort!.members);

    // Three members did their first three weeks' steps (through the worker journey's own route).
    const keen = profiles.filter((p) => p.name.endsWith(' · Spring AI')).slice(0, 3);
    for (const member of keen) {
      const plan = await api<{ plan: { weeks: { week: number; items: { stepId: string }[] }[] } }>(
        `/api/profiles/${member.id}/plan`,
      );
      const steps = new Set(plan.plan.weeks.filter((w) => w.week <= 3).flatMap((w) => w.items.map((i) => i.stepId)));
      for (const stepId of steps)
        await api(`/api/profiles/${member.id}/progress`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ stepId, status: 'done' }),
        });
    }
    // Three weeks on with nothing more recorded: the others are behind, by the plan's first three weeks.
    const later = new Date(Date.parse(`${cohort!.startDate}T00:00:00Z`) + 21 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('Measured on').fill(later);
    await page.getByText('a later day: where everyone would stand if nothing more is recorded').waitFor();
    const dashboard = await api<{
      progress: {
        totals: { behind: number; members: number };
        members: { name: string; status: string; doneHours: number; plannedToDateHours: number }[];
      };
    }>(`/api/org/cohorts/${cohort!.id}?asOf=${later}`);
    await page
      .getByText(`${dashboard.progress.totals.behind} of ${dashboard.progress.totals.members} behind plan`)
      .waitFor();
    assert.equal(await page.locator('tbody .cohort-behind').count(), dashboard.progress.totals.behind);
    // Those who did their weeks' steps are not behind; the others, with nothing done and three hours due, are.
    const standing = new Map(dashboard.progress.members.map((m) => [`${m.name} · Spring AI`, m]));
    for (const member of keen) assert.notEqual(standing.get(member.name)?.status, 'behind', member.name);
    assert.equal(
      dashboard.progress.totals.behind,
      dashboard.progress.members.filter((m) => m.doneHours === 0 && m.plannedToDateHours >= 3).length,
    );
    await page.getByLabel('Measured on').blur();
    assert.equal(
      await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href'),
      `/api/org/cohorts/${cohort!.id}/export?asOf=${later}`,
    );
    await assertAccessible(page, 'the cohort dashboard');
    await saveScreenshot(page, '13-org-cohorts', false);

    // A selection: two people of the team, aiming at an authored role rather than their own job.
    await page.getByLabel('Cohort name').fill('Prompt pilots');
    await page.getByLabel('Team', { exact: true }).selectOption(team);
    await page.getByLabel('Target').selectOption('prompt-engineer');
    await page.getByLabel(`Everyone in ${team}`).uncheck();
    const choices = page.locator('.org-choice input[type="checkbox"]');
    await choices.first().waitFor();
    await choices.nth(0).check();
    await choices.nth(1).check();
    await page.getByText('2 chosen').waitFor();
    await assertAccessible(page, 'the cohort form with a selection');
    await page.getByRole('button', { name: 'Assign plans' }).click();
    await page.getByRole('status').filter({ hasText: '2 personal plans made for “Prompt pilots”' }).waitFor();
    const pilots = (
      await api<{ name: string; members: number; team: string | null; target: string }[]>('/api/org/cohorts')
    ).find((c) => c.name === 'Prompt pilots')!;
    assert.deepEqual([pilots.members, pilots.team, pilots.target], [2, null, 'prompt-engineer']);
  });

  test('every organisation page works at phone width without side-scrolling', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const [path, name] of [
      ['/org/roster', 'Roster'],
      ['/org/readiness', 'Readiness'],
      ['/org/decisions', 'Upskill, hire or freelance'],
      ['/org/mobility', 'Mobility'],
      ['/org/cohorts', 'Cohorts'],
    ] as const) {
      await page.goto(`${server.origin}${path}`);
      await heading(name).waitFor();
      await page.waitForLoadState('networkidle');
      assert.ok(await hasNoHorizontalOverflow(page), `${path} scrolls sideways at phone width`);
      await assertAccessible(page, `${path} at phone width`);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  test('the organisation pages are not in the main bundle', () => {
    const root = new URL('../../dist/web/', import.meta.url).pathname;
    const main = /<script type="module" crossorigin src="\/([^"]+)"/.exec(
      readFileSync(`${root}index.html`, 'utf8'),
    )?.[1];
    assert.ok(main, 'the page loads one main script');
    const code = readFileSync(`${root}${main}`, 'utf8');
    for (const text of ['Single points of failure', 'Measured on', 'Preview the mapping'])
      assert.ok(!code.includes(text), `"${text}" is in the main bundle`);
  });
});
