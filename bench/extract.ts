/**
 * Skill extraction benchmark. Builds a corpus of at least 50 MB from O*NET task statements and
 * occupation descriptions (seeded shuffle, repeated), then measures, on the same corpus and the
 * same pattern list: Upskill on one core and on all cores (worker threads), peak memory, `wc -w`
 * (one pass over the bytes: the practical ceiling) and ripgrep `rg -F -i -w -o -f patterns.txt`
 * (timed on a 1 MB slice: it is far slower). Also prints precision and recall on the gold set.
 *
 *   npm run bench:extract [-- --data ../shared/data/onet-27.0 --mb 50]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { extractSkills } from '../src/domain/skills/index.js';
import { readOnetCore } from '../src/sources/onet-release.js';
import { fullExtractor, readGold, scoreExtraction } from '../test/support/extraction-gold.js';
import { seededRandom } from './held-out-titles.js';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: new URL('../../shared/data/onet-27.0', import.meta.url).pathname },
    mb: { type: 'string', default: '50' },
  },
});
const onetDir = values.data!;
const cache = new URL('./.cache/', import.meta.url).pathname;
mkdirSync(cache, { recursive: true });
const corpusFile = join(cache, 'corpus.txt');
const sliceFile = join(cache, 'corpus-1mb.txt');
const patternsFile = join(cache, 'patterns.txt');
const MB = 1e6;

// --- corpus and patterns -------------------------------------------------------------------
const targetBytes = Number(values.mb) * MB;
if (!existsSync(corpusFile) || statSync(corpusFile).size < targetBytes) {
  const core = await readOnetCore(onetDir);
  const lines = [...core.tasks.map((t) => t.statement), ...core.occupations.map((o) => o.description)];
  const random = seededRandom(7);
  const parts: string[] = [];
  let bytes = 0;
  while (bytes < targetBytes) {
    for (let i = lines.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [lines[i], lines[j]] = [lines[j]!, lines[i]!];
    }
    for (const line of lines) {
      parts.push(line);
      bytes += Buffer.byteLength(line) + 1;
    }
  }
  writeFileSync(corpusFile, `${parts.join('\n')}\n`);
}
const corpus = readFileSync(corpusFile, 'utf8');
const corpusBytes = statSync(corpusFile).size;
writeFileSync(sliceFile, corpus.slice(0, corpus.indexOf('\n', MB) + 1));

let started = performance.now();
const extractor = await fullExtractor(onetDir);
const buildMs = performance.now() - started;
const patterns = [...new Set(extractor.vocabulary.map((entry) => entry.surface))];
writeFileSync(patternsFile, `${patterns.join('\n')}\n`);
console.log(
  `corpus ${(corpusBytes / MB).toFixed(1)} MB, ${patterns.length.toLocaleString('en-US')} patterns, ` +
    `vocabulary built and compiled in ${buildMs.toFixed(0)} ms\n`,
);

// Chunks end on a line break so no phrase is cut in two.
function chunks(text: string, size: number): { start: number; end: number }[] {
  const ranges: { start: number; end: number }[] = [];
  const bytes = Buffer.from(text);
  for (let start = 0; start < bytes.length;) {
    let end = Math.min(bytes.length, start + size);
    while (end < bytes.length && bytes[end - 1] !== 0x0a) end++;
    ranges.push({ start, end });
    start = end;
  }
  return ranges;
}
const ranges = chunks(corpus, MB);

// --- one core ------------------------------------------------------------------------------
let peakRss = process.memoryUsage().rss;
const buffer = Buffer.from(corpus);
extractSkills(extractor, buffer.subarray(0, MB).toString('utf8'));
started = performance.now();
let mentions = 0;
for (const range of ranges) {
  mentions += extractSkills(extractor, buffer.subarray(range.start, range.end).toString('utf8')).length;
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}
const oneCoreSeconds = (performance.now() - started) / 1000;

// --- all cores -----------------------------------------------------------------------------
const threads = availableParallelism();
const workers = await Promise.all(
  Array.from({ length: threads }, () => {
    const worker = new Worker(new URL('./extract-worker.mjs', import.meta.url), {
      workerData: { onetDir, corpusFile },
    });
    return new Promise<Worker>((resolve) => worker.once('message', () => resolve(worker)));
  }),
);
started = performance.now();
let next = 0;
let parallelMentions = 0;
await Promise.all(
  workers.map(
    (worker) =>
      new Promise<void>((resolve) => {
        const send = (): void => {
          if (next >= ranges.length) return resolve();
          worker.postMessage(ranges[next++]);
        };
        worker.on('message', (message: { mentions: number }) => {
          parallelMentions += message.mentions;
          send();
        });
        send();
      }),
  ),
);
const allCoresSeconds = (performance.now() - started) / 1000;
for (const worker of workers) worker.postMessage(null);
if (parallelMentions !== mentions) throw new Error(`workers found ${parallelMentions} mentions, one core ${mentions}`);

// --- peers ---------------------------------------------------------------------------------
function timeCommand(command: string, args: string[]): number | undefined {
  const t = performance.now();
  const result = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'ignore'], maxBuffer: 1 << 30 });
  if (result.error || result.status === null) return undefined;
  return (performance.now() - t) / 1000;
}
const wcSeconds = timeCommand('wc', ['-w', corpusFile]);
const sliceBytes = statSync(sliceFile).size;
const rgSeconds = timeCommand('rg', ['-F', '-i', '-w', '-o', '-f', patternsFile, sliceFile]);

const gold = scoreExtraction(extractor, readGold());
const rate = (bytes: number, seconds: number | undefined): string =>
  seconds === undefined ? 'not installed' : `${(bytes / MB / seconds).toFixed(2)} MB/s`;
const oneCore = corpusBytes / MB / oneCoreSeconds;
console.log('| what | on | throughput | vs Upskill one core |');
console.log('|---|---|---|---|');
console.log(
  `| Upskill extraction, 1 core | ${(corpusBytes / MB).toFixed(0)} MB | ${rate(corpusBytes, oneCoreSeconds)} | 1.00× |`,
);
console.log(
  `| Upskill extraction, ${threads} worker threads | ${(corpusBytes / MB).toFixed(0)} MB | ${rate(corpusBytes, allCoresSeconds)} ` +
    `| ${(oneCoreSeconds / allCoresSeconds).toFixed(2)}× |`,
);
console.log(
  `| \`wc -w\` (ceiling: one pass over the bytes) | ${(corpusBytes / MB).toFixed(0)} MB | ${rate(corpusBytes, wcSeconds)} ` +
    `| ${wcSeconds ? (corpusBytes / MB / wcSeconds / oneCore).toFixed(2) : '–'}× |`,
);
console.log(
  `| ripgrep \`rg -F -i -w -o -f patterns.txt\` | ${(sliceBytes / MB).toFixed(1)} MB slice | ` +
    `${rate(sliceBytes, rgSeconds)} | ${rgSeconds ? (sliceBytes / MB / rgSeconds / oneCore).toFixed(4) : '–'}× ` +
    `|`,
);
console.log(
  `\n${mentions.toLocaleString('en-US')} mentions; peak RSS ${(peakRss / 1048576).toFixed(0)} ` +
    `MiB (one-core run, 1 MB chunks); vocabulary compile ${buildMs.toFixed(0)} ms.`,
);
console.log(
  `Gold set (${readGold().length} sentences): precision ${gold.precision.toFixed(3)}, recall ${gold.recall.toFixed(3)}.`,
);
