import { availableParallelism } from 'node:os';
import { fork } from 'node:child_process';
import { UpskillError, type ErrorCode } from '../../domain/errors.js';
import { DEFAULT_DOCUMENT_LIMITS, megabytes, type DocumentLimits } from './document-limits.js';
import type { WorkerReply } from './document-worker.js';
import type { DocumentText } from './parse-document.js';

export type { DocumentFormat, DocumentText } from './parse-document.js';
export { DEFAULT_DOCUMENT_LIMITS, type DocumentLimits } from './document-limits.js';

/** Résumés and postings are small; anything bigger is a mistake or an attack. */
export const MAX_DOCUMENT_BYTES = DEFAULT_DOCUMENT_LIMITS.maxBytes;

// Run from source, the child needs tsx's loader to read the .ts file.
const FROM_SOURCE = import.meta.url.endsWith('.ts');
const WORKER_FILE = new URL(FROM_SOURCE ? './document-worker.ts' : './document-worker.js', import.meta.url);

// Each parse may use `memoryMb` of heap: at most one per spare core at a time, the rest wait their turn.
const MAX_PARALLEL_PARSES = Math.max(1, availableParallelism() - 1);
let running = 0;
const waiting: (() => void)[] = [];

async function takeTurn(): Promise<() => void> {
  if (running >= MAX_PARALLEL_PARSES) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  return () => {
    running--;
    waiting.shift()?.();
  };
}

/**
 * Turns an uploaded résumé or posting into text, with a distinct error for every way it can fail.
 * The parsers run in a child process with a capped heap and a deadline, so a hostile file costs
 * one child, never the server: other requests are answered while it is refused.
 */
export async function readDocument(
  bytes: Uint8Array,
  name: string,
  limits: DocumentLimits = DEFAULT_DOCUMENT_LIMITS,
): Promise<DocumentText> {
  if (bytes.length > limits.maxBytes) {
    throw new UpskillError(
      'DOCUMENT_TOO_LARGE',
      `${name}: ${megabytes(bytes.length, 1)} is over the ${megabytes(limits.maxBytes)} limit`,
      { hint: 'Upload the résumé itself, without embedded images or attachments.' },
    );
  }
  if (bytes.length === 0) throw new UpskillError('DOCUMENT_EMPTY', `${name}: the file is empty`);
  const done = await takeTurn();
  try {
    return await parseInWorker(bytes, name, limits);
  } finally {
    done();
  }
}

function parseInWorker(bytes: Uint8Array, name: string, limits: DocumentLimits): Promise<DocumentText> {
  return new Promise((resolve, reject) => {
    const child = fork(WORKER_FILE, [], {
      execArgv: [
        `--max-old-space-size=${limits.memoryMb}`,
        ...(FROM_SOURCE ? ['--import', import.meta.resolve('tsx')] : []),
      ],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    // Only to tell an out-of-memory abort from other crashes; the child's output is not the user's to read.
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      if (stderr.length < 4096) stderr += chunk;
    });
    let settled = false;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      if (child.exitCode === null) child.kill('SIGKILL');
      outcome();
    };
    const fail = (code: ErrorCode, message: string, hint: string): void =>
      settle(() => reject(new UpskillError(code, message, { hint })));
    const deadline = setTimeout(
      () =>
        fail(
          'DOCUMENT_TIMEOUT',
          `${name}: reading the document took longer than ${limits.deadlineMs / 1000} s`,
          'A résumé is read in well under a second; save it again (PDF or DOCX) without embedded files and retry.',
        ),
      limits.deadlineMs,
    );
    child.once('message', (reply: WorkerReply) =>
      settle(() =>
        reply.ok
          ? resolve(reply.document)
          : reject(new UpskillError(reply.code as ErrorCode, reply.message, reply.hint ? { hint: reply.hint } : {})),
      ),
    );
    const unreadable = (): void =>
      fail(
        'DOCUMENT_CORRUPT',
        `${name}: the document could not be read`,
        'Try again; if it fails again, export it again.',
      );
    // `on`, not `once`: a fork that fails to start reports the spawn error and then the failed send.
    child.on('error', unreadable);
    // 'close' comes after the child's stderr has ended, so an out-of-memory report is never missed.
    child.once('close', () =>
      /heap out of memory|Allocation failed/.test(stderr)
        ? fail(
            'DOCUMENT_TOO_COMPLEX',
            `${name}: the document needs more than ${limits.memoryMb} MB of memory to read`,
            'It is built in an unusually complex way; export it again as a simple PDF or DOCX.',
          )
        : fail('DOCUMENT_CORRUPT', `${name}: the document could not be read`, 'Export it again and retry.'),
    );
    child.send({ bytes, name, limits }, (error) => error && unreadable());
  });
}
