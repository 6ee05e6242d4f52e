import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readSkillGraph } from '../../sources/skills-graph-reader.js';
import {
  checkSkillGraph,
  findPrerequisiteCycle,
  prerequisiteTree,
  surfaceKey,
  type SkillGraph,
} from './skill-graph.js';

const graph = readSkillGraph();

describe('the generative-AI skills graph in content/skills', () => {
  test('has at least 120 skills in its categories, every category used', () => {
    assert.ok(graph.skills.length >= 120, `${graph.skills.length} skills`);
    const used = new Set(graph.skills.map((s) => s.category));
    for (const category of graph.categories) assert.ok(used.has(category.id), `category ${category.id} has no skill`);
  });

  test('is sound: no cycles, no dangling ids, no alias naming two skills, hours that grow with level', () => {
    assert.deepEqual(checkSkillGraph(graph), []);
  });

  test('every skill is reachable: it is a root or its prerequisites lead to roots', () => {
    for (const skill of graph.skills) assert.ok(prerequisiteTree(graph, skill.id), skill.id);
    assert.ok(graph.skills.some((s) => s.prerequisites.length === 0));
  });

  test("each of Upwork's top generative-AI searches of H1 2023 names a skill", () => {
    const surfaces = new Map<string, string>();
    for (const skill of graph.skills)
      for (const surface of [skill.name, ...skill.aliases]) surfaces.set(surfaceKey(surface), skill.id);
    const expected: Record<string, string> = {
      ChatGPT: 'chatgpt',
      BERT: 'bert',
      'Stable Diffusion': 'stable-diffusion',
      TensorFlow: 'tensorflow',
      'AI chatbot': 'ai-chatbot-development',
      'generative AI': 'generative-ai',
      'image processing': 'image-processing',
      PyTorch: 'pytorch',
      'natural language processing': 'natural-language-processing',
    };
    for (const [term, skill] of Object.entries(expected)) assert.equal(surfaces.get(surfaceKey(term)), skill, term);
  });

  test('the checks catch a cycle, a dangling prerequisite, a shared alias and shrinking hours', () => {
    const broken: SkillGraph = {
      categories: [{ id: 'c', name: 'C' }],
      skills: [
        {
          id: 'a',
          name: 'A',
          category: 'c',
          aliases: ['shared'],
          description: '',
          levels: ['', '', '', ''],
          hours: [1, 2, 3, 4],
          prerequisites: ['b'],
        },
        {
          id: 'b',
          name: 'B',
          category: 'c',
          aliases: ['Shared!'],
          description: '',
          levels: ['', '', '', ''],
          hours: [1, 5, 3, 4],
          prerequisites: ['a', 'ghost'],
        },
      ],
    };
    const problems = checkSkillGraph(broken);
    assert.deepEqual(findPrerequisiteCycle(broken), ['a', 'b', 'a']);
    assert.ok(problems.some((p) => p.includes('prerequisite cycle')));
    assert.ok(problems.some((p) => p.includes('"ghost" does not exist')));
    assert.ok(problems.some((p) => p.includes('names both a and b')));
    assert.ok(problems.some((p) => p.includes('hours must grow')));
  });
});
