import { UpskillError } from '../../domain/errors.js';

/**
 * What one uploaded document may cost to read. Résumés and postings are a few pages; anything far
 * beyond these is a mistake or an attack, and each limit is refused with its own error code.
 */
export interface DocumentLimits {
  /** Bytes of the file as sent. */
  maxBytes: number;
  /** Pages of a PDF. */
  maxPages: number;
  /** Bytes of any one entry of a zip-based document (DOCX), counted while inflating. */
  maxEntryBytes: number;
  /** Bytes of all entries of a zip-based document together, counted while inflating. */
  maxInflatedBytes: number;
  /** Characters of text taken from the document. */
  maxTextChars: number;
  /** Wall-clock time for one document, in milliseconds. */
  deadlineMs: number;
  /** Heap of the worker that parses it, in MB (V8's old generation). */
  memoryMb: number;
}

export const DEFAULT_DOCUMENT_LIMITS: DocumentLimits = {
  maxBytes: 10 * 1024 * 1024,
  maxPages: 100,
  maxEntryBytes: 40 * 1024 * 1024,
  maxInflatedBytes: 80 * 1024 * 1024,
  maxTextChars: 2_000_000,
  deadlineMs: 15_000,
  memoryMb: 256,
};

/** `10 MB` for a limit, `11.0 MB` (one decimal) for a measured size. */
export const megabytes = (bytes: number, decimals = 0): string => `${(bytes / 1048576).toFixed(decimals)} MB`;

export function textTooLong(name: string, limits: DocumentLimits): UpskillError {
  return new UpskillError(
    'DOCUMENT_TEXT_TOO_LONG',
    `${name}: the document holds more than ${limits.maxTextChars.toLocaleString('en-US')} characters of text`,
    { hint: 'Upload the résumé or posting alone, not a collection of documents.' },
  );
}
