import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { ONET_27 } from '../../../test/support/databases.js';
import { fullExtractor } from '../../../test/support/extraction-gold.js';
import { extractSkills, summarizeMentions, type SkillExtractor } from './index.js';

let extractor: SkillExtractor;
// The vocabulary the app builds: the graph plus O*NET technology, tools, elements and common words.
before(async () => {
  extractor = await fullExtractor(ONET_27);
});

const found = (text: string): string[] =>
  extractSkills(extractor, text)
    .filter((m) => !m.negated)
    .map((m) => m.skillId);

describe('skill extraction', () => {
  test('finds skills with offsets that point at the words in the text', () => {
    const text = 'Built a RAG chatbot with LangChain and Pinecone; wrote prompts for GPT-4.';
    const mentions = extractSkills(extractor, text);
    assert.deepEqual(
      mentions.map((m) => [m.skillId, m.surface, m.start, m.end]),
      [
        ['retrieval-augmented-generation', 'RAG', 8, 11],
        ['ai-chatbot-development', 'chatbot', 12, 19],
        ['langchain', 'LangChain', 25, 34],
        ['vector-databases', 'Pinecone', 39, 47],
        ['chatgpt', 'GPT-4', 67, 72],
      ],
    );
    for (const m of mentions) assert.equal(text.slice(m.start, m.end), m.surface);
  });

  test('the longest phrase wins', () => {
    assert.deepEqual(found('natural language processing and Stable Diffusion'), [
      'natural-language-processing',
      'stable-diffusion',
    ]);
    assert.deepEqual(found('Microsoft Excel'), ['spreadsheets']);
  });

  test('case, punctuation, plurals, hyphens and joined words normalise to one skill', () => {
    for (const text of ['Node.js', 'nodejs', 'NodeJS', 'node js'])
      assert.deepEqual(found(`Services in ${text} daily`), ['javascript'], text);
    for (const text of ['fine-tuning', 'fine tuning', 'finetuning', 'Fine-Tuning'])
      assert.deepEqual(found(`${text} of models`), ['fine-tuning'], text);
    assert.deepEqual(found('LLMs and large language models'), ['large-language-models', 'large-language-models']);
  });

  test('acronyms and their expansions name the same skill', () => {
    assert.deepEqual(found('NLP'), found('natural language processing'));
    assert.deepEqual(found('RAG pipelines'), found('retrieval-augmented generation pipelines'));
    assert.deepEqual(found('an LLM'), ['large-language-models']);
  });

  test('ambiguous short names count only in skill context', () => {
    assert.deepEqual(found('I go to the gym and excel at chess.'), []);
    assert.deepEqual(found('Our R&D team will go live in C block.'), []);
    assert.deepEqual(found('I code in Go, Rust and R'), ['go-language', 'rust', 'r-language']);
    assert.deepEqual(found('Skills\nExcel, Rust\n'), ['spreadsheets', 'rust']);
    const symbols = found('Proficient in C++ as well as Python.');
    assert.deepEqual(symbols, ['c-language', 'python']);
  });

  test('negated mentions are flagged, within their sentence only', () => {
    const mentions = extractSkills(
      extractor,
      'No experience with PyTorch or TensorFlow. Python daily. Never used Midjourney.',
    );
    assert.deepEqual(
      mentions.map((m) => [m.skillId, m.negated]),
      [
        ['pytorch', true],
        ['tensorflow', true],
        ['python', false],
        ['midjourney', true],
      ],
    );
    assert.ok(mentions[0]!.confidence < 0.3);
    const summary = summarizeMentions(extractSkills(extractor, 'Not PyTorch yet. Learning PyTorch now.'));
    assert.deepEqual(
      summary.map((s) => [s.skillId, s.negated, s.mentions]),
      [['pytorch', false, 2]],
    );
  });

  test('a Skills section counts for more than a hobby line', () => {
    const text = 'Skills\nPython\n\nHobbies\nPython scripts for my model trains\n';
    const [skills, hobby] = extractSkills(extractor, text);
    assert.equal(skills?.section, 'skills');
    assert.equal(hobby?.section, 'hobbies');
    assert.ok(skills!.confidence > hobby!.confidence * 1.5);
    const inline = extractSkills(extractor, 'Technical skills: SQL, Tableau\nI used SQL at work.');
    assert.deepEqual(
      inline.map((m) => m.section),
      ['skills', 'skills', 'text'],
    );
  });

  test('O*NET technology examples that the graph does not cover keep their own id', () => {
    assert.ok(found('We use Salesforce software for CRM').includes('onet:salesforce-software'));
  });

  test('text with no skills, or only separators, gives nothing', () => {
    assert.deepEqual(extractSkills(extractor, ''), []);
    assert.deepEqual(extractSkills(extractor, '— … ¡¿ \n\t'), []);
    assert.deepEqual(found('The quick brown fox jumps over the lazy dog.'), []);
  });
});
