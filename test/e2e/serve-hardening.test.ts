import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { sourceTasks } from '../support/source-tasks.js';
import { browserSkip, launchChromium, startUpskill, type RunningServer } from './web-session.js';

const ROOT = new URL('../../', import.meta.url).pathname;
let server: RunningServer;

before(async () => {
  server = await startUpskill();
});
after(() => server?.stop());

/** Another upskill process on the server's store, as a user would run it in a second terminal. */
function upskill(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, UPSKILL_HOME: server.home, DATABASE_URL: '', NO_COLOR: '1', TZ: 'UTC' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const port = (): string => new URL(server.origin).port;

/** A raw request with the headers a forging client chooses (fetch would not let us set Host). */
async function send(
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; body: { code?: string; detail?: string } }> {
  const { request } = await import('node:http');
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: port(), path, method: init.method ?? 'GET', headers: init.headers },
      (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, body: text ? (JSON.parse(text) as object) : {} }));
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

describe('the CLI works while `upskill serve` runs on the embedded store', () => {
  test('occupation, plan and profile create/list from another process share the server’s data', async () => {
    const occupation = upskill(['occupation', '13-1161.00', '--json']);
    assert.equal(occupation.status, 0, occupation.stderr);
    const view = JSON.parse(occupation.stdout) as { title: string; tasks: { taskId: number }[] };
    assert.equal(view.title, 'Market Research Analysts and Marketing Specialists');
    assert.equal(view.tasks.length, sourceTasks('13-1161.00').size);

    const plan = upskill(['plan', '--title', 'registered nurse', '--hours', '4', '--json']);
    assert.equal(plan.status, 0, plan.stderr);
    assert.equal((JSON.parse(plan.stdout) as { occupation: { code: string } }).occupation.code, '29-1141.00');

    const created = upskill(['profile', 'create', '--name', 'Second Terminal', '--title', 'accountant', '--json']);
    assert.equal(created.status, 0, created.stderr);
    const { id } = JSON.parse(created.stdout) as { id: string };
    const listed = upskill(['profile', 'list']);
    assert.equal(listed.status, 0, listed.stderr);
    assert.match(listed.stdout, new RegExp(`${id}\\s+Second Terminal`));
    // …and the running server sees the very same profile.
    const fromServer = (await (await fetch(`${server.origin}/api/profiles`)).json()) as { id: string }[];
    assert.ok(fromServer.some((profile) => profile.id === id));
  });

  test('a closed pipe ends a command quietly (`upskill skills list --json | head -c 300`)', () => {
    const result = spawnSync(
      'bash',
      ['-c', `${JSON.stringify(process.execPath)} --import tsx src/cli/main.ts skills list --json | head -c 300`],
      { cwd: ROOT, env: { ...process.env, UPSKILL_HOME: server.home, DATABASE_URL: '' } },
    );
    assert.equal(result.stdout.length, 300);
    assert.doesNotMatch(result.stderr.toString(), /EPIPE|Error|at /);
  });
});

describe('only this machine’s pages may talk to the server', () => {
  test('a forged Host (DNS rebinding) gets 421 and no profile', async () => {
    for (const host of [`evil.example:${port()}`, 'evil.example', `127.0.0.1.evil.example:${port()}`, `localhost:1`]) {
      const response = await send('/api/profiles', { headers: { host } });
      assert.equal(response.status, 421, host);
      assert.equal(response.body.code, 'HOST_NOT_ALLOWED');
    }
    for (const host of [`127.0.0.1:${port()}`, `localhost:${port()}`]) {
      assert.equal((await send('/api/profiles', { headers: { host } })).status, 200, host);
    }
  });

  test('a state-changing request from another origin gets 403; the same origin and scripts get through', async () => {
    const body = JSON.stringify({ name: 'Forged', occupation: 'nurse', hoursPerWeek: 5 });
    const json = { 'content-type': 'application/json', host: `127.0.0.1:${port()}` };
    for (const headers of <Record<string, string>[]>[
      { origin: 'http://evil.example' },
      { origin: `http://127.0.0.1:${Number(port()) + 1}` },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
    ]) {
      const response = await send('/api/profiles', { method: 'POST', headers: { ...json, ...headers }, body });
      assert.equal(response.status, 403, JSON.stringify(headers));
      assert.equal(response.body.code, 'ORIGIN_NOT_ALLOWED');
    }
    const same = await send('/api/profiles', {
      method: 'POST',
      headers: { ...json, origin: server.origin, 'sec-fetch-site': 'same-origin' },
      body,
    });
    assert.equal(same.status, 201);
    assert.equal((await send('/api/profiles', { method: 'POST', headers: json, body })).status, 201);
  });

  test(
    'a page served from another port cannot change data, even with a simple (no-preflight) request',
    {
      skip: browserSkip,
    },
    async () => {
      const before = ((await (await fetch(`${server.origin}/api/profiles`)).json()) as unknown[]).length;
      const target = server.origin.replace('127.0.0.1', 'localhost');
      const page = `<!doctype html><title>elsewhere</title><script>
      const body = JSON.stringify({ name: 'CSRF', occupation: 'nurse', hoursPerWeek: 5 });
      Promise.allSettled([
        fetch('${server.origin}/api/profiles', { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body }),
        fetch('${target}/api/profiles', { method: 'POST', mode: 'no-cors', body }),
        fetch('${server.origin}/api/profiles', { method: 'POST', headers: { 'content-type': 'application/json' }, body }),
      ]).then((results) => { document.title = 'done ' + results.map((r) => r.status).join(','); });
    </script>`;
      const attacker: Server = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(page));
      await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
      let browser: Browser | undefined;
      const seen: number[] = [];
      try {
        browser = await launchChromium();
        const tab = await browser.newPage();
        tab.on('response', (response) => {
          if (response.url().includes('/api/profiles')) seen.push(response.status());
        });
        await tab.goto(`http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`);
        await tab.waitForFunction("document.title.startsWith('done')", undefined, { timeout: 15_000 });
      } finally {
        await browser?.close();
        attacker.close();
      }
      const after = ((await (await fetch(`${server.origin}/api/profiles`)).json()) as unknown[]).length;
      assert.equal(after, before, 'no profile was created by the foreign page');
      assert.ok(
        seen.length >= 2 && seen.every((status) => status === 403 || status === 415),
        `statuses ${seen.join(',')}`,
      );
    },
  );

  test('a non-loopback --host needs --team: personal mode has no login, and --unsafe-no-login is gone', async () => {
    const refused = upskill(['serve', '--host', '0.0.0.0', '--port', '0', '--no-load']);
    assert.equal(refused.status, 2);
    assert.match(
      refused.stderr,
      /--host 0\.0\.0\.0 would let other machines reach Upskill in personal mode, which has no login/,
    );
    assert.match(refused.stderr, /add --team to require accounts/);
    const gone = upskill(['serve', '--host', '0.0.0.0', '--unsafe-no-login', '--no-load']);
    assert.equal(gone.status, 2);
    assert.match(gone.stderr, /unknown option '--unsafe-no-login'/);
  });
});
