import { UpskillError } from '../../domain/errors.js';

interface TextItem {
  str: string;
  hasEOL: boolean;
}

/** Text of every page of a PDF, lines kept, pages separated by a blank line. */
export async function readPdf(bytes: Uint8Array, name: string): Promise<{ text: string; pages: number }> {
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
    const kind = (error as { name?: string }).name;
    if (kind === 'PasswordException') {
      throw new UpskillError('DOCUMENT_ENCRYPTED', `${name}: the PDF is password-protected`, {
        hint: 'Save an unprotected copy and upload that.',
      });
    }
    throw new UpskillError(
      'DOCUMENT_CORRUPT',
      `${name}: the PDF is damaged and cannot be read (${(error as Error).message})`,
      {
        hint: 'Export the PDF again from the program that made it.',
      },
    );
  }
  try {
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items as TextItem[]) {
        if (typeof item.str !== 'string') continue;
        text += item.str + (item.hasEOL ? '\n' : '');
      }
      pages.push(text.trim());
    }
    return { text: pages.join('\n\n'), pages: document.numPages };
  } finally {
    await document.destroy();
  }
}
