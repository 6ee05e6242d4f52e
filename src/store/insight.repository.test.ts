import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DATABASES } from '../../test/support/databases.js';
import type { InsightRecord } from '../domain/insights/index.js';
import { countInsights, listInsights, saveInsights } from './insight.repository.js';

const record = (id: string, publishedAt: string): InsightRecord => ({
  id,
  title: `Title ${id}`,
  excerpt: 'An excerpt',
  body: null,
  publishedAt,
  provider: { name: 'ZDNet', domain: 'zdnet.com' },
  url: `https://example.org/${id}`,
  quality: 80,
  heat: -1,
  topics: ['AI'],
  images: [{ url: 'https://example.org/i.jpg', width: 10, height: null }],
  related: [{ title: 'Related', url: null, publishedAt: null, provider: 'The Economist' }],
  source: `${id}.txt`,
});

for (const backend of DATABASES) {
  describe(`insight store on ${backend.name}`, { skip: backend.skip }, () => {
    test('insights round-trip with links, newest first, filter by linked ref, re-import replaces', async () => {
      const db = await backend.open();
      try {
        await saveInsights(db, [
          {
            record: record('old', '2023-01-02T00:00:00.000Z'),
            links: [{ kind: 'skill', ref: 'chatgpt', label: 'ChatGPT' }],
          },
          {
            record: record('new', '2024-05-01T10:00:00.000Z'),
            links: [{ kind: 'occupation', ref: '13-1161.00', label: 'Market Research Analysts' }],
          },
        ]);
        const all = await listInsights(db, { limit: 10 });
        assert.deepEqual(
          all.map((i) => i.record.id),
          ['new', 'old'],
        );
        assert.deepEqual(all[1], {
          record: record('old', '2023-01-02T00:00:00.000Z'),
          links: [{ kind: 'skill', ref: 'chatgpt', label: 'ChatGPT' }],
        });
        assert.deepEqual(
          (await listInsights(db, { refs: ['chatgpt'], limit: 10 })).map((i) => i.record.id),
          ['old'],
        );
        await saveInsights(db, [
          { record: { ...record('old', '2023-01-02T00:00:00.000Z'), title: 'Changed' }, links: [] },
        ]);
        assert.equal(await countInsights(db), 2);
        const changed = (await listInsights(db, { limit: 10 })).find((i) => i.record.id === 'old')!;
        assert.equal(changed.record.title, 'Changed');
        assert.deepEqual(changed.links, []);
      } finally {
        await db.close();
      }
    });
  });
}
