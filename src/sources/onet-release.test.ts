import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { UpskillError } from '../domain/errors.js';
import { readOnetCore, readOnetDetails, readOnetVersion } from './onet-release.js';
import { readGptsRelease } from './gpts-release.js';
import { ONET_27, GPTS } from '../../test/support/databases.js';
import { writeMiniRelease } from '../../test/support/mini-release.js';

const work = mkdtempSync(join(tmpdir(), 'upskill-sources-'));
after(() => rmSync(work, { recursive: true, force: true }));

async function rejectsWith(promise: Promise<unknown>, pattern: RegExp, code = 'SOURCE_INVALID'): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof UpskillError, `expected an UpskillError, got ${String(error)}`);
    assert.equal(error.code, code);
    assert.match(error.message, pattern);
    return true;
  });
}

describe('O*NET release reader', () => {
  test('reads the real 27.0 release with the row counts of its files', async () => {
    const core = await readOnetCore(ONET_27);
    assert.equal(readOnetVersion(ONET_27), '27.0');
    assert.equal(core.occupations.length, 1016);
    assert.equal(core.alternateTitles.length, 45213);
    assert.equal(core.tasks.length, 19265);
    const details = await readOnetDetails(ONET_27);
    assert.equal(details.technologySkills.length, 30826);
    assert.equal(details.relatedOccupations.length, 18460);
    assert.equal(details.jobZones.length, 923);
    assert.equal(details.taskImportance.length, 0, 'this copy has no Task Ratings');
  });

  test('a malformed row names the file, line and field', async () => {
    const { onetDir } = writeMiniRelease(join(work, 'bad-code'));
    const file = join(onetDir, 'Task Statements.txt');
    writeFileSync(file, readFileSync(file, 'utf8').replace('43-3031.00\t3', '43-303X.00\t3'));
    await rejectsWith(
      readOnetCore(onetDir),
      /^Task Statements\.txt, line 4, field "O\*NET-SOC Code": expected an O\*NET-SOC code/,
    );
  });

  test('a non-numeric task ID is rejected with its line', async () => {
    const { onetDir } = writeMiniRelease(join(work, 'bad-id'));
    const file = join(onetDir, 'Task Statements.txt');
    writeFileSync(file, readFileSync(file, 'utf8').replace('\t2\t', '\tabc\t'));
    await rejectsWith(readOnetCore(onetDir), /line 3, field "Task ID": expected a whole number, got "abc"/);
  });

  test('a truncated file (last row cut short) is rejected, naming the line', async () => {
    const { onetDir } = writeMiniRelease(join(work, 'truncated'));
    const file = join(onetDir, 'Alternate Titles.txt');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.slice(0, text.length - 12));
    await rejectsWith(
      readOnetCore(onetDir),
      /^Alternate Titles\.txt, line 3, .*has 2 fields, expected 4 \(is the row cut short\?\)/,
    );
  });

  test('a missing required file is reported as not found', async () => {
    const { onetDir } = writeMiniRelease(join(work, 'missing'));
    rmSync(join(onetDir, 'Alternate Titles.txt'));
    await rejectsWith(readOnetCore(onetDir), /Alternate Titles\.txt: file not found/, 'SOURCE_NOT_FOUND');
  });

  test('a header without a needed column is rejected before any row is read', async () => {
    const { onetDir } = writeMiniRelease(join(work, 'header'));
    const file = join(onetDir, 'Occupation Data.txt');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Description', 'Summary'));
    await rejectsWith(readOnetCore(onetDir), /line 1, field "Description": missing column/);
  });
});

describe('GPTs-are-GPTs reader', () => {
  test('reads every task label, score and detailed BLS wage row', async () => {
    const release = await readGptsRelease(GPTS);
    assert.equal(release.taskLabels.length, 19265);
    assert.equal(release.publishedScores.length, 923);
    assert.equal(release.humanAutomation.length, 100);
    assert.equal(release.wages.length, 831);
    const marketing = release.wages.find((w) => w.soc === '13-1161');
    assert.deepEqual(marketing && [marketing.employment, marketing.medianAnnual], [727540, 63920]);
  });

  test('an unknown exposure label names the file, line and field', async () => {
    const { gptsDir } = writeMiniRelease(join(work, 'bad-label'));
    const file = join(gptsDir, 'full_labelset.tsv');
    writeFileSync(file, readFileSync(file, 'utf8').replace('\tE1\tE2\t', '\tE7\tE2\t'));
    await rejectsWith(
      readGptsRelease(gptsDir),
      /^full_labelset\.tsv, line 2, field "human_exposure_agg": expected one of E0, E1, E2, got "E7"/,
    );
  });

  test('an unclosed quote in a CSV is reported with its line', async () => {
    const { gptsDir } = writeMiniRelease(join(work, 'quote'));
    const file = join(gptsDir, 'occ_level.csv');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('"Bookkeeping, Accounting, and Auditing Clerks"', '"Bookkeeping, Accounting'),
    );
    await rejectsWith(readGptsRelease(gptsDir), /^occ_level\.csv, line \d+/);
  });
});
