import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { UpskillError } from '../domain/errors.js';
import { messyPiece, messyText } from '../../test/support/arbitraries.js';
import { readTable, RowReader, type TableFormat, type TableRow } from './tabular-file.js';

fc.configureGlobal({ includeErrorInReport: true });

let work: string;
before(() => {
  work = mkdtempSync(join(tmpdir(), 'upskill-tabular-property-'));
});
after(() => rmSync(work, { recursive: true, force: true }));

const TSV: Omit<TableFormat, 'requiredColumns'> = { delimiter: '\t', quoted: false };
const CSV: Omit<TableFormat, 'requiredColumns'> = { delimiter: ',', quoted: true };

type Outcome = { rows: TableRow[] } | { error: unknown };

async function readAll(content: string | Uint8Array, format: TableFormat, name = 'table.csv'): Promise<Outcome> {
  const file = join(work, name);
  writeFileSync(file, content);
  const rows: TableRow[] = [];
  try {
    for await (const row of readTable(file, format)) rows.push(row);
    return { rows };
  } catch (error) {
    return { error };
  }
}

/** The error contract of every source reader: an UpskillError naming the file, and the line and field it knows. */
function assertSourceError(error: unknown, file: string, physicalLines: number): asserts error is UpskillError {
  assert.ok(error instanceof UpskillError, `not an UpskillError: ${String((error as Error)?.stack ?? error)}`);
  assert.equal(error.code, 'SOURCE_INVALID');
  assert.ok(error.message.startsWith(basename(file)), error.message);
  const { line, field } = (error.details ?? {}) as { line?: number; field?: string };
  assert.equal(error.details?.['file'], file);
  if (line === undefined) assert.match(error.message, /: the file is empty$/);
  else {
    assert.ok(Number.isInteger(line) && line >= 1 && line <= physicalLines, `line ${line} of ${physicalLines}`);
    assert.ok(error.message.includes(`, line ${line}`), error.message);
  }
  if (field !== undefined) assert.ok(error.message.includes(`field "${field}"`), error.message);
  assert.doesNotMatch(error.message, /\n\s+at /, 'no stack trace in the message');
}

const physicalLineCount = (content: string | Uint8Array): number =>
  (typeof content === 'string' ? content : Buffer.from(content).toString('latin1')).split('\n').length;

const formats = fc.constantFrom(TSV, CSV);
const requiredColumns = fc.subarray(['a', 'b', 'Task ID']);

describe('reading delimited files: generated input', () => {
  test('arbitrary text or bytes give rows or a SOURCE_INVALID error naming the file and line', async () => {
    const content = fc.oneof(
      messyText(120),
      // A plausible header followed by anything: most inputs then get past the header check.
      fc
        .tuple(fc.constantFrom('a,b\n', 'a\tb\n', '\uFEFFa,b,Task ID\r\n', 'a\tb\tTask ID\n'), messyText(120))
        .map(([header, body]) => header + body),
      fc.uint8Array({ maxLength: 400 }),
    );
    await fc.assert(
      fc.asyncProperty(content, formats, requiredColumns, async (text, format, required) => {
        const outcome = await readAll(text, { ...format, requiredColumns: required });
        if ('error' in outcome) assertSourceError(outcome.error, join(work, 'table.csv'), physicalLineCount(text));
        else
          for (const row of outcome.rows) {
            assert.ok(Number.isInteger(row.line) && row.line >= 2 && row.line <= physicalLineCount(text));
            for (const name of required) assert.equal(typeof row.values[name], 'string');
          }
      }),
      { numRuns: 400 },
    );
  });

  test('a very long field (up to 300 000 characters) is read whole', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 10_000, max: 300_000 }),
        fc.constantFrom('x', 'é', '😀', '"'),
        async (length, piece) => {
          const value = piece.repeat(Math.ceil(length / piece.length));
          const cell = piece === '"' ? `"${value.replace(/"/g, '""')}"` : value;
          const outcome = await readAll(`id,text\n1,${cell}\n`, { ...CSV, requiredColumns: ['text'] });
          assert.ok('rows' in outcome, String('error' in outcome && outcome.error));
          assert.equal(outcome.rows.length, 1);
          assert.equal(outcome.rows[0]!.values['text'], value);
        },
      ),
      { numRuns: 8 },
    );
  });
});

// A valid table: unique, trimmed header names and rows of exactly as many fields.
const OBJECT_KEYS = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty'];
const headerName = (unit: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 1, arbitrary: fc.constantFrom(...OBJECT_KEYS) },
    {
      weight: 6,
      arbitrary: fc
        .string({ unit, minLength: 1, maxLength: 12 })
        .filter((name) => name.trim() === name && name.length > 0),
    },
  );
