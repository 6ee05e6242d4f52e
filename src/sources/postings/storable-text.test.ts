import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { isStorableText, toStorableText } from '../../domain/text/normalize.js';
import { readPostingFile } from './posting-file.js';

// PostgreSQL refuses NUL and lone surrogates in text: a hostile file must lose them, not fail the import.
test('a NUL in a CSV cell and a lone surrogate in a JSON line are dropped, the rest of the text kept', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'upskill-nul-'));
  const csv = join(dir, 'nul.csv');
  writeFileSync(csv, 'id,date,title,description\np1,2024-04-02,Data\u0000 Analyst,SQL and Excel\n');
  const jsonl = join(dir, 'surrogate.jsonl');
  writeFileSync(jsonl, '{"id":"p2","date":"2024-04-02","title":"Nurse \\ud800RN","description":"care"}\n');
  const rows = [];
  for (const [file, format] of [
    [csv, 'csv'],
    [jsonl, 'jsonl'],
  ] as const) {
    for await (const row of readPostingFile(file, format)) rows.push(row);
  }
  const titles = rows.map((row) => ('values' in row ? row.values?.['title'] : undefined));
  assert.deepEqual(titles, ['Data Analyst', 'Nurse RN']);
  assert.ok(titles.every((title) => title !== undefined && isStorableText(title)));
  assert.equal(toStorableText('a\u0000b\udc00c 😀'), 'abc 😀');
});
