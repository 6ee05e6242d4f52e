import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { SHARED_DATA } from './support/databases.js';
import { cliIn } from './support/run-cli.js';

const home = mkdtempSync(join(tmpdir(), 'upskill-link-cli-'));
after(() => rmSync(home, { recursive: true, force: true }));

const upskill = cliIn(home);

type LinkLine = {
  text?: string;
  links?: { label: string; esco: string | null; skillId: string | null; score: number }[];
  error?: { code: string; message: string };
  line?: number;
};
const jsonLines = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as LinkLine);

describe('skills link and skills extract --batch (a real child process)', () => {
  test('usage errors exit 2', () => {
    assert.equal(upskill(['skills', 'link']).status, 2);
    assert.equal(upskill(['skills', 'link', 'python', '--top', '0']).status, 2);
    assert.equal(upskill(['skills', 'link', 'python', '--top', '51']).status, 2);
    const both = upskill(['skills', 'link', 'python', '--batch'], '');
    assert.equal(both.status, 2);
    assert.match(both.stderr, /Give either a text or --batch/);
    assert.match(upskill(['skills', 'link', '--help']).stdout, /--batch/);
  });

  test('before ESCO is loaded, links are graph skills and stderr says so', () => {
    const result = upskill(['skills', 'link', '--batch', '--top', '2'], '{"text": "we write prompts for ChatGPT"}\n');
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /ESCO is not loaded/);
    const [line] = jsonLines(result.stdout);
    assert.equal(line!.links![0]!.skillId, 'chatgpt');
    assert.equal(line!.links!.length, 2);
  });

  test('with ESCO: one JSON object per line, in order, and a bad line answers {error, line} without stopping', () => {
    const load = upskill(['data', 'load', '--esco', `${SHARED_DATA}esco-1.1.1-skill-labels`]);
    assert.equal(load.status, 0, load.stderr);
    const input = [
      '{"text": "we code in Python"}',
      'not json',
      '',
      '{"text": 3}',
      '["text"]',
      '{"text": "   "}',
      '{"text": "work in large collaborative teams", "id": 7}',
    ].join('\n');
    const result = upskill(['skills', 'link', '--batch', '--top', '3'], `${input}\n`);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stderr, '');
    const lines = jsonLines(result.stdout);
    assert.equal(lines.length, 6);
    assert.deepEqual(Object.keys(lines[0]!), ['text', 'links']);
    assert.equal(lines[0]!.text, 'we code in Python');
    assert.deepEqual(Object.keys(lines[0]!.links![0]!), ['label', 'esco', 'skillId', 'score']);
    assert.deepEqual(
      { label: lines[0]!.links![0]!.label, skillId: lines[0]!.links![0]!.skillId },
      { label: 'Python (computer programming)', skillId: 'python' },
    );
    assert.equal(lines[0]!.links!.length, 3);
    assert.deepEqual(
      lines.slice(1, 5).map((line) => [line.error?.code, line.line]),
      [
        ['BAD_JSON', 2],
        ['BAD_INPUT', 4],
        ['BAD_INPUT', 5],
        ['BAD_INPUT', 6],
      ],
    );
    assert.equal(lines[5]!.text, 'work in large collaborative teams');
    assert.ok(lines[5]!.links!.some((link) => link.label === 'work in teams'));

    const one = upskill(['skills', 'link', 'project management', '--json']);
    assert.equal(one.status, 0);
    const linking = JSON.parse(one.stdout) as { links: { label: string }[]; escoLoaded: boolean };
    assert.equal(linking.escoLoaded, true);
    assert.equal(linking.links[0]!.label, 'project management');
    const human = upskill(['skills', 'link', 'project management', '--top', '2']);
    assert.match(human.stdout, /^\d\.\d\d {2}project management\n/);
  });

  test('skills extract --batch answers {"mentions": [...]} per line', () => {
    const result = upskill(['skills', 'extract', '--batch'], '{"text": "We use ChatGPT daily."}\n{"text": ""}\n');
    assert.equal(result.status, 0, result.stderr);
    const [first, second] = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    assert.deepEqual(Object.keys(first!), ['mentions']);
    const mentions = first!['mentions'] as { skillId: string; start: number; end: number }[];
    assert.ok(mentions.some((m) => m.skillId === 'chatgpt' && m.start === 7 && m.end === 14));
    assert.deepEqual(second, { error: { code: 'DOCUMENT_EMPTY', message: 'The text is empty.' }, line: 2 });
    assert.equal(upskill(['skills', 'extract']).status, 2);
  });
});
