import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { extractPosting, postingIdentityText, type PostingReaders } from '../../domain/market/extract-posting.js';
import type { PostingDraft, PostingRecord } from '../../domain/market/posting-record.js';
import type { PostingReaderInputs } from './posting-readers.js';

/** Reads batches of drafts into posting records: in this thread, or spread over worker threads. */
export interface ExtractionPool {
  readonly threads: number;
  extract(dataset: string, drafts: readonly PostingDraft[]): Promise<PostingRecord[]>;
  close(): Promise<void>;
}

/** The content hash of a posting: SHA-1 of its normalised text (de-duplication across files and runs). */
export function contentHashOf(dataset: string, draft: PostingDraft): string {
  return createHash('sha1').update(postingIdentityText(dataset, draft)).digest('base64url');
}

/** Reads a batch of drafts with the given readers (what every thread runs). */
export function extractBatch(
  readers: PostingReaders,
  dataset: string,
  drafts: readonly PostingDraft[],
): PostingRecord[] {
  return drafts.map((draft) => extractPosting(readers, dataset, draft, contentHashOf(dataset, draft)));
}

/** A pool that reads in the calling thread: small imports, tests, and machines with one core. */
export function inProcessPool(readers: PostingReaders): ExtractionPool {
  return {
    threads: 0,
    extract: async (dataset, drafts) => extractBatch(readers, dataset, drafts),
    close: async () => undefined,
  };
}

// Run from source, a worker thread needs tsx's loader registered in it before it loads the .ts file.
const FROM_SOURCE = import.meta.url.endsWith('.ts');
const THREAD_FILE = new URL(FROM_SOURCE ? './extraction-thread.ts' : './extraction-thread.js', import.meta.url);

function startThread(inputs: PostingReaderInputs): Worker {
  if (!FROM_SOURCE) return new Worker(THREAD_FILE, { workerData: inputs });
  const bootstrap = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
    .then((tsx) => { tsx.register(); return import(${JSON.stringify(THREAD_FILE.href)}); })`;
  return new Worker(bootstrap, { eval: true, workerData: inputs });
}

interface Pending {
  resolve: (records: PostingRecord[]) => void;
  reject: (error: Error) => void;
}

/**
 * Worker threads that each build the readers once and then read the batches they are handed, the
 * next batch to the first idle thread. A thread that fails fails its batch and the pool.
 */
export async function threadPool(inputs: PostingReaderInputs, threads: number): Promise<ExtractionPool> {
  const workers = Array.from({ length: threads }, () => startThread(inputs));
  const idle: Worker[] = [];
  const waiting: (() => void)[] = [];
  const pending = new Map<Worker, Pending>();
  let failure: Error | undefined;
  const fail = (error: Error): void => {
    failure ??= error;
    for (const [, job] of pending) job.reject(failure);
    pending.clear();
  };
  await Promise.all(
    workers.map(
      (worker) =>
        new Promise<void>((resolve, reject) => {
          worker.once('message', () => {
            idle.push(worker);
            resolve();
          });
          worker.once('error', reject);
        }),
    ),
  );
  for (const worker of workers) {
    worker.on('message', (records: PostingRecord[]) => {
      const job = pending.get(worker);
      pending.delete(worker);
      idle.push(worker);
      waiting.shift()?.();
      job?.resolve(records);
    });
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (code !== 0) fail(new Error(`a posting extraction thread stopped (exit code ${code})`));
    });
  }
  return {
    threads,
    extract: async (dataset, drafts) => {
      while (idle.length === 0) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => waiting.push(resolve));
      }
      if (failure) throw failure;
      const worker = idle.pop()!;
      return new Promise<PostingRecord[]>((resolve, reject) => {
        pending.set(worker, { resolve, reject });
        worker.postMessage({ dataset, drafts });
      });
    },
    close: async () => {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

/** The pool for this import: threads when asked for and the batch is worth it, else this thread. */
export async function openExtractionPool(
  inputs: () => Promise<PostingReaderInputs>,
  readers: () => Promise<PostingReaders>,
  threads: number,
): Promise<ExtractionPool> {
  if (threads <= 0) return inProcessPool(await readers());
  return threadPool(await inputs(), threads);
}
