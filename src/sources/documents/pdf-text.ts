import { UpskillError } from '../../domain/errors.js';
import { textTooLong, type DocumentLimits } from './document-limits.js';

interface TextItem {
  str: string;
  hasEOL: boolean;
}

/** Text of every page of a PDF, lines kept, pages separated by a blank line. */
export async function readPdf(
  bytes: Uint8Array,
  name: string,
  limits: DocumentLimits,
): Promise<{ text: string; pages: number }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let document;
  try {
    // pdf.js takes ownership of the buffer it is given, so it gets a copy.
    document = await pdfjs.getDocument({
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      useSystemFonts: false,
      disableFontFace: true,
      verbosity: 0,
    }).promise;
  } catch (error) {
    if ((error as { name?: string }).name === 'PasswordException') {
      throw new UpskillError('DOCUMENT_ENCRYPTED', `${name}: the PDF is password-protected`, {
        hint: 'Save an unprotected copy and upload that.',
      });
    }
    throw damaged(name);
  }
  try {
    if (document.numPages > limits.maxPages) {
      throw new UpskillError(
        'DOCUMENT_TOO_MANY_PAGES',
        `${name}: the PDF has ${document.numPages.toLocaleString('en-US')} pages; Upskill reads at most ${limits.maxPages}`,
        { hint: 'Upload the résumé or posting alone, not a collection of documents.' },
      );
    }
    const pages: string[] = [];
    let length = 0;
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items as TextItem[]) {
        if (typeof item.str !== 'string') continue;
        text += item.str + (item.hasEOL ? '\n' : '');
      }
      length += text.length;
      if (length > limits.maxTextChars) throw textTooLong(name, limits);
      pages.push(text.trim());
    }
    return { text: pages.join('\n\n'), pages: document.numPages };
  } catch (error) {
    // A page tree that loops or nests without end fails inside pdf.js: it is a damaged file.
    throw error instanceof UpskillError ? error : damaged(name);
  } finally {
    await document.destroy().catch(() => undefined);
  }
}

function damaged(name: string): UpskillError {
  return new UpskillError('DOCUMENT_CORRUPT', `${name}: the PDF is damaged and cannot be read`, {
    hint: 'Export the PDF again from the program that made it.',
  });
}
