import { Unzip, UnzipInflate } from 'fflate';
import { UpskillError } from '../../domain/errors.js';
import { megabytes } from './document-limits.js';

// Fed a few KB at a time, an entry inflates in chunks of at most ≈1,000× that (deflate's ceiling),
// so a bomb is stopped after a few MB instead of after it has filled the heap.
const INPUT_CHUNK = 4096;

/**
 * Inflates every entry of a zip (DOCX) without keeping it, counting the real inflated bytes, and
 * refuses the file as soon as one entry or all of them together pass the limits. The sizes a zip
 * declares in its headers are not trusted.
 */
export function checkZipInflation(
  bytes: Uint8Array,
  name: string,
  limits: { maxEntryBytes: number; maxInflatedBytes: number },
): void {
  let total = 0;
  // fflate hands an exception thrown in `ondata` back to `ondata` as an error, so the verdict is kept here.
  let refusal: UpskillError | undefined;
  const unzip = new Unzip((file) => {
    let size = 0;
    file.ondata = (error, chunk) => {
      if (refusal) return;
      if (error) {
        refusal = corrupt(name);
        return;
      }
      size += chunk.length;
      total += chunk.length;
      const limit =
        size > limits.maxEntryBytes
          ? limits.maxEntryBytes
          : total > limits.maxInflatedBytes
            ? limits.maxInflatedBytes
            : 0;
      if (limit === 0) return;
      refusal = new UpskillError(
        'DOCUMENT_INFLATES_TOO_LARGE',
        `${name}: the document unpacks to more than ${megabytes(limit)}` +
          (limit === limits.maxEntryBytes ? ` in its part "${file.name}"` : ''),
        { hint: 'A résumé unpacks to a few MB; save it again from Word or LibreOffice, or upload a PDF.' },
      );
      file.terminate();
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let offset = 0; offset < bytes.length && !refusal; offset += INPUT_CHUNK) {
      unzip.push(bytes.subarray(offset, offset + INPUT_CHUNK), offset + INPUT_CHUNK >= bytes.length);
    }
  } catch {
    refusal ??= corrupt(name);
  }
  if (refusal) throw refusal;
}

function corrupt(name: string): UpskillError {
  return new UpskillError('DOCUMENT_CORRUPT', `${name}: the Word document is damaged and cannot be read`, {
    hint: 'Open it in Word or LibreOffice and save it again as .docx.',
  });
}
