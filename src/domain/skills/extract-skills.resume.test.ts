import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { ONET_27 } from '../../../test/support/databases.js';
import { fullExtractor } from '../../../test/support/extraction-gold.js';
import { extractSkills, summarizeMentions, type SkillExtractor, type SkillMention } from './index.js';
import { degreeAt, findAddresses } from './text-spans.js';
import { findSections } from './resume-sections.js';

// A marketing résumé as people write them: contact line with e-mail and URLs, a degree in the
// Education section, and the tools named in Skills and again in Experience.
const RESUME = [
  'Maria Lopez — Digital Marketing Specialist',
  'maria.lopez@example.com · LinkedIn: https://www.linkedin.com/in/maria-lopez-marketing · github.com/mlopez',
  '',
  'Summary',
  'Marketing specialist with five years in B2B campaigns and strong communication skills.',
  '',
  'Skills',
  'HubSpot, Salesforce, GA4, Adobe InDesign, Hootsuite, SEO',
  '',
  'Experience',
  'Marketing Specialist, Acme Corp (2019–2024)',
  'Built nurture campaigns in HubSpot and synced leads to Salesforce.',
  'Reported campaign results in Google Analytics 4; scheduled social posts with Hootsuite.',
  'Designed brochures in Adobe InDesign and ran LinkedIn ads.',
  '',
  'Education',
  'B.A. Communication, State University, 2018',
  '',
].join('\n');

let extractor: SkillExtractor;
let mentions: SkillMention[];
before(async () => {
  extractor = await fullExtractor(ONET_27);
  mentions = extractSkills(extractor, RESUME);
});

const spanOf = (text: string, needle: string): { start: number; end: number } => {
  const start = text.indexOf(needle);
  assert.ok(start >= 0, needle);
  return { start, end: start + needle.length };
};
const inside = (m: SkillMention, span: { start: number; end: number }): boolean =>
  m.start < span.end && m.end > span.start;

describe('a marketing résumé: every tool found, nothing from a degree, URL or e-mail', () => {
  test('every tool is found, in Skills and again in Experience', () => {
    const skills = summarizeMentions(mentions);
    const byLabel = new Map(skills.map((s) => [s.skillId, s]));
    for (const [id, times] of [
      ['onet:hubspot-software', 2],
      ['onet:salesforce-software', 2],
      ['onet:google-analytics', 2],
      ['onet:adobe-systems-adobe-indesign', 2],
      ['onet:hootsuite', 2],
    ] as const) {
      assert.equal(byLabel.get(id)?.mentions, times, id);
      assert.equal(byLabel.get(id)?.negated, false, id);
    }
    const ga = mentions.filter((m) => m.skillId === 'onet:google-analytics').map((m) => m.surface);
    assert.deepEqual(ga, ['GA4', 'Google Analytics 4']);
  });

  test('every offset points at the words it names', () => {
    assert.ok(mentions.length >= 10);
    for (const m of mentions) assert.equal(RESUME.slice(m.start, m.end), m.surface);
    const indesign = mentions.filter((m) => m.surface === 'Adobe InDesign');
    assert.deepEqual(
      indesign.map((m) => [m.start, m.section]),
      [
        [RESUME.indexOf('Adobe InDesign'), 'skills'],
        [RESUME.lastIndexOf('Adobe InDesign'), 'experience'],
      ],
    );
  });

  test('"Communication" is credited from the claim, not from the degree "B.A. Communication"', () => {
    const degree = spanOf(RESUME, 'B.A. Communication');
    assert.deepEqual(
      mentions.filter((m) => inside(m, degree)),
      [],
    );
    const communication = mentions.filter((m) => m.skillId === 'communication');
    assert.deepEqual(
      communication.map((m) => [m.surface, m.section]),
      [['communication skills', 'summary']],
    );
    assert.equal(
      mentions.some((m) => m.section === 'education'),
      false,
    );
  });

  test('nothing inside the e-mail address or the URLs, and not the label in front of one', () => {
    const contact = spanOf(RESUME, RESUME.split('\n')[1]!);
    assert.deepEqual(
      mentions.filter((m) => inside(m, contact)).map((m) => m.surface),
      [],
    );
    // "ran LinkedIn ads" is a claim; the "LinkedIn:" label and linkedin.com/in/… are not.
    const linkedin = mentions.filter((m) => m.skillId === 'onet:linkedin');
    assert.deepEqual(
      linkedin.map((m) => m.start),
      [RESUME.indexOf('LinkedIn ads')],
    );
  });
});

describe('degree names credit nothing', () => {
  const claimed = (text: string): string[] =>
    extractSkills(extractor, text)
      .filter((m) => !m.negated)
      .map((m) => m.surface);

  test('abbreviated and spelled-out degrees, with or without an Education heading', () => {
    for (const line of [
      'B.A. Communication, State University, 2018',
      'BSc Computer Science (Hons), University of Leeds',
      'Master of Business Administration — Wharton, 2015',
      "Bachelor's degree in Marketing from Ohio State",
      'M.S. in Data Science, 2021',
      'Ph.D. Statistics',
    ])
      assert.deepEqual(claimed(line), [], line);
    assert.deepEqual(claimed('Education\nMS Computer Science, Stanford\nBA Economics'), []);
  });

  test('the rest of the line after the degree still counts, and look-alikes are no degree', () => {
    assert.deepEqual(claimed('MBA, 2015. Built reports in Tableau.'), ['Tableau']);
    assert.deepEqual(claimed('Skills: MS Excel, Python'), ['Excel', 'Python']);
    assert.deepEqual(claimed('Certifications\nMS Excel Expert'), ['Excel']);
    assert.deepEqual(claimed('Fine-tuned an LLM for contract review'), ['Fine-tuned', 'LLM']);
    assert.ok(claimed('Scrum Master in agile teams; strong communication skills').includes('communication skills'));
  });

  test('degree spans stop at the end of the field', () => {
    const text = 'Education\nB.A. Communication, State University\nSkills: HubSpot';
    const degree = degreeAt(text, text.indexOf('B.A.'), findSections(text));
    assert.equal(text.slice(degree!.start, degree!.end), 'B.A. Communication');
    assert.equal(degreeAt(text, text.indexOf('State'), findSections(text)), undefined);
  });
});

describe('addresses are masked, whole', () => {
  test('scheme, www and bare host with a path; e-mail; trailing punctuation stays outside', () => {
    const text = 'See https://hubspot.com/x, www.salesforce.com and linkedin.com/in/jane. Mail jo.e+cv@mail.co.uk!';
    assert.deepEqual(
      findAddresses(text).map(({ start, end }) => text.slice(start, end)),
      ['https://hubspot.com/x', 'www.salesforce.com', 'linkedin.com/in/jane', 'jo.e+cv@mail.co.uk'],
    );
    assert.deepEqual(claimed(text), []);
  });

  test('a name standing alone before an address labels it; one inside a sentence is still claimed', () => {
    assert.deepEqual(claimed('Jane Doe | LinkedIn: linkedin.com/in/jane | GitHub – github.com/jane'), []);
    assert.deepEqual(claimed('Portfolio built with WordPress: https://jane.dev'), ['WordPress']);
  });

  test('product names with dots are not addresses', () => {
    assert.deepEqual(findAddresses('ASP.NET/C#, Node.js and/or Salesforce.com'), []);
    assert.deepEqual(claimed('Node.js and Salesforce.com daily'), ['Node.js', 'Salesforce.com']);
  });

  const claimed = (text: string): string[] =>
    extractSkills(extractor, text)
      .filter((m) => !m.negated)
      .map((m) => m.surface);
});
