import type { InsightLink, InsightRecord } from '../domain/insights/index.js';
import type { Database } from './database.js';

interface InsightRow {
  id: string;
  title: string;
  excerpt: string;
  body: string | null;
  published_at: string | Date;
  provider: string | null;
  provider_domain: string | null;
  url: string | null;
  quality: number | null;
  heat: number | null;
  topics: string[];
  images: InsightRecord['images'];
  related: InsightRecord['related'];
  source: string;
  links: InsightLink[] | null;
}

/** Stores insights with their links, replacing a record of the same id (re-import updates in place); one transaction. */
export async function saveInsights(
  db: Database,
  items: readonly { record: InsightRecord; links: readonly InsightLink[] }[],
): Promise<number> {
  return db.transaction(async (tx) => {
    for (const { record, links } of items) {
      await tx.query('delete from insights where id = $1', [record.id]);
      await tx.query(
        `insert into insights (id, title, excerpt, body, published_at, provider, provider_domain, url, quality, heat,
           topics, images, related, source)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12::jsonb, $13::jsonb, $14)`,
        [
          record.id,
          record.title,
          record.excerpt,
          record.body,
          record.publishedAt,
          record.provider?.name ?? null,
          record.provider?.domain ?? null,
          record.url,
          record.quality,
          record.heat,
          JSON.stringify(record.topics),
          JSON.stringify(record.images),
          JSON.stringify(record.related),
          record.source,
        ],
      );
      for (const link of links)
        await tx.query(
          'insert into insight_links (insight_id, kind, ref, label) values ($1, $2, $3, $4) on conflict do nothing',
          [record.id, link.kind, link.ref, link.label],
        );
    }
    return items.length;
  });
}

/**
 * Insights with their links; narrowed to those linked to any of the given refs when some are given
 * (an occupation code, skill ids, a role id), newest first, at most `limit`.
 */
export async function listInsights(
  db: Database,
  filter: { refs?: readonly string[]; limit: number },
): Promise<{ record: InsightRecord; links: InsightLink[] }[]> {
  const refs = filter.refs ?? [];
  const rows = await db.query<InsightRow>(
    `select i.*,
       (select json_agg(json_build_object('kind', l.kind, 'ref', l.ref, 'label', l.label) order by l.kind, l.label)
          from insight_links l where l.insight_id = i.id) as links
     from insights i
     where cardinality($1::text[]) = 0 or exists (select 1 from insight_links l where l.insight_id = i.id and l.ref = any($1::text[]))
     order by i.published_at desc, i.id
     limit $2`,
    [refs, filter.limit],
  );
  return rows.map((row) => ({
    record: {
      id: row.id,
      title: row.title,
      excerpt: row.excerpt,
      body: row.body,
      publishedAt: new Date(row.published_at).toISOString(),
      provider: row.provider ? { name: row.provider, domain: row.provider_domain } : null,
      url: row.url,
      quality: row.quality,
      heat: row.heat,
      topics: row.topics,
      images: row.images,
      related: row.related,
      source: row.source,
    },
    links: row.links ?? [],
  }));
}

/** How many insights are stored. */
export async function countInsights(db: Database): Promise<number> {
  const [row] = await db.query<{ n: number }>('select count(*)::int as n from insights');
  return row!.n;
}
