import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import fc from 'fast-check';
import { UpskillError } from '../../domain/errors.js';
import { makeDocx, makePdf } from '../../../test/support/documents.js';
import { readDocument } from './read-document.js';

fc.configureGlobal({ includeErrorInReport: true });

/** One change to a file's bytes, at a position taken modulo the file's length (or from its end). */
type Mutation =
  | { kind: 'flip'; at: number; fromEnd: boolean; bit: number }
  | { kind: 'set'; at: number; fromEnd: boolean; byte: number }
  | { kind: 'insert'; at: number; fromEnd: boolean; bytes: Uint8Array }
  | { kind: 'delete'; at: number; fromEnd: boolean; length: number }
  | { kind: 'truncate'; at: number; fromEnd: boolean }
  | { kind: 'copy'; at: number; fromEnd: boolean; from: number; length: number };

const position = { at: fc.nat(), fromEnd: fc.boolean() };
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), ...position, bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('set' as const), ...position, byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    ...position,
    bytes: fc.oneof(
      fc.uint8Array({ minLength: 1, maxLength: 64 }),
      // Bytes that mean something to a parser: PDF and XML syntax, zip signatures.
      fc
        .constantFrom(
          'obj',
          'endobj',
          '<<',
          '>>',
          'stream',
          '/Length 999999',
          'R',
          '<w:t>',
          '</w:p>',
          '<!--',
          '&',
          ']]>',
        )
        .map((token) => new TextEncoder().encode(token)),
      fc.constantFrom(Uint8Array.of(0x50, 0x4b, 0x03, 0x04), Uint8Array.of(0x50, 0x4b, 0x01, 0x02), Uint8Array.of(0)),
    ),
  }),
  fc.record({ kind: fc.constant('delete' as const), ...position, length: fc.integer({ min: 1, max: 256 }) }),
  fc.record({ kind: fc.constant('truncate' as const), ...position }),
  fc.record({
    kind: fc.constant('copy' as const),
    ...position,
    from: fc.nat(),
    length: fc.integer({ min: 1, max: 512 }),
  }),
);

function mutate(original: Uint8Array, mutations: readonly Mutation[]): Uint8Array {
  let bytes: Uint8Array = Uint8Array.from(original);
  for (const change of mutations) {
    const length = bytes.length;
    if (length === 0 && change.kind !== 'insert') continue;
    const at =
      length === 0 ? 0 : change.fromEnd ? length - 1 - (change.at % Math.min(length, 128)) : change.at % length;
    switch (change.kind) {
      case 'flip':
        bytes[at]! ^= 1 << change.bit;
        break;
      case 'set':
        bytes[at] = change.byte;
        break;
      case 'insert':
        bytes = concat(bytes.subarray(0, at), change.bytes, bytes.subarray(at));
        break;
      case 'delete':
        bytes = concat(bytes.subarray(0, at), bytes.subarray(at + change.length));
        break;
      case 'truncate':
        bytes = bytes.slice(0, at);
        break;
      case 'copy': {
        const from = change.from % length;
        bytes = concat(bytes.subarray(0, at), bytes.subarray(from, from + change.length), bytes.subarray(at));
      }
    }
  }
  return bytes;
}

const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
};

const FORMATS = new Set(['pdf', 'docx', 'html', 'markdown', 'text']);
// What leaks when a parser's own error reaches the user: stack frames, file paths, V8 and Node internals.
const INTERNALS = new RegExp(
  '\\n\\s*at |node:internal|v8::|file:\\/\\/|\\.m?[jt]s:\\d+|node_modules|TypeError|RangeError|' +
    'ReferenceError|SyntaxError|undefined is not|Cannot read properties',
);

/** readDocument's whole contract on damaged input: text, or a DOCUMENT_ error that names the file and nothing else. */
async function assertReadsOrRefuses(bytes: Uint8Array, name: string): Promise<void> {
  let outcome: { text: string; format: string } | undefined;
  try {
    outcome = await readDocument(bytes, name);
  } catch (error) {
    assert.ok(error instanceof UpskillError, `not an UpskillError: ${String((error as Error)?.stack ?? error)}`);
    assert.match(error.code, /^DOCUMENT_/, `${error.code}: ${error.message}`);
    assert.ok(error.message.startsWith(`${name}: `), error.message);
    assert.doesNotMatch(error.message, INTERNALS, error.message);
    if (error.hint !== undefined) assert.doesNotMatch(error.hint, INTERNALS, error.hint);
    return;
  }
  assert.ok(FORMATS.has(outcome.format), outcome.format);
  assert.equal(typeof outcome.text, 'string');
  assert.ok(outcome.text.trim().length > 0, 'a document read without error has text');
}

// Each document is parsed in a child process (about a second each on two busy cores), so each
// property gets a time budget rather than only a run count: the file stays well under 30 s.
const budget = (seconds: number) =>
  ({ numRuns: 150, interruptAfterTimeLimit: seconds * 1000, markInterruptAsFailure: false }) as const;
const SECONDS = { pdf: 7, docx: 5, html: 4 };
const TIMEOUT = { timeout: 40_000 };

const documents: Record<'pdf' | 'docx' | 'html', Uint8Array> = {
  pdf: new Uint8Array(),
  docx: new Uint8Array(),
  html: new TextEncoder().encode(
    '<!doctype html><html><head><title>CV</title><style>p{color:red}</style></head><body><h2>Skills</h2>' +
      '<p>Python &amp; SQL, <b>prompt</b> engineering</p><ul><li>Tableau</li></ul><script>alert(1)</script></body></html>',
  ),
};
before(async () => {
  documents.pdf = await makePdf(['Jane Doe', 'Skills: Python, SQL, prompt engineering', 'Experience: dashboards']);
  documents.docx = makeDocx(['Jane Doe', 'Skills', 'Python, SQL and Tableau', 'Experience']);
});

describe('reading damaged documents: generated mutations', () => {
  for (const format of ['pdf', 'docx', 'html'] as const) {
    test(
      `a ${format.toUpperCase()} with flipped, inserted, deleted or cut bytes gives text or a DOCUMENT_ error`,
      TIMEOUT,
      async () => {
        const names = fc.constantFrom(`resume.${format}`, `resume.${format}`, 'resume', 'resume.txt');
        await fc.assert(
          fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), names, async (mutations, name) =>
            assertReadsOrRefuses(mutate(documents[format], mutations), name),
          ),
          budget(SECONDS[format]),
        );
      },
    );
  }

  test('the unchanged documents are read (so the mutations start from valid files)', TIMEOUT, async () => {
    for (const [format, bytes] of Object.entries(documents)) {
      const document = await readDocument(bytes, `resume.${format}`);
      assert.equal(document.format, format);
      assert.match(document.text, /Python/);
    }
  });
});
