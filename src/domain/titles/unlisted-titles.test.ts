import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { readOnetCore, readOnetDetails } from '../../sources/onet-release.js';
import { ONET_27 } from '../../../test/support/databases.js';
import { buildTitleIndex, isClearMatch, resolveTitle, unknownWords, type TitleIndex } from './index.js';
import { titleWords } from './title-analyzer.js';

// The index the app builds: every O*NET title, its task statements and its closest relations.
let index: TitleIndex;
before(async () => {
  const [core, details] = await Promise.all([readOnetCore(ONET_27), readOnetDetails(ONET_27)]);
  const tasks = new Map<string, string[]>();
  for (const task of core.tasks) tasks.set(task.code, [...(tasks.get(task.code) ?? []), task.statement]);
  index = buildTitleIndex(
    core.occupations,
    core.alternateTitles.flatMap((t) => [
      { code: t.code, title: t.title },
      ...(t.shortTitle ? [{ code: t.code, title: t.shortTitle }] : []),
    ]),
    core.occupations.map((o) => ({ code: o.code, text: [o.description, ...(tasks.get(o.code) ?? [])].join(' ') })),
    details.relatedOccupations.filter((r) => r.tier === 'Primary-Short'),
  );
});

const codes = (query: string, options: { limit?: number; context?: string } = {}): string[] =>
  resolveTitle(index, query, { limit: options.limit ?? 5, ...options }).map((m) => m.code);
const first = (query: string, context?: string): string | undefined =>
  codes(query, context === undefined ? {} : { context })[0];

/** The word is in no O*NET title, so the answer cannot come from a title that lists it. */
function assertUnlisted(word: string): void {
  for (const folded of titleWords(word)) assert.ok(!index.spelling.words.has(folded), `${folded} is a title word`);
}

describe('titles nobody listed: single unseen words', () => {
  test('"Actress" is an actor (another form of the word)', () => {
    assertUnlisted('Actress');
    assert.equal(first('Actress'), '27-2011.00');
  });

  test('"Vocalist" is a musician or singer (letter trigrams find "vocal")', () => {
    assertUnlisted('Vocalist');
    assert.equal(first('Vocalist'), '27-2042.00');
  });

  test('"Draftsperson" is a drafter (draftsman)', () => {
    assertUnlisted('Draftsperson');
    const found = codes('Draftsperson');
    assert.equal(found.length, 5);
    assert.ok(found.includes('17-3011.00') && found.includes('17-3013.00'), found.join());
    assert.ok(
      found.every((code) => code.startsWith('17-30')),
      `every candidate drafts or surveys: ${found.join()}`,
    );
  });

  test('"Ultrasonographer" is a diagnostic medical sonographer', () => {
    assertUnlisted('Ultrasonographer');
    assert.equal(first('Ultrasonographer'), '29-2032.00');
  });

  test('"Goldsmith" (gold + smith) finds the jewellers and precious-metal workers', () => {
    assertUnlisted('Goldsmith');
    assert.ok(codes('Goldsmith').includes('51-9071.00'), codes('Goldsmith').join());
  });

  test('"Municipal Fixed Income Analyst" gets financial analysts, not nothing', () => {
    const found = codes('Municipal Fixed Income Analyst', { limit: 3 });
    assert.ok(found.includes('13-2051.00'), found.join());
  });

  test('a query of only unknown words returns nothing and says which words are unknown', () => {
    assert.deepEqual(resolveTitle(index, 'zzqx'), []);
    assert.deepEqual(unknownWords(index, 'zzqx'), ['zzqx']);
    assert.deepEqual(resolveTitle(index, 'asdfgh qwerty zxcvb'), []);
    assert.deepEqual(unknownWords(index, 'asdfgh qwerty zxcvb'), ['asdfgh', 'qwerty', 'zxcvb']);
    assert.deepEqual(unknownWords(index, 'Goldsmith zzqx'), ['zzqx'], 'a known word is not reported');
    assert.deepEqual(unknownWords(index, 'Senior'), [], 'seniority words are not reported');
    assert.deepEqual(resolveTitle(index, 'Senior II'), [], 'noise words alone name no job');
  });
});

