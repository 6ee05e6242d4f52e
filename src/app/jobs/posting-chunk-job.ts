import { hostname } from 'node:os';
import type { Database } from '../../store/database.js';
import { saveQueuedChunk, type PostingChunk } from '../../store/postings.repository.js';
import type { ExtractionPool } from '../postings/extraction-pool.js';

/** Who stored a batch: this machine and process (shown by `postings imports` and the tests). */
export const WORKER_NAME = `${hostname()}:${process.pid}`;

/**
 * The job that reads one queued batch of postings and stores it: the same extraction as a local
 * import (in this thread or on the pool's threads), and a store that counts a batch once however
 * often the queue runs it.
 */
export async function runPostingChunkJob(
  db: Database,
  pool: ExtractionPool,
  chunk: PostingChunk,
): Promise<{ kept: number; duplicates: number } | 'already done'> {
  const records = await pool.extract(chunk.dataset, chunk.drafts);
  return saveQueuedChunk(db, chunk, records, WORKER_NAME);
}
