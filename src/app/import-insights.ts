import { linkInsight, rankInsights, type RankedInsight } from '../domain/insights/index.js';
import { extractSkills } from '../domain/skills/index.js';
import { UpskillError } from '../domain/errors.js';
import {
  MAX_INSIGHT_BYTES,
  parseInsightRecord,
  readInsightRecords,
  type InsightProblem,
} from '../sources/insight-records.js';
import { listInsights, saveInsights } from '../store/insight.repository.js';
import { listOccupationEmployment } from '../store/occupation.repository.js';
import type { UpskillApp } from './upskill-app.js';
import { today } from './build-plan.js';

export interface InsightImport {
  imported: number;
  /** Per record: what it was linked to. */
  records: { id: string; title: string; publishedAt: string; links: number }[];
  problems: InsightProblem[];
}

/**
 * Imports dated articles (the seeds' front-matter format or plain dated text) from a file or a
 * folder, linking each to the skills, occupations and target roles it mentions; a record of the
 * same id is replaced.
 */
export async function importInsights(app: UpskillApp, path: string): Promise<InsightImport> {
  const { records, problems } = readInsightRecords(path);
  const extractor = await app.skillExtractor();
  const occupations = await listOccupationEmployment(app.database);
  const roles = app.planningContent().roles;
  const linked = records.map((record) => {
    const text = [record.title, record.excerpt, record.body ?? ''].join('\n\n');
    return { record, links: linkInsight(text, extractSkills(extractor, text), occupations, roles) };
  });
  await saveInsights(app.database, linked);
  return {
    imported: linked.length,
    records: linked.map(({ record, links }) => ({
      id: record.id,
      title: record.title,
      publishedAt: record.publishedAt,
      links: links.length,
    })),
    problems,
  };
}

/**
 * Imports one record sent as text (the API's upload): the same formats and linking as a file; a
 * record that cannot be read is the sender's mistake, named by line and field.
 */
export async function importInsightText(
  app: UpskillApp,
  name: string,
  content: string,
): Promise<InsightImport['records'][number]> {
  if (Buffer.byteLength(content) > MAX_INSIGHT_BYTES)
    throw new UpskillError('BAD_INPUT', `${name}: a record is at most ${MAX_INSIGHT_BYTES / 1048576} MB.`);
  let record;
  try {
    record = parseInsightRecord(content, name);
  } catch (error) {
    if (error instanceof UpskillError && error.code === 'SOURCE_INVALID')
      throw new UpskillError('BAD_INPUT', error.message, { details: error.details ?? {} });
    throw error;
  }
  const extractor = await app.skillExtractor();
  const text = [record.title, record.excerpt, record.body ?? ''].join('\n\n');
  const links = linkInsight(
    text,
    extractSkills(extractor, text),
    await listOccupationEmployment(app.database),
    app.planningContent().roles,
  );
  await saveInsights(app.database, [{ record, links }]);
  return { id: record.id, title: record.title, publishedAt: record.publishedAt, links: links.length };
}

/** The most useful insights for a reader: those linked to their occupation, role or skills first, ranked. */
export async function rankedInsights(
  app: UpskillApp,
  reader: { occupationCode?: string | null; roleId?: string | null; skillIds?: readonly string[]; limit: number },
  now: string = today(),
): Promise<RankedInsight[]> {
  // Ranked over every stored insight (a few hundred at most); the links decide relevance.
  const items = await listInsights(app.database, { limit: 1000 });
  return rankInsights(items, {
    skillIds: new Set(reader.skillIds ?? []),
    occupationCode: reader.occupationCode ?? null,
    roleId: reader.roleId ?? null,
    now,
  }).slice(0, reader.limit);
}
