import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { after, before, describe, test } from 'node:test';

// A cluster of this test's own: CI's shared server serves the other store tests meanwhile.
const PG_BIN = existsSync('/usr/lib/postgresql')
  ? readdirSync('/usr/lib/postgresql')
      .sort((a, b) => Number(a) - Number(b))
      .map((version) => `/usr/lib/postgresql/${version}/bin`)
      .filter((bin) => existsSync(join(bin, 'pg_ctl')))
      .pop()
  : undefined;
const skip = PG_BIN ? false : process.env['CI'] ? false : 'PostgreSQL server binaries are not installed (.ci/run does)';
const ROOT = new URL('../', import.meta.url).pathname;
const isRoot = process.getuid?.() === 0;
const dataDir = mkdtempSync(join(tmpdir(), 'upskill-outage-'));
let port = 0;
let url = '';

/** A port free right now, below the ephemeral range so that no outgoing connection takes it meanwhile. */
async function freePort(): Promise<number> {
  for (let candidate = 20_000 + (process.pid % 10_000); ; candidate++) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer().once('error', () => resolve(false));
      probe.listen(candidate, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free) return candidate;
  }
}
let server: ChildProcess | undefined;
let origin = '';

/** Runs a PostgreSQL tool as the cluster's owner (initdb refuses to run as root). */
function pg(tool: string, ...args: string[]): void {
  const command = isRoot
    ? ['runuser', '-u', 'postgres', '--', join(PG_BIN!, tool), ...args]
    : [join(PG_BIN!, tool), ...args];
  const result = spawnSync(command[0]!, command.slice(1), { encoding: 'utf8' });
  assert.equal(result.status, 0, `${tool}: ${result.stderr}`);
}
const startPostgres = (): void =>
  pg(
    'pg_ctl',
    '-D',
    dataDir,
    '-o',
    `-p ${port} -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off`,
    '-l',
    join(dataDir, 'log'),
    '-w',
    'start',
  );
const stopPostgres = (): void => pg('pg_ctl', '-D', dataDir, '-m', 'fast', '-w', 'stop');

before(async () => {
  if (skip) return;
  port = await freePort();
  url = `postgresql://upskill@127.0.0.1:${port}/upskill`;
  if (isRoot) chownSync(dataDir, Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout), 0);
  pg('initdb', '-D', dataDir, '-U', 'upskill', '--auth=trust');
  startPostgres();
  pg('createdb', '-h', '127.0.0.1', '-p', String(port), '-U', 'upskill', 'upskill');
  server = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--port', '0', '--no-load'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url, UPSKILL_HOME: dataDir + '-home', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  origin = await new Promise<string>((resolve, reject) => {
    const read = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /open (http:\/\/[^/\s]+)\//.exec(output);
      if (match) resolve(match[1]!);
    };
    server!.stdout!.on('data', read);
    server!.stderr!.on('data', read);
    server!.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${output}`)));
  });
});

after(() => {
  server?.kill('SIGKILL');
  if (!skip)
    spawnSync(
      isRoot ? 'runuser' : join(PG_BIN!, 'pg_ctl'),
      isRoot
        ? ['-u', 'postgres', '--', join(PG_BIN!, 'pg_ctl'), '-D', dataDir, '-m', 'immediate', 'stop']
        : ['-D', dataDir, '-m', 'immediate', 'stop'],
    );
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(dataDir + '-home', { recursive: true, force: true });
});

const profiles = async (): Promise<{ status: number; code?: string; hint?: string }> => {
  const response = await fetch(`${origin}/api/profiles`);
  const body = (await response.json()) as { code?: string; hint?: string };
  return { status: response.status, code: body.code, hint: body.hint };
};

describe('a lost PostgreSQL server is an outage, not a crash', { skip }, () => {
  test('requests get 503 DATABASE_UNAVAILABLE while it is down, the CLI exits 5, and the server recovers by itself', async () => {
    assert.equal((await profiles()).status, 200);
    stopPostgres();
    // The pool's idle connections are closed by the shutdown: that error event used to end the process.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.equal(server!.exitCode, null, 'the server is still running');
    const down = await profiles();
    assert.deepEqual([down.status, down.code], [503, 'DATABASE_UNAVAILABLE']);
    assert.match(down.hint!, /reconnects by itself/);

    const cli = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'profile', 'list'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url, NO_COLOR: '1' },
      encoding: 'utf8',
    });
    assert.equal(cli.status, 5, cli.stderr);
    assert.match(cli.stderr, /cannot be reached|Could not connect/);

    startPostgres();
    let back = await profiles();
    for (let i = 0; i < 20 && back.status !== 200; i++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      back = await profiles();
    }
    assert.equal(back.status, 200, 'answers again once PostgreSQL is back, without a restart');
    assert.equal(server!.exitCode, null);
  });
});
