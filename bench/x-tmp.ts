import { readSkillGraph } from '../src/sources/skills-graph-reader.js';
import { readRecords } from '../src/sources/tabular-file.js';
import { buildVocabulary, compileSkillExtractor, extractSkills } from '../src/domain/skills/index.js';
const dir = '/work/shared/data/onet-27.0/';
const tech = await readRecords(dir + 'Technology Skills.txt', { delimiter: '\t', quoted: false, requiredColumns: [] }, (r) => ({ example: r.text('Example'), commodityCode: r.integer('Commodity Code'), commodityTitle: r.text('Commodity Title') }));
const tools = await readRecords(dir + 'Tools Used.txt', { delimiter: '\t', quoted: false, requiredColumns: [] }, (r) => ({ example: r.text('Example'), commodityCode: r.integer('Commodity Code'), commodityTitle: r.text('Commodity Title') }));
let t = performance.now();
const vocab = buildVocabulary({ graph: readSkillGraph(), technology: tech, tools });
const ex = compileSkillExtractor(vocab);
console.log('vocab', vocab.length, 'compile ms', (performance.now() - t).toFixed(0), 'states', ex.automaton.stateCount);
const text = `Jane Doe — Marketing Specialist

Summary
Marketer who uses ChatGPT and Midjourney daily for campaign copy and images.

Skills
Python, R, SQL, Excel (pivot tables), Go, Google Analytics, prompt engineering, LLMs, RAG

Experience
Built dashboards in Tableau and Power BI. Wrote scripts in Node.js and nodejs. Fine-tuning BERT models for NLP.
I go to the office every day and excel at communication. No experience with PyTorch or TensorFlow.

Hobbies
Photography with Adobe Photoshop, C++ for fun.`;
for (const m of extractSkills(ex, text)) console.log(m.skillId.padEnd(40), JSON.stringify(m.surface), m.start, m.end, m.confidence, m.section, m.negated ? 'NEG' : '');
import { readFileSync } from 'node:fs';
const raw = readFileSync(dir + 'Task Statements.txt', 'utf8').split('\n').map((l) => l.split('\t')[2] ?? '').join('\n');
let corpus = raw; while (corpus.length < 20e6) corpus += '\n' + raw;
extractSkills(ex, corpus.slice(0, 1e6));
t = performance.now();
let n = 0; for (let o = 0; o < corpus.length; o += 1 << 20) n += extractSkills(ex, corpus.slice(o, o + (1 << 20))).length; const ms = { length: n };
const sec = (performance.now() - t) / 1000;
console.log('MB', (Buffer.byteLength(corpus) / 1e6).toFixed(1), 'MB/s', (Buffer.byteLength(corpus) / 1e6 / sec).toFixed(1), 'mentions', ms.length);
