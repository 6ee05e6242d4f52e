import mammoth from 'mammoth';
import { UpskillError } from '../../domain/errors.js';

/** Raw text of a Word document, one paragraph per line. */
export async function readDocx(bytes: Uint8Array, name: string): Promise<string> {
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    return result.value.replace(/\n{3,}/g, '\n\n');
  } catch (error) {
    throw new UpskillError(
      'DOCUMENT_CORRUPT',
      `${name}: the Word document is damaged and cannot be read (${(error as Error).message})`,
      {
        hint: 'Open it in Word or LibreOffice and save it again as .docx.',
      },
    );
  }
}
