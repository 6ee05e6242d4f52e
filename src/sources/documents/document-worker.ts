import { isUpskillError } from '../../domain/errors.js';
import type { DocumentLimits } from './document-limits.js';
import { parseDocument } from './parse-document.js';

/** What the worker answers: the text, or the product's own error (never a parser's raw message). */
export type WorkerReply =
  | { ok: true; document: Awaited<ReturnType<typeof parseDocument>> }
  | { ok: false; code: string; message: string; hint: string | undefined };

// A child process, not a worker thread: V8 can abort a whole process when a worker's capped heap
// runs out, and a child's abort costs only the child.
process.once('message', (request: { bytes: Uint8Array; name: string; limits: DocumentLimits }) => {
  void parse(request).then((reply) => process.send!(reply, () => process.exit(0)));
});

async function parse({ bytes, name, limits }: { bytes: Uint8Array; name: string; limits: DocumentLimits }) {
  try {
    return { ok: true, document: await parseDocument(bytes, name, limits) } satisfies WorkerReply;
  } catch (error) {
    return (
      isUpskillError(error)
        ? { ok: false, code: error.code, message: error.message, hint: error.hint }
        : {
            ok: false,
            code: 'DOCUMENT_CORRUPT',
            message: `${name}: the document is damaged and cannot be read`,
            hint: undefined,
          }
    ) satisfies WorkerReply;
  }
}
