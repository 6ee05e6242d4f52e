import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { readOnetCore } from '../../sources/onet-release.js';
import { ONET_27 } from '../../../test/support/databases.js';
import { buildTitleIndex, resolveTitle, type TitleIndex } from './index.js';

let index: TitleIndex;
before(async () => {
  const core = await readOnetCore(ONET_27);
  const contexts = core.occupations.map((o) => ({
    code: o.code,
    text: [o.description, ...core.tasks.filter((t) => t.code === o.code).map((t) => t.statement)].join(' '),
  }));
  index = buildTitleIndex(
    core.occupations,
    core.alternateTitles.map((t) => ({ code: t.code, title: t.title })),
    contexts,
  );
});

const codes = (query: string, limit = 5): string[] => resolveTitle(index, query, { limit }).map((m) => m.code);

describe('title resolver', () => {
  test('abbreviations: "sr mktg specialist" lands on marketing specialists in the top 3', () => {
    assert.ok(codes('sr mktg specialist', 3).includes('13-1161.00'), codes('sr mktg specialist', 3).join());
  });

  test('"RN - ICU" lands on registered nurses', () => {
    assert.ok(
      codes('RN - ICU', 3).some((code) => code.startsWith('29-1141')),
      codes('RN - ICU', 3).join(),
    );
  });

  test('an exact alternate title ranks its occupation first, saying which title matched', () => {
    const [best] = resolveTitle(index, 'accounts payable clerk');
    assert.equal(best?.code, '43-3021.00');
    assert.ok(best!.score > 0.75, String(best?.score));
    assert.equal(best?.matched, 'Accounts Payable Clerk');
  });

  test('"full stack dev" lands on web or software developers, not O*NET\'s film "developer"', () => {
    assert.ok(['15-1254.00', '15-1252.00'].includes(codes('full stack dev')[0]!), codes('full stack dev').join());
    assert.ok(!codes('full stack dev', 3).includes('51-9151.00'));
  });

  test('typos of one and two edits still find the occupation', () => {
    assert.equal(codes('registerd nurse')[0], '29-1141.00');
    assert.equal(codes('sofware enginer')[0], '15-1252.00');
    assert.equal(codes('accoutant')[0], '13-2011.00');
  });

  test('word order, plurals, punctuation, case and accents do not change the answer', () => {
    const reference = codes('marketing specialist');
    assert.deepEqual(codes('Specialist, Marketing'), reference);
    assert.deepEqual(codes('MARKETING SPECIALISTS!'), reference);
    assert.deepEqual(codes('márketing spécialist'), reference);
  });

  test('word variants that name different work stay apart (engineer ≠ engine, mechanical ≠ mechanic)', () => {
    assert.equal(codes('mechanical engineer')[0], '17-2141.00');
    assert.ok(!codes('product manager', 3).includes('27-2012.00'), codes('product manager', 3).join());
  });

  test('seniority and contract words are noise', () => {
    assert.equal(codes('Senior Accountant II (remote, part-time)')[0], codes('accountant')[0]);
  });

  test('nothing fits: gibberish returns no match rather than a guess', () => {
    assert.deepEqual(resolveTitle(index, 'asdfgh qwerty zxcvb'), []);
    assert.deepEqual(resolveTitle(index, '!!! ???'), []);
  });

  test('scores are between 0 and 1 and sorted best first', () => {
    const matches = resolveTitle(index, 'web developer', { limit: 10 });
    assert.equal(matches.length, 10);
    for (let i = 1; i < matches.length; i++) assert.ok(matches[i - 1]!.score >= matches[i]!.score);
    assert.ok(matches.every((m) => m.score > 0 && m.score <= 1));
  });
});
