import { extname } from 'node:path';
import { UpskillError } from '../../domain/errors.js';
import { readDocx } from './docx-text.js';
import { readHtml } from './html-text.js';
import { readPdf } from './pdf-text.js';
import { textTooLong, type DocumentLimits } from './document-limits.js';

export type DocumentFormat = 'pdf' | 'docx' | 'html' | 'markdown' | 'text';

/** A document's text; mention offsets refer to this text. */
export interface DocumentText {
  format: DocumentFormat;
  text: string;
  pages?: number;
}

const startsWith = (bytes: Uint8Array, signature: number[]): boolean => signature.every((byte, i) => bytes[i] === byte);

// A photo of a résumé has no text to read; say so instead of decoding its bytes as text.
const IMAGE_SIGNATURES = [
  [0x89, 0x50, 0x4e, 0x47],
  [0xff, 0xd8, 0xff],
  [0x47, 0x49, 0x46, 0x38],
  [0x52, 0x49, 0x46, 0x46],
];
const NOT_TEXT_EXTENSIONS = new Set([
  '.png',
  '.jpg',
  '.jpeg',
  '.gif',
  '.webp',
  '.heic',
  '.tif',
  '.tiff',
  '.bmp',
  '.doc',
  '.xls',
  '.xlsx',
  '.ppt',
  '.pptx',
  '.odt',
  '.pages',
  '.rtf',
  '.zip',
  '.exe',
]);

const isImage = (bytes: Uint8Array): boolean => IMAGE_SIGNATURES.some((signature) => startsWith(bytes, signature));

function detectFormat(bytes: Uint8Array, name: string): DocumentFormat {
  const extension = extname(name).toLowerCase();
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'pdf';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new UpskillError('DOCUMENT_UNSUPPORTED', `${name}: an old binary Word (.doc) file`, {
      hint: 'Save it as .docx or PDF and try again.',
    });
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    if (extension === '.docx' || extension === '') return 'docx';
    throw new UpskillError('DOCUMENT_UNSUPPORTED', `${name}: a zip archive, not a résumé format Upskill reads`, {
      hint: 'Upload PDF, DOCX, HTML, Markdown or plain text.',
    });
  }
  if (isImage(bytes) || NOT_TEXT_EXTENSIONS.has(extension)) {
    throw new UpskillError(
      'DOCUMENT_UNSUPPORTED',
      `${name}: ${isImage(bytes) ? 'a picture is' : `${extension} files are`} not a résumé format Upskill reads`,
      {
        hint: 'Upload PDF, DOCX, HTML, Markdown or plain text (a photo of a résumé has no text to read).',
      },
    );
  }
  if (extension === '.pdf')
    throw new UpskillError('DOCUMENT_CORRUPT', `${name}: named .pdf but not a PDF file`, {
      hint: 'Export the PDF again from the program that made it.',
    });
  if (extension === '.docx')
    throw new UpskillError('DOCUMENT_CORRUPT', `${name}: named .docx but not a Word document`, {
      hint: 'Save it again from Word or LibreOffice.',
    });
  if (extension === '.html' || extension === '.htm') return 'html';
  if (extension === '.md' || extension === '.markdown') return 'markdown';
  if (bytes.subarray(0, 4096).includes(0)) {
    throw new UpskillError('DOCUMENT_UNSUPPORTED', `${name}: a binary file of a kind Upskill does not read`, {
      hint: 'Upload PDF, DOCX, HTML, Markdown or plain text.',
    });
  }
  return 'text';
}

function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    // Not UTF-8: older résumés are often saved as Windows-1252.
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/**
 * Turns a résumé or posting into text, with a distinct error for every way it can fail. It runs
 * the parsers in this thread: call it through `readDocument`, which confines it to a worker.
 */
export async function parseDocument(bytes: Uint8Array, name: string, limits: DocumentLimits): Promise<DocumentText> {
  const format = detectFormat(bytes, name);
  let result: DocumentText;
  switch (format) {
    case 'pdf':
      result = { format, ...(await readPdf(bytes, name, limits)) };
      break;
    case 'docx':
      result = { format, text: await readDocx(bytes, name, limits) };
      break;
    case 'html':
      result = { format, text: readHtml(decodeText(bytes)) };
      break;
    default:
      result = { format, text: decodeText(bytes) };
  }
  // A NUL or a lone surrogate is never text (PostgreSQL stores neither); PDFs and text files sometimes carry them.
  result.text = result.text
    .replaceAll('\u0000', '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  if (result.text.length > limits.maxTextChars) throw textTooLong(name, limits);
  if (result.text.trim().length === 0) {
    if (format === 'pdf') {
      throw new UpskillError('DOCUMENT_SCANNED', `${name}: the PDF has no text layer (a scan or a picture of text)`, {
        hint: 'Export the résumé as a text PDF or DOCX, or run it through OCR first.',
      });
    }
    throw new UpskillError('DOCUMENT_EMPTY', `${name}: no text found in the document`);
  }
  return result;
}
