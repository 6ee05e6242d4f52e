// One worker of the extraction benchmark: compiles the vocabulary, says so, then extracts the byte
// ranges of the corpus it is sent and returns how many mentions it found.
import { openSync, readSync, closeSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { extractSkills } from '../src/domain/skills/index.js';
import { fullExtractor } from '../test/support/extraction-gold.js';

const { onetDir, corpusFile } = workerData as { onetDir: string; corpusFile: string };
const extractor = await fullExtractor(onetDir);
const fd = openSync(corpusFile, 'r');
parentPort!.postMessage({ ready: true });
parentPort!.on('message', (job: { start: number; end: number } | null) => {
  if (job === null) {
    closeSync(fd);
    process.exit(0);
  }
  const buffer = Buffer.allocUnsafe(job.end - job.start);
  readSync(fd, buffer, 0, buffer.length, job.start);
  const mentions = extractSkills(extractor, buffer.toString('utf8')).length;
  parentPort!.postMessage({ mentions });
});
