import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { SHARED_DATA } from '../support/databases.js';

export const CHROMIUM = '/usr/bin/chromium';
const ROOT = new URL('../../', import.meta.url).pathname;
export const SCREENSHOTS = join(ROOT, 'docs', 'screenshots');

/** Browser tests need Debian's chromium and the built front end; CI installs and builds both, so there they never skip. */
export const browserSkip: string | false = process.env['CI']
  ? false
  : !existsSync(CHROMIUM)
    ? `${CHROMIUM} is missing (apt-get install chromium; .ci/run does)`
    : !existsSync(join(ROOT, 'dist/web/index.html'))
      ? 'the front end is not built (npm run build:web; npm test does)'
      : false;

export interface RunningServer {
  origin: string;
  /** The server's UPSKILL_HOME, for other upskill commands on the same store. */
  home: string;
  /** What the server printed so far. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts the real `upskill serve` on a free port with a fresh home folder: it finds ../shared/data,
 * loads it into a new embedded store, and serves the built web app beside the API. `env` adds to its
 * environment (the coach's UPSKILL_LLM_* for instance).
 */
export async function startUpskill(extraArgs: string[] = [], env: Record<string, string> = {}): Promise<RunningServer> {
  const home = mkdtempSync(join(tmpdir(), 'upskill-web-'));
  const args = ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--port', '0', ...extraArgs];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      UPSKILL_HOME: home,
      UPSKILL_DATA_DIR: SHARED_DATA,
      DATABASE_URL: '',
      NO_COLOR: '1',
      TZ: 'UTC',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`upskill serve did not start in 120 s:\n${output}`)), 120_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /open (http:\/\/[^/\s]+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => reject(new Error(`upskill serve exited with ${code}:\n${output}`)));
  });
  return {
    origin,
    home,
    output: () => output,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(home, { recursive: true, force: true });
    },
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Runs axe-core (WCAG 2.x A and AA rules) on the page as it is now and fails on any serious or
 * critical violation, listing each with the elements it found. The page's context must bypass
 * CSP so the checker can be injected; the app itself never needs that.
 */
export async function assertAccessible(page: Page, where: string): Promise<void> {
  await page.addScriptTag({ content: AXE_SOURCE });
  // A string, because it runs in the browser (this project's Node types have no DOM).
  const violations = await page.evaluate<AxeViolation[]>(`axe
    .run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })
    .then((result) => result.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target })),
    })))`);
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(
    serious.map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    [],
    `accessibility violations on ${where}`,
  );
}

/** Saves what the page looks like now to docs/screenshots/<name>.png (the README links them). */
export async function saveScreenshot(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.evaluate('window.scrollTo(0, 0)'); // so the sticky header sits at the top of the picture
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage, animations: 'disabled' });
}

/** True when nothing sticks out sideways (the page works at this width without side-scrolling). */
export function hasNoHorizontalOverflow(page: Page): Promise<boolean> {
  return page.evaluate<boolean>('document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1');
}
