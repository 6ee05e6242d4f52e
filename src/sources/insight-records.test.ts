import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseInsightRecord, readInsightRecords } from './insight-records.js';

const SEEDS = new URL('../../../shared/seeds/', import.meta.url).pathname;
const seed = (name: string) => readFileSync(join(SEEDS, name), 'utf8');

test('the seeds: front-matter records keep title, date, provider, quality, heat, topics, images, related', () => {
  const text = seed('000_5be88367d6ff0484.txt');
  const record = parseInsightRecord(text, '000_5be88367d6ff0484.txt');
  assert.equal(record.id, '000_5be88367d6ff0484');
  assert.equal(record.title, /^title: "(.*)"$/m.exec(text)![1]);
  assert.equal(record.publishedAt, new Date(/^publishedDateTime: (.*)$/m.exec(text)![1]!).toISOString());
  assert.equal(record.quality, Number(/^quality: (.*)$/m.exec(text)![1]));
  assert.equal(record.heat, Number(/^heat: (.*)$/m.exec(text)![1]));
  assert.deepEqual(record.provider, { name: 'ZDNet', domain: 'zdnet.com' });
  assert.deepEqual(record.topics, ['AI']);
  assert.equal(record.images.length, 1);
  assert.equal(record.related[0]?.title, 'How AI image-generators work');
  assert.equal(record.related[0]?.provider, 'The Economist');
});

test('the seeds: plain dated text takes its date and its first words as title', () => {
  const record = parseInsightRecord(seed('002_4bc3d2c8fa7f6b49.txt'), '002_4bc3d2c8fa7f6b49.txt');
  assert.equal(record.publishedAt, '2023-08-10T00:00:00.000Z');
  assert.match(record.title, /^Organizations that are developing a long-term strategy around generative/);
  assert.ok(record.title.endsWith('…') && record.title.length <= 141);
  assert.match(record.body!, /Upwork increased by over 1,000% in the second quarter of 2023/);
  assert.equal(record.quality, null);
});

test('a folder with broken copies: each bad record named by file, line and field; the good ones still read', () => {
  const dir = mkdtempSync(join(tmpdir(), 'insights-'));
  writeFileSync(join(dir, 'a-good.txt'), seed('000_5be88367d6ff0484.txt'));
  writeFileSync(
    join(dir, 'b-no-date.txt'),
    seed('000_5be88367d6ff0484.txt').replace(/^publishedDateTime:.*$/m, 'publishedDateTime: soon'),
  );
  writeFileSync(join(dir, 'c-heat.txt'), seed('000_5be88367d6ff0484.txt').replace(/^heat: .*$/m, 'heat: 900'));
  writeFileSync(join(dir, 'd-plain.txt'), 'Organisations say things, but when?');
  writeFileSync(join(dir, 'e-unclosed.md'), '---\ntitle: "x"\n');
  writeFileSync(join(dir, 'ignored.json'), '{}');
  const { records, problems } = readInsightRecords(dir);
  assert.deepEqual(
    records.map((r) => r.id),
    ['a-good'],
  );
  const heatLine =
    seed('000_5be88367d6ff0484.txt')
      .split('\n')
      .findIndex((l) => l.startsWith('heat:')) + 1;
  const dateLine =
    seed('000_5be88367d6ff0484.txt')
      .split('\n')
      .findIndex((l) => l.startsWith('publishedDateTime:')) + 1;
  assert.deepEqual(
    problems.map((p) => [p.file.slice(dir.length + 1), p.line, p.field]),
    [
      ['b-no-date.txt', dateLine, 'publishedDateTime'],
      ['c-heat.txt', heatLine, 'heat'],
      ['d-plain.txt', 1, 'date'],
      ['e-unclosed.md', 1, null],
    ],
  );
  assert.match(
    problems[1]!.message,
    /c-heat\.txt, line \d+, field heat: heat must be a number from -1 to 100, got 900/,
  );
});