describe('titles nobody listed: role words, inversions and the head noun', () => {
  test('"head of", "leader" and a closing "lead" name manager-like roles', () => {
    assert.equal(first('Head of Marketing'), '11-2021.00');
    assert.equal(first('Head of Finance'), '11-3031.00');
    assert.equal(first('Marketing Leader'), '11-2021.00');
    assert.equal(first('Warehouse Team Lead'), '11-3071.00');
    // "Lead" before a role is seniority: a lead accountant is an accountant.
    assert.equal(first('Lead Accountant'), '13-2011.00');
  });

  test('"administrator" reads as a manager where a title says so', () => {
    assert.equal(first('HR Administrator'), '11-3121.00');
    assert.equal(first('Hospital Administrator'), '11-9111.00');
  });

  test('index-style inversions: "Teacher flying" is a flight instructor, "Engineer shift" a shift engineer', () => {
    const flying = codes('Teacher flying', { limit: 3 });
    assert.ok(['25-3021.00', '53-2012.00'].includes(flying[0]!), flying.join());
    assert.ok(flying.includes('53-2012.00'), `commercial pilots' flight instructors are near: ${flying.join()}`);
    assert.deepEqual(codes('Teacher, Flying'), codes('Flying Teacher'));
    assert.equal(first('Engineer shift'), '51-8012.00');
    assert.deepEqual(codes('Engineer, Shift'), codes('Shift Engineer'));
  });

  test('the head noun weighs more: "social media manager" is marketing, not social services', () => {
    const found = codes('social media manager');
    const marketing = ['13-1161.00', '13-1161.01', '11-2021.00', '11-2011.00', '11-2032.00', '27-3031.00'];
    assert.ok(marketing.includes(found[0]!), `first is marketing or PR: ${found.join()}`);
    assert.notEqual(found[0], '11-9151.00');
    assert.ok(found.includes('11-2021.00'), `Marketing Managers are among the five: ${found.join()}`);
  });

  test('"uber driver" is a taxi driver, not a heavy-truck driver', () => {
    assert.equal(first('uber driver'), '53-3054.00');
    assert.equal(first('Lyft driver'), '53-3054.00');
  });
});

describe('titles O*NET lists under several occupations: context decides', () => {
  test('"Production Superintendent" (five occupations) follows the résumé or industry', () => {
    assert.equal(first('Production Superintendent', 'farm crops harvest irrigation'), '11-9013.00');
    assert.equal(first('Production Superintendent', 'television broadcast studio programs'), '27-2012.05');
    assert.equal(first('Production Superintendent', 'factory assembly line machine operators'), '51-1011.00');
    for (const code of ['11-9013.00', '27-2012.05', '51-1011.00', '11-3051.00'])
      assert.ok(codes('Production Superintendent').includes(code), `${code} is among the five without context`);
  });

  test('"Flying Instructor" (three occupations): an airline résumé makes it the commercial pilots', () => {
    assert.equal(first('Flying Instructor'), '25-3021.00');
    assert.equal(first('Flying Instructor', 'airline jet commercial pilot licence'), '53-2012.00');
  });

  test('other words of the title decide too: a farm production superintendent runs a farm', () => {
    assert.equal(first('Farm Production Superintendent'), '11-9013.00');
  });

  test('context never adds an occupation the title does not reach', () => {
    const all = (context?: string): string[] =>
      resolveTitle(index, 'Production Superintendent', { limit: 2000, minScore: 0, ...(context ? { context } : {}) })
        .map((m) => m.code)
        .sort();
    assert.deepEqual(all('registered nurse hospital patients'), all());
  });
});

describe('a clear best match', () => {
  test('is strong and well ahead: "accountant" is clear; "marketing specialist", "driver" are not', () => {
    assert.equal(isClearMatch(resolveTitle(index, 'accountant')), true);
    assert.equal(isClearMatch(resolveTitle(index, 'registered nurse')), true);
    assert.equal(isClearMatch(resolveTitle(index, 'marketing specialist')), false);
    assert.equal(isClearMatch(resolveTitle(index, 'driver')), false);
    assert.equal(isClearMatch([]), false);
  });
});
