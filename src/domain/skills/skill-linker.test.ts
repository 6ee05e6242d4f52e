import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { readEscoSkills } from '../../sources/esco-release.js';
import { readSkillGraph } from '../../sources/skills-graph-reader.js';
import { SHARED_DATA } from '../../../test/support/databases.js';
import { compileSkillLinker, linkSkills, type SkillLinker } from './skill-linker.js';
import { learnParaphrases } from './skill-paraphrases.js';

const graph = readSkillGraph();
let linker: SkillLinker;
const labels = (text: string, top = 5) => linkSkills(linker, text, { top }).map((link) => link.label);

before(async () => {
  const { skills } = await readEscoSkills(`${SHARED_DATA}esco-1.1.1-skill-labels`);
  linker = compileSkillLinker({ esco: skills, graph });
});

describe('skill linker on the ESCO 1.1.1 labels and the graph', () => {
  test('"we code in Python" is Python (computer programming), the graph skill and the ESCO skill in one', () => {
    const [first] = linkSkills(linker, 'we code in Python');
    assert.deepEqual(
      { ...first, score: undefined },
      {
        label: 'Python (computer programming)',
        esco: null,
        skillId: 'python',
        score: undefined,
      },
    );
  });

  test('sentences that name no label still find the skill they express', () => {
    const teams = labels('work in large collaborative teams', 3);
    assert.ok(teams.includes('work in teams'), teams.join('; '));
    const stakeholders = labels('partner continuously with your many stakeholders', 3);
    for (const label of ['communicate with stakeholders', 'engage with stakeholders'])
      assert.ok(stakeholders.includes(label), `${label} in ${stakeholders.join('; ')}`);
    for (const label of [...teams, ...stakeholders])
      assert.ok(!/work in large collaborative teams|partner continuously/.test(label));
  });

  test('a preferred label wins over the skills that list it as a synonym', () => {
    const ranked = labels('project management', 10);
    assert.equal(ranked[0], 'project management');
    assert.ok(ranked.indexOf('project commissioning') > 0, ranked.join('; '));
    assert.equal(labels('Experience with project management tools')[0], 'project management');
  });

  test('version numbers and list punctuation do not hide a technology', () => {
    const ranked = labels('Strong proficiency with JavaScript. React Node Typescript HTML5/CSS3', 5);
    for (const label of ['JavaScript', 'TypeScript', 'CSS']) assert.ok(ranked.includes(label), ranked.join('; '));
  });

  test('K links at most, best first, scored 0–1; a text of filler words links nothing', () => {
    const links = linkSkills(linker, 'Design monthly email graphics and program in MailChimp platform', { top: 7 });
    assert.equal(links.length, 7);
    assert.equal(links[0]!.label, 'design graphics');
    for (let i = 1; i < links.length; i++) assert.ok(links[i - 1]!.score >= links[i]!.score);
    assert.ok(links.every((link) => link.score > 0 && link.score <= 1));
    assert.deepEqual(linkSkills(linker, 'the and of with your'), []);
    assert.deepEqual(linkSkills(linker, ''), []);
    assert.deepEqual(linkSkills(linker, 'zzqxv'), []);
  });
});

describe('skill linker without ESCO, and with URIs', () => {
  test('without ESCO it links graph skills only', () => {
    const graphOnly = compileSkillLinker({ esco: [], graph });
    const links = linkSkills(graphOnly, 'we write prompts for ChatGPT', { top: 3 });
    assert.equal(links[0]!.skillId, 'chatgpt');
    assert.ok(links.every((link) => link.esco === null && link.skillId !== null));
    assert.equal(graphOnly.escoSkills, 0);
  });

  test('a graph skill naming an ESCO URI answers as that ESCO skill, carrying both identities', () => {
    const uri = 'http://data.europa.eu/esco/skill/e465a154-93f7-4973-9ce1-31659fe16dd2';
    const small = compileSkillLinker({
      esco: [
        { label: 'utilise machine learning', uri, synonyms: ['use machine learning'] },
        { label: 'manage payroll', uri: 'http://data.europa.eu/esco/skill/x', synonyms: [] },
      ],
      graph,
    });
    const [first] = linkSkills(small, 'AI literacy', { top: 1 });
    assert.deepEqual(
      { ...first, score: 0 },
      { label: 'utilise machine learning', esco: uri, skillId: 'ai-literacy', score: 0 },
    );
    assert.equal(linkSkills(small, 'payroll', { top: 1 })[0]!.esco, 'http://data.europa.eu/esco/skill/x');
  });
});

describe('stand-in words learned from alternative labels', () => {
  test('words that replace each other in the labels of two skills are interchangeable; one skill is not enough', () => {
    const learned = learnParaphrases([
      [
        ['liais', 'manag'],
        ['collabor', 'manag'],
      ],
      [
        ['liais', 'supplier'],
        ['collabor', 'supplier'],
        ['negoti', 'supplier', 'term'],
      ],
    ]);
    assert.deepEqual(learned.get('liais'), [{ term: 'collabor', weight: 1 }]);
    assert.deepEqual(learned.get('collabor'), [{ term: 'liais', weight: 1 }]);
    assert.equal(learned.get('negoti'), undefined);
  });
});
