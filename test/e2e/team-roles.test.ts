import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { assertAccessible, browserSkip, launchChromium, startUpskill, type RunningServer } from './web-session.js';

/*
 * A team server in headless Chromium: the first administrator from the console's one-time link,
 * invitations, and signing in as each role — each sees only what the role allows and is told why the
 * rest is hidden.
 */

let server: RunningServer;
let browser: Browser;
const PASSWORD = 'correct horse battery staple';

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
const navLinks = async (page: Page) =>
  (await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents()).map((t) => t.trim());

async function newPage(): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    bypassCSP: true,
    timezoneId: 'UTC',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

/** Opens a one-time link, chooses the password (and for the setup link the address and name), and lands on the account page. */
async function redeem(page: Page, link: string, setup?: { email: string; name: string }) {
  await page.goto(link);
  if (setup) {
    await page.getByLabel('Your e-mail address').fill(setup.email);
    await page.getByLabel('Your name').fill(setup.name);
  }
  await page.getByLabel('New password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Save and sign in' }).click();
  await heading(page, 'Your account').waitFor();
}

describe('team mode in headless Chromium: signing in as each role', { skip: browserSkip, timeout: 300_000 }, () => {
  before(async () => {
    [server, browser] = await Promise.all([startUpskill(['--team']), launchChromium()]);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('setup link, invitations, and what each role sees', async () => {
    const setupLink = /(http:\/\/\S+\/welcome#[\w-]{43})/.exec(server.output())?.[1];
    assert.ok(setupLink, `the console shows the setup link:\n${server.output()}`);

    // Nobody signed in: every page is the sign-in page.
    const visitor = await newPage();
    await visitor.goto(`${server.origin}/path`);
    await heading(visitor, 'Sign in').waitFor();
    await assertAccessible(visitor, 'the sign-in page');

    const admin = await newPage();
    await redeem(admin, setupLink, { email: 'ada@example.org', name: 'Ada Admin' });
    assert.match((await admin.getByRole('main').textContent()) ?? '', /Your role: administrator/);
    assert.deepEqual(await navLinks(admin), [
      'Start',
      'Your job & AI',
      'Your skills',
      'Your path',
      'Explore',
      'Market',
      'About the data',
      'Organisation',
      'Team',
      'Your account',
    ]);
    await admin.getByRole('link', { name: 'Team' }).click();
    await heading(admin, 'Team').waitFor();
    const invite = async (email: string, name: string, role: string, reportsTo?: string) => {
      await admin.getByLabel('E-mail address').fill(email);
      await admin.getByLabel('Name', { exact: true }).fill(name);
      await admin.getByLabel('Role').selectOption(role);
      if (reportsTo) await admin.getByLabel('Reports to').selectOption({ label: reportsTo });
      await admin.getByRole('button', { name: 'Make an invitation link' }).click();
      const status = admin.getByRole('status').filter({ hasText: `Give this link to ${email}` });
      await status.waitFor();
      return /(http:\/\/\S+\/welcome#[\w-]{43})/.exec((await status.textContent()) ?? '')![1]!;
    };
    const managerLink = await invite('mia@example.org', 'Mia Manager', 'manager');
    const manager = await newPage();
    await redeem(manager, managerLink); // she is an account, and so someone to report to, once she joins
    await admin.reload();
    await heading(admin, 'Team').waitFor();
    const employeeLink = await invite('eli@example.org', 'Eli Employee', 'employee', 'Mia Manager (mia@example.org)');
    const analystLink = await invite('ann@example.org', 'Ann Analyst', 'analyst');
    await assertAccessible(admin, 'the team page');

    assert.deepEqual(await navLinks(manager), [
      'Start',
      'Your job & AI',
      'Your skills',
      'Your path',
      'Explore',
      'Market',
      'About the data',
      'Organisation',
      'Your account',
    ]);
    await manager.getByRole('note').filter({ hasText: 'only administrators manage accounts' }).waitFor();
    await manager.goto(`${server.origin}/team`);
    await heading(manager, 'Not shown for your role').waitFor();
    await manager.getByText('only administrators manage accounts and read who saw what').waitFor();

    const employee = await newPage();
    await redeem(employee, employeeLink);
    assert.match(
      (await employee.getByRole('main').textContent()) ?? '',
      /You may see your own profile, plan and progress/,
    );

    const analyst = await newPage();
    await redeem(analyst, analystLink);
    assert.deepEqual(await navLinks(analyst), ['Explore', 'Market', 'About the data', 'Your account']);
    await analyst.getByRole('note').filter({ hasText: 'Start, Your job & AI, Your skills and Your path' }).waitFor();
    await analyst.goto(`${server.origin}/path`);
    await heading(analyst, 'Not shown for your role').waitFor();
    await analyst.getByText('analysts see market and occupation data and aggregates only').waitFor();
    await assertAccessible(analyst, 'a page hidden from analysts');
    await analyst.goto(`${server.origin}/explore`);
    await heading(analyst, /Explore/).waitFor();

    // Signing out and in again, with a wrong password first.
    await employee.getByRole('button', { name: 'Sign out' }).click();
    await heading(employee, 'Sign in').waitFor();
    await employee.getByLabel('E-mail address').fill('eli@example.org');
    await employee.getByLabel('Password').fill('not the password');
    await employee.getByRole('button', { name: 'Sign in' }).click();
    await employee.getByRole('alert').filter({ hasText: 'The e-mail address or the password is wrong.' }).waitFor();
    await employee.getByRole('alert').filter({ hasText: '4 more tries before this account is locked' }).waitFor();
    await employee.getByLabel('Password').fill(PASSWORD);
    await employee.getByRole('button', { name: 'Sign in' }).click();
    await employee.getByRole('link', { name: /Eli Employee/ }).waitFor();

    // The administrator's audit log shows the sign-ins and invitations, newest first.
    await admin.reload();
    await heading(admin, 'Team').waitFor();
    // The audit log loads after the accounts table; wait for its own table, not whichever is last so far.
    const auditTable = admin.getByRole('table', { name: 'The 50 latest audit entries' });
    await auditTable.getByText('sign-in').first().waitFor();
    const audit = (await auditTable.textContent()) ?? '';
    assert.match(audit, /eli@example\.org\s*sign-in/);
    assert.match(audit, /invited ann@example\.org as analyst/);
  });
});
