import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { UpskillError } from '../domain/errors.js';
import { SHARED_DATA } from '../../test/support/databases.js';
import { readAnthropicRelease, readMicrosoftRelease } from './observed-use-release.js';

const ANTHROPIC = join(SHARED_DATA, 'anthropic-economic-index-2025-02');
const MICROSOFT = join(SHARED_DATA, 'microsoft-working-with-ai');
const work = mkdtempSync(join(tmpdir(), 'upskill-observed-'));
after(() => rmSync(work, { recursive: true, force: true }));

const dataLines = (file: string): string[] => readFileSync(file, 'utf8').trim().split('\n').slice(1);

async function rejection(promise: Promise<unknown>): Promise<UpskillError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof UpskillError);
    return error;
  }
  assert.fail('expected the release to be refused');
}

describe('the Anthropic Economic Index release', () => {
  test('reads every mapped task share and the O*NET task list it mapped against', async () => {
    const release = await readAnthropicRelease(ANTHROPIC);
    assert.equal(release.taskShares.length, dataLines(join(ANTHROPIC, 'onet_task_mappings.csv')).length);
    assert.equal(release.statements.length, 19_530);
    const total = release.taskShares.reduce((sum, row) => sum + row.pct, 0);
    assert.ok(Math.abs(total - 100) < 0.01, `shares sum to ${total}`);
  });

  test('a malformed row is named by file, line and field; a missing file is named too', async () => {
    const dir = join(work, 'anthropic-bad');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'onet_task_mappings.csv'), 'task_name,pct\nwrite code.,0.5\nreview contracts.,lots\n');
    writeFileSync(join(dir, 'onet_task_statements.csv'), 'O*NET-SOC Code,Task ID,Task\n15-1252.00,1,Write code.\n');
    const bad = await rejection(readAnthropicRelease(dir));
    assert.equal(bad.message, 'onet_task_mappings.csv, line 3, field "pct": expected a number, got "lots"');
    writeFileSync(join(dir, 'onet_task_mappings.csv'), 'task_name,pct\nwrite code.,150\n');
    assert.match(
      (await rejection(readAnthropicRelease(dir))).message,
      /line 2, field "pct": must be between 0 and 100/,
    );
    rmSync(join(dir, 'onet_task_statements.csv'));
    writeFileSync(join(dir, 'onet_task_mappings.csv'), 'task_name,pct\nwrite code.,0.5\n');
    assert.match(
      (await rejection(readAnthropicRelease(dir))).message,
      /the Anthropic Economic Index folder has no onet_task_statements\.csv$/,
    );
  });
});

describe('Microsoft Working with AI', () => {
  test('reads all 332 work activities, 785 occupations and their activity weights', async () => {
    const release = await readMicrosoftRelease(MICROSOFT);
    assert.equal(release.activities.length, 332);
    assert.equal(release.occupations.length, dataLines(join(MICROSOFT, 'soc_ai_applicability_scores.csv')).length);
    const [first] = dataLines(join(MICROSOFT, 'iwa_metrics.csv'));
    const [iwa, , shareUser] = first!.split(',');
    const activity = release.activities.find((row) => row.iwa === iwa)!;
    assert.equal(activity.shareUser, Number(shareUser));
    assert.ok(release.weights.every((cell) => cell.weight > 0));
    assert.ok(release.weights.some((cell) => cell.soc === '29-1141'));
  });

  test('a damaged activity row and a missing column are refused with file, line and field', async () => {
    const dir = join(work, 'microsoft-bad');
    mkdirSync(dir, { recursive: true });
    for (const file of ['soc_ai_applicability_scores.csv', 'soc_iwa_weights.csv'])
      copyFileSync(join(MICROSOFT, file), join(dir, file));
    const lines = readFileSync(join(MICROSOFT, 'iwa_metrics.csv'), 'utf8').split('\n');
    lines[5] = lines[5]!.replace(/^4\.A\.[^,]+/, 'IWA-5');
    writeFileSync(join(dir, 'iwa_metrics.csv'), lines.join('\n'));
    assert.equal(
      (await rejection(readMicrosoftRelease(dir))).message,
      'iwa_metrics.csv, line 6, field "IWA": "IWA-5" is not an O*NET IWA ID',
    );
    writeFileSync(join(dir, 'iwa_metrics.csv'), 'IWA,title\n4.A.1.a.1.I01,Study details.\n');
    assert.match(
      (await rejection(readMicrosoftRelease(dir))).message,
      /iwa_metrics\.csv, line 1, field "share_user": missing column/,
    );
  });
});
