import { splitAlternateTitles, occupationContexts } from './held-out-titles.js';
import { buildTitleIndex, resolveTitle } from '../src/domain/titles/index.js';
const split = await splitAlternateTitles('/work/shared/data/onet-27.0');
let t = performance.now();
const ctx = await occupationContexts('/work/shared/data/onet-27.0'); t = performance.now(); const index = buildTitleIndex(split.occupations, split.indexed, ctx);
console.log('build ms', (performance.now() - t).toFixed(0), 'titles', index.titleText.length, 'terms', index.termIds.size);
// every title string → set of codes (a held-out title can be valid for several occupations)
const valid = new Map<string, Set<string>>();
for (const h of split.heldOut) { const s = valid.get(h.title) ?? new Set(); s.add(h.code); valid.set(h.title, s); }
let top1 = 0, top5 = 0, n = 0; const misses: string[] = [];
t = performance.now();
for (const h of split.heldOut) {
  const m = resolveTitle(index, h.title, { limit: 5, minScore: 0 });
  n++;
  if (m[0]?.code === h.code) top1++;
  if (m.some(x => x.code === h.code)) top5++; else misses.push(`${h.title} [${h.code}] -> ${m.slice(0,3).map(x=>x.code+' '+x.matched+' '+x.score).join(' | ')}`);
}
const el = performance.now() - t;
console.log('n', n, 'top1', (top1/n*100).toFixed(1), 'top5', (top5/n*100).toFixed(1), 'per s', (n/el*1000).toFixed(0));
for (const q of ['sr mktg specialist','RN - ICU','accounts payable clerk','full stack dev','registerd nurse','Marketing Specialists', 'sofware enginer', 'vp sales', 'asdfgh qwerty'])
  console.log(q, '=>', resolveTitle(index, q, {limit: 3}).map(x=>`${x.code} ${x.title} (${x.matched}) ${x.score}`).join(' | '));
console.log(misses.slice(0,40).join('\n'));
