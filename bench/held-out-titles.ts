import { join } from 'node:path';
import { readOnetCore, readOnetDetails } from '../src/sources/onet-release.js';
import { readGptsRelease } from '../src/sources/gpts-release.js';
import { employmentPriors } from '../src/domain/titles/index.js';
import type { OccupationName, TitleEntry } from '../src/domain/titles/index.js';

/** Small seeded PRNG (mulberry32) so every run holds out the same titles. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface HeldOutSplit {
  occupations: OccupationName[];
  indexed: TitleEntry[];
  heldOut: TitleEntry[];
}

/** Removes a fixed, seeded share of the alternate titles from the index to use as unseen queries. */
export async function splitAlternateTitles(onetDir: string, share = 0.1, seed = 20231): Promise<HeldOutSplit> {
  const core = await readOnetCore(onetDir);
  const random = seededRandom(seed);
  const indexed: TitleEntry[] = [];
  const heldOut: TitleEntry[] = [];
  for (const title of core.alternateTitles) {
    const entry = { code: title.code, title: title.title };
    if (random() < share) heldOut.push(entry);
    else {
      indexed.push(entry);
      if (title.shortTitle) indexed.push({ code: title.code, title: title.shortTitle });
    }
  }
  // The same employment priors the app uses, from the BLS file beside the exposure labels.
  const wages = new Map(
    (await readGptsRelease(join(onetDir, '..', 'gpts-are-gpts'))).wages.map((w) => [w.soc, w.employment]),
  );
  const priors = employmentPriors(core.occupations.map((o) => wages.get(o.code.slice(0, 7)) ?? null));
  return {
    occupations: core.occupations.map((o, i) => ({ code: o.code, title: o.title, prior: priors[i]! })),
    indexed,
    heldOut,
  };
}

/** Each occupation's description and task statements, the context words of the title index. */
export async function occupationContexts(onetDir: string): Promise<{ code: string; text: string }[]> {
  const core = await readOnetCore(onetDir);
  const texts = new Map(core.occupations.map((o) => [o.code, [o.description]]));
  for (const task of core.tasks) texts.get(task.code)?.push(task.statement);
  return [...texts].map(([code, parts]) => ({ code, text: parts.join(' ') }));
}

/** O*NET's closely related occupations (its Primary-Short tier), as the app's title index takes them. */
export async function occupationRelations(onetDir: string): Promise<{ code: string; relatedCode: string }[]> {
  const { relatedOccupations } = await readOnetDetails(onetDir);
  return relatedOccupations.filter((r) => r.tier === 'Primary-Short');
}
