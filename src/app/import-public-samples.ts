import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UpskillError } from '../domain/errors.js';
import { importInsights } from './import-insights.js';
import { importPostings, type ImportPostingsOptions } from './import-postings.js';
import { importTermCounts } from './import-term-counts.js';
import { searchRoots } from './load-reference-data.js';
import type { UpskillApp } from './upskill-app.js';

/** The public samples beside Upskill (`../shared`, SOURCES.md): each a part of the market, said so where shown. */
export const PUBLIC_SAMPLES = [
  {
    kind: 'postings',
    name: 'hn-whos-hiring',
    path: 'hn-whos-hiring/roles.csv',
    what: 'Hacker News “Who is hiring?” job posts as fields, 2022-12 … 2025-10 (tech and start-up jobs)',
  },
  {
    kind: 'postings',
    name: 'linkedin-2024-sample',
    path: 'linkedin-2024-sample/postings.csv',
    what: 'LinkedIn postings with full text, Dec 2023 – Apr 2024 (CC BY-SA)',
  },
  {
    kind: 'term-counts',
    name: 'hn-hiringtrends',
    path: 'hn-hiringtrends/monthly_terms.csv',
    what: 'share of Hacker News “Who is hiring?” posts naming each of 261 terms, monthly 2011-04 … 2024-05',
  },
  {
    kind: 'insights',
    name: 'seeds',
    path: '../seeds',
    what: 'the three dated news records Upskill was conceived from',
  },
] as const;

export type SampleName = (typeof PUBLIC_SAMPLES)[number]['name'];
export const SAMPLE_NAMES = PUBLIC_SAMPLES.map((sample) => sample.name) as [SampleName, ...SampleName[]];

export interface SampleImport {
  name: SampleName;
  kind: (typeof PUBLIC_SAMPLES)[number]['kind'];
  path: string;
  what: string;
  /** What the import stored: new postings, month × term counts, or insight records. */
  stored: number;
  /** Rows already stored before (postings only: the same id or text). */
  duplicates: number;
  badRows: number;
}

type PublicSample = (typeof PUBLIC_SAMPLES)[number];

export type SamplesOptions = Pick<ImportPostingsOptions, 'onProgress' | 'threads' | 'queue'> & {
  /** Only these samples; all by default. */
  only?: readonly SampleName[];
  /** Called as each sample's import starts. */
  onSample?: (sample: PublicSample, file: string) => void;
};

const inFlight = new WeakSet<UpskillApp>();

/**
 * Imports every public sample found in the data folders (UPSKILL_DATA_DIR, ../shared/data) — the
 * same imports as the CLI's, so a second run stores nothing new. Fails when none is there.
 */
export async function importPublicSamples(app: UpskillApp, options: SamplesOptions = {}): Promise<SampleImport[]> {
  const roots = searchRoots(app.config, {}).slice(0, -1);
  const wanted = PUBLIC_SAMPLES.filter((sample) => !options.only || options.only.includes(sample.name));
  const found = wanted.flatMap((sample) => {
    const root = roots.find((dir) => existsSync(join(dir, sample.path)));
    return root ? [{ sample, file: join(root, sample.path) }] : [];
  });
  if (found.length === 0)
    throw new UpskillError(
      'SOURCE_NOT_FOUND',
      `No public sample${options.only ? ` (${options.only.join(', ')})` : ''} was found in ${roots.join(' or ')}.`,
      {
        hint: 'Put the shared datasets beside Upskill (../shared/data) or set UPSKILL_DATA_DIR to their folder.',
      },
    );
  // Two loads at once would each read every file again for nothing but duplicates.
  if (inFlight.has(app))
    throw new UpskillError('CONFLICT', 'The public samples are being loaded already.', {
      hint: 'Wait for that load to finish: it takes about half a minute.',
    });
  inFlight.add(app);
  try {
    const imported: SampleImport[] = [];
    for (const { sample, file } of found) {
      options.onSample?.(sample, file);
      imported.push({
        name: sample.name,
        kind: sample.kind,
        path: sample.path,
        what: sample.what,
        ...(await importSample(app, sample, file, options)),
      });
    }
    return imported;
  } finally {
    inFlight.delete(app);
  }
}

async function importSample(
  app: UpskillApp,
  sample: PublicSample,
  file: string,
  options: SamplesOptions,
): Promise<Pick<SampleImport, 'stored' | 'duplicates' | 'badRows'>> {
  if (sample.kind === 'postings') {
    const [result] = await importPostings(app, file, options);
    const run = result!.run;
    return { stored: run.rowsKept, duplicates: run.duplicates, badRows: run.badRows };
  }
  if (sample.kind === 'term-counts') {
    const result = await importTermCounts(app, file);
    return { stored: result.stored, duplicates: 0, badRows: result.run.badRows };
  }
  const result = await importInsights(app, file);
  return { stored: result.imported, duplicates: 0, badRows: result.problems.length };
}