const tsvChar = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
  fc.constantFrom('"', "'", ' ', ',', '\uFEFF'),
);
const csvChar = fc.oneof(tsvChar, fc.constantFrom('\t', '\r', '\n', '\r\n', '""'));

interface Table {
  header: string[];
  rows: string[][];
}

const table = (char: fc.Arbitrary<string>): fc.Arbitrary<Table> =>
  fc
    .uniqueArray(headerName(char.filter((c) => !/[\r\n\t,"]/.test(c))), { minLength: 1, maxLength: 5 })
    .chain((header) =>
      fc.record({
        header: fc.constant(header),
        rows: fc.array(
          fc.array(fc.string({ unit: char, maxLength: 15 }), { minLength: header.length, maxLength: header.length }),
          { maxLength: 12 },
        ),
      }),
    );

/** How each record is written: its line break, blank lines after it, whether every field is quoted. */
interface Layout {
  bom: boolean;
  breaks: { crlf: boolean; blankLines: number }[];
  finalBreak: boolean;
  quoteAll: boolean;
}
const layout: fc.Arbitrary<Layout> = fc.record({
  bom: fc.boolean(),
  breaks: fc.array(fc.record({ crlf: fc.boolean(), blankLines: fc.nat({ max: 2 }) }), {
    minLength: 14,
    maxLength: 14,
  }),
  finalBreak: fc.boolean(),
  quoteAll: fc.boolean(),
});

interface Written {
  text: string;
  /** Per data row: the line it ends on, or undefined when the row is an empty line (skipped). */
  lines: (number | undefined)[];
}

function writeTable({ header, rows }: Table, quoted: boolean, how: Layout): Written {
  const cell = (value: string): string =>
    quoted && (how.quoteAll || /[",\r\n]/.test(value)) ? `"${value.replace(/"/g, '""')}"` : value;
  const records = [header, ...rows].map((fields) => fields.map(cell).join(quoted ? ',' : '\t'));
  let text = how.bom ? '\uFEFF' : '';
  const lines: (number | undefined)[] = [];
  records.forEach((record, i) => {
    text += record;
    if (i > 0) lines.push(record === '' ? undefined : text.split('\n').length);
    const { crlf, blankLines } = how.breaks[i]!;
    const isLast = i === records.length - 1;
    if (!isLast || how.finalBreak) text += (crlf ? '\r\n' : '\n').repeat(1 + (isLast ? 0 : blankLines));
  });
  return { text, lines };
}

describe('reading delimited files: round trips', () => {
  for (const [name, format, char] of [
    ['unquoted TSV', TSV, tsvChar],
    ['RFC-4180 CSV', CSV, csvChar],
  ] as const) {
    test(`a generated ${name} reads back equal, each row with the line it ends on`, async () => {
      await fc.assert(
        fc.asyncProperty(table(char), layout, async (generated, how) => {
          const written = writeTable(generated, format.quoted, how);
          const outcome = await readAll(written.text, { ...format, requiredColumns: generated.header });
          assert.ok(
            'rows' in outcome,
            `${String('error' in outcome && outcome.error)}\n${JSON.stringify(written.text)}`,
          );
          const expected = generated.rows.flatMap((fields, i) =>
            written.lines[i] === undefined
              ? []
              : [
                  {
                    line: written.lines[i],
                    values: Object.fromEntries(generated.header.map((h, k) => [h, fields[k]])),
                  },
                ],
          );
          assert.deepEqual(outcome.rows, expected);
        }),
        { numRuns: 250 },
      );
    });
  }

  test('one damaged row is reported with its own line and the field where it goes wrong', async () => {
    const SENTINEL = '\u0001';
    const damage = fc.constantFrom('short', 'long', 'openingQuote', 'closingQuote');
    await fc.assert(
      fc.asyncProperty(
        table(csvChar).filter((t) => t.rows.length > 0 && t.header.length > 1),
        layout,
        damage,
        fc.nat(),
        fc.nat(),
        formats,
        async (generated, how, kind, rowSeed, fieldSeed, format) => {
          fc.pre(format.quoted || kind === 'short' || kind === 'long');
          const rows = format.quoted
            ? generated.rows
            : generated.rows.map((fields) => fields.map((value) => value.replace(/[\t\r\n]/g, ' ')));
          const bad = rowSeed % rows.length;
          const column = fieldSeed % generated.header.length;
          const damaged = rows.map((fields, i) => {
            if (i !== bad) return fields;
            if (kind === 'short') return fields.slice(0, column);
            if (kind === 'long') return [...fields, 'extra'];
            return fields.map((value, k) => (k === column ? SENTINEL : value));
          });
          const written = writeTable({ header: generated.header, rows: damaged }, format.quoted, {
            ...how,
            quoteAll: false,
          });
          const text = written.text.replace(SENTINEL, kind === 'openingQuote' ? 'x"y' : '"ok"x');
          const ends = written.lines[bad];
          fc.pre(ends !== undefined); // cut to no fields at all, the row is an empty line, which is skipped
          const outcome = await readAll(text, { ...format, requiredColumns: generated.header });
          assert.ok('error' in outcome, `no error for ${JSON.stringify(text)}`);
          assertSourceError(outcome.error, join(work, 'table.csv'), physicalLineCount(text));
          const { line, field } = outcome.error.details as { line: number; field: string };
          const previousEnd = written.lines.slice(0, bad).findLast((end) => end !== undefined) ?? 1;
          assert.ok(
            line > previousEnd && line <= ends!,
            `line ${line}, the row is after ${previousEnd}, up to ${ends}`,
          );
          assert.equal(
            field,
            kind === 'long' ? generated.header.at(-1) : generated.header[column],
            outcome.error.message,
          );
        },
      ),
      { numRuns: 250 },
    );
  });
});

describe('typed field access: generated values', () => {
  const value = fc.oneof(
    messyText(8),
    fc.double().map(String),
    fc.integer().map(String),
    fc.constantFrom('', ' ', 'n/a', '#', '*', '**', ',', ',,', ' , ', '1,234', '8823.0', 'Y', 'N', '13-1161.00'),
  );
  const FIELD = 'Value';
  const reader = (raw: string): RowReader => new RowReader('/data/file.txt', { line: 7, values: { [FIELD]: raw } });

  /** Runs one accessor: it returns, or throws an UpskillError naming file, line 7 and the field. */
  function attempt<T>(read: () => T): { value: T } | { error: UpskillError } {
    try {
      return { value: read() };
    } catch (error) {
      assert.ok(error instanceof UpskillError, String(error));
      assert.equal(error.code, 'SOURCE_INVALID');
      assert.deepEqual(error.details, { file: '/data/file.txt', line: 7, field: FIELD });
      assert.ok(error.message.startsWith(`file.txt, line 7, field "${FIELD}": `), error.message);
      return { error };
    }
  }

  test('every accessor returns a value of its kind or names file, line and field', () => {
    fc.assert(
      fc.property(value, (raw) => {
        const row = reader(raw);
        const trimmed = raw.trim();
        const text = attempt(() => row.text(FIELD));
        if ('value' in text) assert.equal(text.value, trimmed);
        else assert.equal(trimmed, '');
        const optional = attempt(() => row.optionalText(FIELD));
        assert.ok('value' in optional);
        assert.equal(optional.value, trimmed === '' || trimmed === 'n/a' ? null : trimmed);
        const integer = attempt(() => row.integer(FIELD));
        if ('value' in integer) assert.ok(Number.isInteger(integer.value));
        for (const read of [() => row.number(FIELD), () => row.optionalNumber(FIELD)]) {
          const number = attempt(read);
          if ('value' in number && number.value !== null) {
            assert.ok(Number.isFinite(number.value));
            assert.match(trimmed, /\d/, `${JSON.stringify(raw)} read as the number ${number.value}`);
          }
        }
        const flag = attempt(() => row.flag(FIELD));
        if ('value' in flag) assert.equal(flag.value, trimmed === 'Y');
        else assert.ok(trimmed !== 'Y' && trimmed !== 'N');
        const code = attempt(() => row.occupationCode(FIELD));
        if ('value' in code) assert.match(code.value, /^\d{2}-\d{4}\.\d{2}$/);
      }),
      { numRuns: 600 },
    );
  });

  test('a missing field reads as empty, never as a crash', () => {
    fc.assert(
      fc.property(fc.oneof(messyPiece, fc.constantFrom(...OBJECT_KEYS)), (name) => {
        const row = new RowReader('/data/file.txt', { line: 3, values: {} });
        assert.equal(row.optionalText(name), null);
        assert.equal(row.optionalNumber(name), null);
        assert.throws(() => row.text(name), UpskillError);
      }),
      { numRuns: 100 },
    );
  });
});
