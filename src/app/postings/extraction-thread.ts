// One thread of the posting extraction pool: builds the readers once, says so, then reads every
// batch it is sent and answers with the records, in the order of the drafts.
import { parentPort, workerData } from 'node:worker_threads';
import type { PostingDraft } from '../../domain/market/posting-record.js';
import { extractBatch } from './extraction-pool.js';
import { buildPostingReaders, type PostingReaderInputs } from './posting-readers.js';

const readers = buildPostingReaders(workerData as PostingReaderInputs);
parentPort!.on('message', ({ dataset, drafts }: { dataset: string; drafts: PostingDraft[] }) => {
  parentPort!.postMessage(extractBatch(readers, dataset, drafts));
});
parentPort!.postMessage({ ready: true });
