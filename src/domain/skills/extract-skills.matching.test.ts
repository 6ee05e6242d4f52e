import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { ONET_27 } from '../../../test/support/databases.js';
import { fullExtractor } from '../../../test/support/extraction-gold.js';
import { extractSkills, type SkillExtractor, type SkillMention } from './index.js';

// What people write in job ads and résumés (issue 11's misses), with the vocabulary the app
// builds by default: graph, lexicon, phrases, O*NET and ESCO (found beside O*NET in ../shared/data).
let extractor: SkillExtractor;
before(async () => {
  extractor = await fullExtractor(ONET_27);
});
const claimed = (text: string): SkillMention[] => extractSkills(extractor, text).filter((m) => !m.negated);
const surfaces = (text: string): string[] => claimed(text).map((m) => m.surface);
/** The mention that names `surface` (alone, or inside a longer name: "REST" in "REST APIs"). */
const mentionOf = (text: string, surface: string): SkillMention => {
  const mention =
    claimed(text).find((m) => m.surface === surface) ?? claimed(text).find((m) => m.surface.includes(surface));
  assert.ok(mention, `"${surface}" not found in "${text}": ${surfaces(text).join(' | ')}`);
  return mention;
};

describe('vocabulary job ads use', () => {
  for (const [text, surface, kind, esco] of [
    ['Fluent English, written and spoken.', 'English', 'language', 'English'],
    ['Experience with java and spring boot.', 'java', 'tool', 'Java (computer programming)'],
    ['Deep hands-on Java plus C#/.NET.', '.NET', 'tool', null],
    ['Strong ReactJS and TypeScript skills.', 'ReactJS', 'tool', 'JavaScript Framework'],
    ['You have worked in agile teams before.', 'agile', 'knowledge', 'Agile project management'],
    ['Front end in Angular, back end in Kotlin.', 'Angular', 'tool', null],
    ['Front end in Angular, back end in Kotlin.', 'Kotlin', 'tool', null],
    ['Experience with Spring and Hibernate.', 'Spring', 'tool', null],
    ['You design REST APIs and microservices.', 'REST', 'knowledge', null],
    ['You design REST APIs and microservices.', 'microservices', 'knowledge', null],
    ['Experience with DevOps practices and CI/CD.', 'DevOps', 'knowledge', null],
    ['Caching with Redis, tests with Jest, front end with Next.js.', 'Redis', 'tool', null],
    ['Caching with Redis, tests with Jest, front end with Next.js.', 'Jest', 'tool', null],
    ['Caching with Redis, tests with Jest, front end with Next.js.', 'Next.js', 'tool', null],
  ] as const) {
    test(`"${surface}" in "${text}"`, () => {
      const mention = mentionOf(text, surface);
      assert.equal(mention.kind, kind);
      if (esco) assert.equal(mention.esco?.label, esco);
    });
  }

  test('a language needs a language cue; a name before a role noun is a job title, not a claim', () => {
    assert.deepEqual(surfaces('We are a Danish company.'), []);
    assert.deepEqual(surfaces('Senior Java Developer'), []);
    assert.deepEqual(surfaces('DevOps Engineer'), []);
    assert.deepEqual(surfaces('Job description:'), []);
  });
});

describe('skills written as phrases and traits, linked to the ESCO skill they express', () => {
  for (const [text, surface, esco] of [
    ['Partner continuously with your many stakeholders.', 'Partner continuously with your many stakeholders', null],
    ['Ability to work in large collaborative teams.', 'work in large collaborative teams', 'work in teams'],
    ['You are a team player.', 'team player', 'work in teams'],
    ['You are motivated, curious and structured.', 'motivated', null],
    ['A self-starter who needs little supervision.', 'self-starter', null],
    ['Attention to detail is essential.', 'Attention to detail', null],
    ['You like to work in a team.', 'work in a team', 'work in teams'],
  ] as const) {
    test(`"${surface}"`, () => {
      const mention = mentionOf(text, surface);
      assert.equal(mention.source, 'phrase');
      assert.equal(mention.kind, 'skill');
      assert.ok(mention.esco, 'linked to ESCO');
      if (esco) assert.equal(mention.esco.label, esco);
    });
  }

  test('a one-word trait describes the person, not a noun; a hyphen-glued word is part of another', () => {
    assert.deepEqual(surfaces('We are an ambitious company.'), []);
    assert.deepEqual(surfaces('Our decisions are data-driven.'), []);
    assert.ok(!surfaces('Driven by curiosity, we build.').includes('Driven'));
  });
});

describe('ordinary words that O*NET or ESCO list as tools or skills', () => {
  for (const text of [
    'We build smart products for smart people.',
    'Entry level role; the next level of our platform.',
    'Our designers work closely with engineers.',
    'A pension scheme and a bonus scheme.',
    'Log your hours in Workday.',
    'Join a team of 23 engineers.',
    'We play football on Fridays.',
    'Led the rollout to 400 employees.',
    'We are a financial company in the current market.',
  ]) {
    test(`nothing in "${text}"`, () => {
      assert.deepEqual(
        claimed(text)
          .filter((m) => !['Workday'].includes(m.surface))
          .map((m) => `${m.surface} (${m.source})`),
        [],
      );
    });
  }

  test('Workday counts only with evidence: a cue or a list', () => {
    assert.deepEqual(surfaces('Log your hours in Workday.'), []);
    assert.deepEqual(surfaces('Experience with Workday and SAP SuccessFactors.').slice(0, 1), ['Workday']);
  });
});

describe('a marketing résumé and a nurse', () => {
  test('copywriting, project management, public speaking, Optimizely, A/B testing, Google Ads', () => {
    const text =
      'Skilled in copywriting, project management and public speaking; Optimizely, A/B testing and Google Ads.';
    assert.deepEqual(surfaces(text), [
      'copywriting',
      'project management',
      'public speaking',
      'Optimizely',
      'A/B testing',
      'Google Ads',
    ]);
  });

  test('"project management" is the ESCO skill of that name, not a synonym of "project commissioning"', () => {
    assert.equal(
      mentionOf('Led project management for a rebrand.', 'project management').esco?.label,
      'project management',
    );
  });

  test("a nurse's occupational skills", () => {
    const text = 'Performed patient assessment, medication administration and infection control on a surgical ward.';
    assert.deepEqual(surfaces(text), ['patient assessment', 'medication administration', 'infection control']);
    assert.equal(mentionOf(text, 'infection control').esco?.label, 'infection control');
  });

  test('every mention is typed, and linked to ESCO with the URI when the 1.2.0 collections give one', () => {
    const python = mentionOf('Daily Python and SQL.', 'Python');
    assert.equal(python.kind, 'ai-skill');
    assert.equal(python.esco?.label, 'Python (computer programming)');
    assert.match(python.esco?.uri ?? '', /^http:\/\/data\.europa\.eu\/esco\/skill\/[0-9a-f-]{36}$/);
  });
});
