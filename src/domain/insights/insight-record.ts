/** A dated article or note about AI and work, as the product keeps it. */
export interface InsightRecord {
  /** Stable id: the file's name without extension, or a hash of the text when it has none. */
  id: string;
  title: string;
  excerpt: string;
  /** Body text when the record has one (plain dated text); front-matter records carry only the excerpt. */
  body: string | null;
  /** ISO date-time (UTC). */
  publishedAt: string;
  provider: { name: string; domain: string | null } | null;
  url: string | null;
  /** 0–100 as the source rates it; null when not rated. */
  quality: number | null;
  /** -1 (cold) … 100 as the source rates it; null when not rated. */
  heat: number | null;
  topics: string[];
  images: { url: string; width: number | null; height: number | null }[];
  related: { title: string; url: string | null; publishedAt: string | null; provider: string | null }[];
  /** The file it was read from. */
  source: string;
}

/** What an insight mentions: skills (extraction engine ids), occupations (O*NET-SOC) and target roles. */
export interface InsightLink {
  kind: 'skill' | 'occupation' | 'role';
  ref: string;
  label: string;
}
