import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { parse, type Options } from 'csv-parse';
import { UpskillError } from '../domain/errors.js';

export interface TableFormat {
  delimiter: ',' | '\t';
  /** O*NET text files are never quoted and may hold a lone `"` inside a task; CSVs are RFC-4180 quoted. */
  quoted: boolean;
  /** Header names the reader needs; a file missing one is rejected before any row is read. */
  requiredColumns: readonly string[];
}

/** A raw row with its 1-based line number, read fields by name through `field`. */
export interface TableRow {
  line: number;
  values: Readonly<Record<string, string>>;
}

/** An error that names the file, line and field, as every bad-input message must. */
export function sourceError(
  file: string,
  line: number | undefined,
  field: string | undefined,
  problem: string,
): UpskillError {
  const where = [
    basename(file),
    line === undefined ? undefined : `line ${line}`,
    field === undefined ? undefined : `field "${field}"`,
  ]
    .filter(Boolean)
    .join(', ');
  return new UpskillError('SOURCE_INVALID', `${where}: ${problem}`, {
    hint: 'The file looks damaged or is not the expected release; download it again or point --from at a complete copy.',
    details: { file, line, field },
  });
}

const countNewlines = (value: string): number => {
  let count = 0;
  for (let at = value.indexOf('\n'); at !== -1; at = value.indexOf('\n', at + 1)) count++;
  return count;
};

/** Streams a delimited file as rows keyed by header, failing with file and line on a malformed row. */
export async function* readTable(file: string, format: TableFormat): AsyncGenerator<TableRow> {
  // Lines are counted here, not by csv-parse, which counts every CR inside a field as a line break:
  // record n (the header is 1) ends on line n + the line breaks inside records 1..n + the empty lines skipped so far.
  let parsedRecords = 0;
  let newlinesInRecords = 0;
  let parsedHeader: string[] | undefined;
  const options: Options = {
    delimiter: format.delimiter,
    bom: true,
    columns: false,
    skip_empty_lines: true,
    relax_column_count: true,
    quote: format.quoted ? '"' : false,
    record_delimiter: ['\r\n', '\n'],
    on_record: (record: string[], context) => {
      parsedRecords++;
      parsedHeader ??= record.map((name) => name.trim());
      for (const value of record) newlinesInRecords += countNewlines(value);
      return Object.assign(record, { line: parsedRecords + newlinesInRecords + context.empty_lines });
    },
  };
  const stream = createReadStream(file);
  const parser = stream.pipe(parse(options));
  stream.on('error', (error) => parser.destroy(error));
  let header: string[] | undefined;
  try {
    for await (const record of parser as AsyncIterable<string[] & { line: number }>) {
      const { line } = record;
      if (!header) {
        header = record.map((name) => name.trim());
        const missing = format.requiredColumns.filter((name) => !header!.includes(name));
        if (missing.length > 0)
          throw sourceError(file, line, missing[0], `missing column; the header has ${header.join(', ')}`);
        continue;
      }
      if (record.length !== header.length) {
        const problem =
          record.length < header.length
            ? `has ${record.length} fields, expected ${header.length} (is the row cut short?)`
            : `has ${record.length} fields, expected ${header.length}`;
        throw sourceError(file, line, header[Math.min(record.length, header.length - 1)], problem);
      }
      yield { line, values: Object.fromEntries(header.map((name, i) => [name, record[i]!])) };
    }
  } catch (error) {
    if (error instanceof UpskillError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new UpskillError('SOURCE_NOT_FOUND', `${file}: file not found`, {
        hint: 'Point --from at a folder holding the complete release.',
      });
    // A parse error (a stray quote) is in the record after the last one parsed, in the field csv-parse was reading.
    const { empty_lines: emptyLines, column } = error as { empty_lines?: number; column?: number | string };
    const line = emptyLines === undefined ? undefined : parsedRecords + newlinesInRecords + emptyLines + 1;
    const field =
      parsedHeader && typeof column === 'number' ? parsedHeader[Math.min(column, parsedHeader.length - 1)] : undefined;
    throw sourceError(
      file,
      line,
      field,
      (error as Error).message.replace(/^Invalid Record Length: |^CSV_\w+: /, '').replace(/ at line \d+/, ''),
    );
  } finally {
    stream.destroy();
  }
  if (!header) throw sourceError(file, undefined, undefined, 'the file is empty');
}

/** Typed field access for one row, every failure naming file, line and field. */
export class RowReader {
  constructor(
    private readonly file: string,
    private readonly row: TableRow,
  ) {}

  get line(): number {
    return this.row.line;
  }

  /** The raw value, if the row has the field (an inherited name like "constructor" is no field). */
  private own(field: string): string | undefined {
    return Object.hasOwn(this.row.values, field) ? this.row.values[field] : undefined;
  }

  text(field: string): string {
    const value = this.own(field)?.trim() ?? '';
    if (value === '') throw sourceError(this.file, this.row.line, field, 'is empty');
    return value;
  }

  optionalText(field: string): string | null {
    const value = this.own(field)?.trim() ?? '';
    return value === '' || value === 'n/a' ? null : value;
  }

  /** Integer fields; O*NET and the labels write some as "8823.0". */
  integer(field: string): number {
    const raw = this.text(field);
    const value = Number(raw);
    if (!Number.isInteger(value))
      throw sourceError(this.file, this.row.line, field, `expected a whole number, got "${raw}"`);
    return value;
  }

  optionalNumber(field: string): number | null {
    const raw = this.optionalText(field);
    if (raw === null || raw === '#' || raw === '*' || raw === '**') return null;
    const value = Number(raw.replace(/,/g, ''));
    // Number() reads "" as 0, so a field of only commas would pass for a zero.
    if (!Number.isFinite(value) || !/\d/.test(raw))
      throw sourceError(this.file, this.row.line, field, `expected a number, got "${raw}"`);
    return value;
  }

  number(field: string): number {
    const value = this.optionalNumber(field);
    if (value === null) throw sourceError(this.file, this.row.line, field, 'expected a number, got nothing');
    return value;
  }

  oneOf<T extends string>(field: string, allowed: readonly T[]): T {
    const value = this.text(field);
    if (!(allowed as readonly string[]).includes(value)) {
      throw sourceError(this.file, this.row.line, field, `expected one of ${allowed.join(', ')}, got "${value}"`);
    }
    return value as T;
  }

  /** O*NET-SOC codes look like 13-1161.00; anything else means a shifted or damaged row. */
  occupationCode(field: string): string {
    const value = this.text(field);
    if (!/^\d{2}-\d{4}\.\d{2}$/.test(value))
      throw sourceError(this.file, this.row.line, field, `expected an O*NET-SOC code like 13-1161.00, got "${value}"`);
    return value;
  }

  flag(field: string): boolean {
    return this.oneOf(field, ['Y', 'N']) === 'Y';
  }
}

/** Reads every row of a table through `map`, which turns a row into a record. */
export async function readRecords<T>(
  file: string,
  format: TableFormat,
  map: (row: RowReader) => T | undefined,
): Promise<T[]> {
  const records: T[] = [];
  for await (const row of readTable(file, format)) {
    const record = map(new RowReader(file, row));
    if (record !== undefined) records.push(record);
  }
  return records;
}
