import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { z } from 'zod';
import { UpskillError } from '../domain/errors.js';
import { readYamlContent } from './yaml-content.js';

const work = mkdtempSync(join(tmpdir(), 'upskill-yaml-'));
after(() => rmSync(work, { recursive: true, force: true }));
const Schema = z.array(z.object({ id: z.string(), hours: z.number().positive() }));

describe('authored content files', () => {
  test('a bad field names the file, the entry by its id and the field', () => {
    const file = join(work, 'skills.yaml');
    writeFileSync(file, '- {id: python, hours: 3}\n- {id: sql, hours: -1}\n');
    assert.throws(
      () => readYamlContent(file, Schema),
      (error: unknown) =>
        error instanceof UpskillError &&
        error.message === `${file}: entry "sql", field "hours": Too small: expected number to be >0`,
    );
  });

  test('broken YAML is reported as such', () => {
    const file = join(work, 'broken.yaml');
    writeFileSync(file, '- {id: python, hours: 3\n');
    assert.throws(() => readYamlContent(file, Schema), /broken\.yaml: not valid YAML/);
  });
});
