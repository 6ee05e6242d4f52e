import { countReferenceRows, readLoadedSources, type LoadedSource } from '../store/reference-data.repository.js';
import { ATTRIBUTION, ESCO_ATTRIBUTION, OBSERVED_USE_ATTRIBUTION, type Attribution } from './attribution.js';
import type { UpskillApp } from './upskill-app.js';

export interface DataStatus {
  store: { kind: 'embedded' | 'postgres'; location: string };
  loaded: boolean;
  sources: LoadedSource[];
  rows: Record<string, number>;
}

/** What is loaded, from where, and how many rows of each kind. */
export async function dataStatus(app: UpskillApp): Promise<DataStatus> {
  const rows = await countReferenceRows(app.database);
  return {
    store: {
      kind: app.database.kind,
      // Never echo a password from DATABASE_URL.
      location: app.config.databaseUrl
        ? app.config.databaseUrl.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@')
        : `${app.config.home}/db`,
    },
    loaded: (rows['occupations'] ?? 0) > 0,
    sources: await readLoadedSources(app.database),
    rows,
  };
}

export interface About {
  name: 'Upskill';
  version: string;
  data: { source: string; version: string; loadedAt: string }[];
  attribution: Attribution[];
}

/** Version, loaded data and the attribution every source asks for. */
export async function about(app: UpskillApp, version: string): Promise<About> {
  const sources = await readLoadedSources(app.database);
  const attribution = [
    ...ATTRIBUTION,
    ...sources.flatMap((s) => OBSERVED_USE_ATTRIBUTION[s.source] ?? []),
    ...(sources.some((s) => s.source === 'esco') ? [ESCO_ATTRIBUTION] : []),
  ];
  return {
    name: 'Upskill',
    version,
    data: sources.map(({ source, version: v, loadedAt }) => ({ source, version: v, loadedAt })),
    attribution,
  };
}
