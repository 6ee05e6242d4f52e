import mammoth from 'mammoth';
import { UpskillError } from '../../domain/errors.js';
import type { DocumentLimits } from './document-limits.js';
import { checkZipInflation } from './zip-inflation-check.js';

/** Raw text of a Word document, one paragraph per line. */
export async function readDocx(bytes: Uint8Array, name: string, limits: DocumentLimits): Promise<string> {
  // mammoth inflates whole parts into memory: measure what they really inflate to first.
  checkZipInflation(bytes, name, limits);
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    return result.value.replace(/\n{3,}/g, '\n\n');
  } catch {
    throw new UpskillError('DOCUMENT_CORRUPT', `${name}: the Word document is damaged and cannot be read`, {
      hint: 'Open it in Word or LibreOffice and save it again as .docx.',
    });
  }
}
