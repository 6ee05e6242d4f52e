import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { makePdf } from '../support/documents.js';
import { assertAccessible, browserSkip, launchChromium, startUpskill, type RunningServer } from './web-session.js';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

const heading = (name: string | RegExp) => page.getByRole('heading', { level: 1, name });

describe(
  'web app: empty, error and keyboard paths in headless Chromium',
  { skip: browserSkip, timeout: 300_000 },
  () => {
    before(async () => {
      [server, browser] = await Promise.all([startUpskill(), launchChromium()]);
    });
    after(async () => {
      await browser?.close();
      await server?.stop();
    });
    // Every test starts with a browser that has never been here: no saved profile.
    test.beforeEach(async () => {
      context = await browser.newContext({
        viewport: { width: 1280, height: 900 },
        bypassCSP: true,
        timezoneId: 'UTC',
      });
      page = await context.newPage();
      page.setDefaultTimeout(15_000);
      page.on('dialog', (dialog) => assert.fail(`unexpected dialog: ${dialog.message()}`));
    });
    test.afterEach(() => context.close());

    test('before any profile, the journey pages say what to do first', async () => {
      for (const [path, title, action] of [
        ['/job', 'Your job and AI', 'Start with your job title'],
        ['/skills', 'Your skills', 'Start with your job title'],
        ['/path', 'Your path', 'Make my plan'],
      ] as const) {
        await page.goto(`${server.origin}${path}`);
        await heading(title).waitFor();
        await page.getByRole('main').getByRole('link', { name: action }).waitFor();
        await assertAccessible(page, `${path} with no profile`);
      }
      await page.goto(`${server.origin}/no/such/page`);
      await heading('Page not found').waitFor();
    });

    test("an unknown or malformed occupation code gets the API's own explanation", async () => {
      await page.goto(`${server.origin}/job?code=99-9999.00`);
      await page.getByRole('alert').filter({ hasText: 'There is no occupation with the code 99-9999.00' }).waitFor();
      await assertAccessible(page, 'an unknown occupation');
      await page.goto(`${server.origin}/job?code=${encodeURIComponent("13-1161.00' or 1=1")}`);
      await page.getByRole('alert').filter({ hasText: 'must be an O*NET-SOC code like 13-1161.00' }).waitFor();
    });

    test('bad résumés are explained and nothing is lost: broken PDF, wrong type, over 10 MB', async () => {
      const uploads: string[] = [];
      page.on('request', (request) => request.url().endsWith('/api/extract') && uploads.push(request.method()));
      await page.goto(server.origin);
      const title = page.getByRole('combobox', { name: 'Your job title' });
      await title.fill('payroll clerk');
      const file = page.locator('input[type=file]');

      const pdf = await makePdf(['Skills: Excel']);
      await file.setInputFiles({
        name: 'broken.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from(pdf.slice(0, 300)),
      });
      await page
        .getByRole('alert')
        .filter({ hasText: 'Could not read broken.pdf' })
        .filter({ hasText: 'broken.pdf: the PDF is damaged' })
        .waitFor();

      await file.setInputFiles({
        name: 'photo.png',
        mimeType: 'image/png',
        buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      });
      await page.getByRole('alert').filter({ hasText: 'Could not read photo.png' }).waitFor();
      assert.equal(uploads.length, 2);

      await file.setInputFiles({
        name: 'huge.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.alloc(11 * 1024 * 1024, 0x20),
      });
      await page.getByRole('alert').filter({ hasText: 'huge.pdf is 11.0 MB; the limit is 10 MB' }).waitFor();
      assert.equal(uploads.length, 2, 'a file over the limit is refused in the browser, not sent');
      assert.equal(await title.inputValue(), 'payroll clerk', 'what was typed is kept');
      await assertAccessible(page, 'Start with upload errors');
    });

    test('a résumé alone is enough: the occupation it names is offered and used', async () => {
      await page.goto(server.origin);
      const pdf = await makePdf([
        'Sam Lee',
        'sam.lee@example.com | Leeds',
        'Experience',
        'Senior Accountant, Deloitte, 2019–2024',
        'Skills: Excel, SAP, ChatGPT',
      ]);
      await page
        .locator('input[type=file]')
        .setInputFiles({ name: 'sam.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pdf) });
      const named = page.getByRole('group', { name: 'Your résumé names' });
      await named.waitFor();
      assert.equal(
        await named.getByRole('radio', { name: /^Accountants and Auditors/ }).isChecked(),
        true,
        'the first occupation named is taken',
      );
      await page.getByText('Occupation: Accountants and Auditors').waitFor();
      await assertAccessible(page, 'Start with occupations read from a résumé');
      await page.getByRole('button', { name: 'Show my job and AI' }).click();
      await heading('Accountants and Auditors').waitFor();
    });

    test('hostile text in the title is shown as text, never run', async () => {
      await page.goto(server.origin);
      const title = page.getByRole('combobox', { name: 'Your job title' });
      // "script" is a word of titles (Script Writer), so this one finds candidates…
      const hostile = '<img src=x onerror=alert(1)><script>alert(2)</script>';
      await title.fill(hostile);
      await page.getByRole('option', { name: /Script Writer/ }).waitFor();
      assert.equal(await title.inputValue(), hostile);
      // …and this one, of unknown words only, finds nothing and is echoed as text.
      const unknown = '<img src=qq onerror=zzqx(1)>';
      await title.fill(unknown);
      await page.getByText(`No occupation matches “${unknown}”`).waitFor();
      assert.equal(await page.locator('main img').count(), 0);
    });

    test('submitting without a title asks for one; a title nobody matches is explained', async () => {
      await page.goto(server.origin);
      await page.getByRole('button', { name: 'Show my job and AI' }).click();
      await page
        .getByRole('alert')
        .filter({ hasText: 'Enter your job title, or drop a résumé that names it.' })
        .waitFor();
      await page.getByRole('combobox', { name: 'Your job title' }).fill('zzqx');
      await page.getByRole('button', { name: 'Show my job and AI' }).click();
      await page.getByRole('alert').filter({ hasText: 'The plan could not be made' }).waitFor();
      assert.match(page.url(), /\/$/, 'stays on the start page');
    });

    test('a typed title not picked from the list is confirmed before a plan is made', async () => {
      const profiles = async (): Promise<number> =>
        ((await (await fetch(`${server.origin}/api/profiles`)).json()) as unknown[]).length;
      const before = await profiles();
      await page.goto(server.origin);
      const title = page.getByRole('combobox', { name: 'Your job title' });
      await title.fill('driver');
      await page.getByRole('option').first().waitFor();
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Show my job and AI' }).click();
      // Nothing is planned for heavy-truck drivers behind the person's back: the page asks.
      const ask = page.getByRole('group', { name: 'Which occupation is “driver”?' });
      await ask.waitFor();
      assert.match(page.url(), /\/$/, 'stays on the start page');
      assert.equal(await profiles(), before, 'no profile was made');
      const choices = ask.getByRole('radio');
      assert.equal(await choices.count(), 6);
      assert.equal(await ask.getByRole('radio', { checked: true }).count(), 0, 'nothing is chosen for the person');
      await assertAccessible(page, 'Start asking which occupation a typed title means');
      await ask.getByRole('radio', { name: /^Light Truck Drivers/ }).check();
      await page.getByText('Occupation: Light Truck Drivers').waitFor();
      await page.getByRole('button', { name: 'Show my job and AI' }).click();
      await heading('Light Truck Drivers').waitFor();
      const id = await page.evaluate<string>("localStorage.getItem('upskill.profile')");
      const profile = (await (await fetch(`${server.origin}/api/profiles/${id}`)).json()) as { occupationCode: string };
      assert.equal(profile.occupationCode, '53-3033.00');
    });

    test("a typed title that is an occupation's own name needs no question", async () => {
      await page.goto(server.origin);
      await page.getByRole('combobox', { name: 'Your job title' }).fill('Registered Nurses');
      await page
        .getByRole('option')
        .first()
        .filter({ hasText: /^Registered Nurses/ })
        .waitFor();
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Show my job and AI' }).click();
      await heading('Registered Nurses').waitFor();
      assert.equal(await page.getByRole('group', { name: /Which occupation/ }).count(), 0);
    });

    test('when the server stops answering, the page says so and "Try again" recovers', async () => {
      await page.route('**/api/occupations/13-2011.00', (route) => route.abort('connectionrefused'));
      await page.route('**/api/about', (route) => route.abort('connectionrefused'));
      await page.goto(`${server.origin}/job?code=13-2011.00`);
      const alert = page.getByRole('alert').filter({ hasText: 'The Upskill server does not answer.' });
      await alert.waitFor({ timeout: 30_000 });
      await page
        .locator('footer')
        .getByText('O*NET 27.0 (USDOL/ETA, CC BY 4.0), GPTs-are-GPTs (Eloundou et al., MIT)')
        .waitFor();
      await page.unroute('**/api/occupations/13-2011.00');
      await alert.getByRole('button', { name: 'Try again' }).click();
      await heading('Accountants and Auditors').waitFor();
    });

    test('the whole start form works from the keyboard, and each new page announces its heading', async () => {
      await page.goto(server.origin);
      await heading('Generative AI and your job').waitFor();
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate<string>('document.activeElement.textContent'), 'Skip to content');
      await page.keyboard.press('Enter');
      // The hash changes once the browser has followed the link: wait for it rather than read it at once.
      await page.waitForURL(/#main$/);

      const title = page.getByRole('combobox', { name: 'Your job title' });
      await title.focus();
      await page.keyboard.type('registered nurse');
      // Suggestions follow the typing; wait until they answer the whole title.
      const first = page.getByRole('option').first();
      await first.filter({ hasText: /^Registered Nurses/ }).waitFor();
      const firstTitle = 'Registered Nurses';
      await page.keyboard.press('ArrowDown');
      assert.equal(await title.getAttribute('aria-activedescendant'), await first.getAttribute('id'));
      await page.keyboard.press('Enter');
      await page.getByText(`Occupation: ${firstTitle}`).waitFor();

      // Tab on through the form to the submit button; nothing on the way may trap the focus.
      let steps = 0;
      while ((await page.evaluate<string>('document.activeElement.textContent')) !== 'Show my job and AI') {
        await page.keyboard.press('Tab');
        assert.ok(++steps < 12, 'the submit button is reachable with Tab');
      }
      await page.keyboard.press('Enter');
      await page.waitForURL('**/job');
      await heading(firstTitle).waitFor();
      assert.equal(
        await page.evaluate<string>('document.activeElement.tagName'),
        'H1',
        "focus moves to the new page's heading",
      );
    });
  },
);
