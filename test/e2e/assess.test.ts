import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { assertAccessible, browserSkip, launchChromium, startUpskill, type RunningServer } from './web-session.js';

let server: RunningServer;
let browser: Browser;

describe('web app: the short self-assessment', { skip: browserSkip, timeout: 300_000 }, () => {
  before(async () => {
    [server, browser] = await Promise.all([startUpskill(), launchChromium()]);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('one screen of at most twelve skills, each level in words; saving confirms the levels and re-plans', async () => {
    const api = async <T>(path: string, init?: RequestInit): Promise<T> =>
      (await (await fetch(`${server.origin}${path}`, init)).json()) as T;
    const json = { 'content-type': 'application/json' };
    const profile = await api<{ id: string }>('/api/profiles', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({
        name: 'Nurse',
        occupation: 'registered nurse',
        target: 'ai-assisted-data-analyst',
        hoursPerWeek: 5,
      }),
    });
    const expected = await api<{ skills: { skillId: string; name: string; suggested: number }[] }>('/api/assessment', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ occupation: 'registered nurse', target: 'ai-assisted-data-analyst' }),
    });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    try {
      await page.goto(`${server.origin}/`);
      await page.evaluate(`localStorage.setItem('upskill.profile', ${JSON.stringify(profile.id)})`);
      await page.goto(`${server.origin}/assess`);
      await page.getByRole('heading', { level: 1, name: 'Check your starting levels' }).waitFor();
      const groups = page.locator('fieldset.assessment-skill');
      await groups.first().waitFor();
      assert.equal(await groups.count(), expected.skills.length);
      assert.ok(expected.skills.length <= 12);
      for (const skill of expected.skills.slice(0, 3)) {
        const group = page.getByRole('group', { name: new RegExp(`^${skill.name}`) });
        assert.equal(await group.getByRole('radio').count(), 5);
        const checked = await group.locator('input:checked').getAttribute('value');
        assert.equal(Number(checked), skill.suggested, `${skill.name} starts at its suggested level`);
      }
      const first = expected.skills[0]!;
      const group = page.getByRole('group', { name: new RegExp(`^${first.name}`) });
      await group.getByRole('radio', { name: /^can build/ }).check();
      await assertAccessible(page, 'Self-assessment');
      await page.getByRole('button', { name: 'Save my levels' }).click();
      await page.getByRole('status').getByText('Saved.').waitFor();
      const saved = await api<{ skills: { skillId: string; level: number }[] }>(`/api/profiles/${profile.id}`);
      assert.equal(saved.skills.find((s) => s.skillId === first.skillId)?.level, 3);
      assert.equal(
        saved.skills.filter((s) => expected.skills.some((e) => e.skillId === s.skillId)).length,
        expected.skills.filter((s) => s.suggested > 0 || s.skillId === first.skillId).length,
        'every level on the screen is now the person’s own',
      );
    } finally {
      await context.close();
    }
  });
});
