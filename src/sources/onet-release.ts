import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readRecords, type RowReader, type TableFormat } from './tabular-file.js';

/** The O*NET text release as typed records; optional files are empty arrays when absent. */
export interface OnetRelease {
  version: string;
  occupations: { code: string; title: string; description: string }[];
  alternateTitles: { code: string; title: string; shortTitle: string | null; sources: string | null }[];
  reportedTitles: { code: string; title: string }[];
  tasks: {
    code: string;
    taskId: number;
    statement: string;
    taskType: 'Core' | 'Supplemental' | null;
    incumbents: number | null;
  }[];
  taskImportance: { code: string; taskId: number; importance: number }[];
  taskDwas: { code: string; taskId: number; dwaId: string }[];
  dwas: { dwaId: string; iwaId: string; elementId: string; title: string }[];
  iwas: { iwaId: string; elementId: string; title: string }[];
  technologySkills: {
    code: string;
    example: string;
    commodityCode: number;
    commodityTitle: string;
    hot: boolean;
    inDemand: boolean | null;
  }[];
  tools: { code: string; example: string; commodityCode: number; commodityTitle: string }[];
  relatedOccupations: { code: string; relatedCode: string; tier: string; rank: number }[];
  jobZones: { code: string; jobZone: number }[];
  jobZoneNames: { jobZone: number; name: string }[];
  education: {
    code: string;
    elementId: string;
    elementName: string;
    scaleId: string;
    category: number | null;
    value: number;
  }[];
  educationCategories: { elementId: string; scaleId: string; category: number; description: string }[];
  elementRatings: {
    code: string;
    domain: 'skill' | 'knowledge';
    elementId: string;
    elementName: string;
    scaleId: 'IM' | 'LV';
    value: number;
  }[];
  contentModel: { elementId: string; name: string; description: string }[];
}

export const ONET_FILES = {
  occupations: 'Occupation Data.txt',
  alternateTitles: 'Alternate Titles.txt',
  reportedTitles: 'Sample of Reported Titles.txt',
  tasks: 'Task Statements.txt',
  taskRatings: 'Task Ratings.txt',
  taskDwas: 'Tasks to DWAs.txt',
  dwas: 'DWA Reference.txt',
  iwas: 'IWA Reference.txt',
  technologySkills: 'Technology Skills.txt',
  tools: 'Tools Used.txt',
  relatedOccupations: 'Related Occupations.txt',
  jobZones: 'Job Zones.txt',
  jobZoneReference: 'Job Zone Reference.txt',
  education: 'Education, Training, and Experience.txt',
  educationCategories: 'Education, Training, and Experience Categories.txt',
  skills: 'Skills.txt',
  knowledge: 'Knowledge.txt',
  contentModel: 'Content Model Reference.txt',
  readMe: 'Read Me.txt',
} as const;

/** Files without which a folder is not a usable O*NET release. */
export const REQUIRED_ONET_FILES = [ONET_FILES.occupations, ONET_FILES.alternateTitles, ONET_FILES.tasks] as const;

const tab = (...requiredColumns: string[]): TableFormat => ({ delimiter: '\t', quoted: false, requiredColumns });
const CODE = 'O*NET-SOC Code';

export const EXAMPLE_COLUMNS = ['Example', 'Commodity Code', 'Commodity Title'] as const;

/** The example and its UNSPSC commodity, as Technology Skills and Tools Used both write them. */
export function exampleFields(row: RowReader): { example: string; commodityCode: number; commodityTitle: string } {
  return {
    example: row.text('Example'),
    commodityCode: row.integer('Commodity Code'),
    commodityTitle: row.text('Commodity Title'),
  };
}

/** Reads "O*NET 27.0 Database" from the release's read-me. */
export function readOnetVersion(dir: string): string | null {
  const readMe = join(dir, ONET_FILES.readMe);
  if (!existsSync(readMe)) return null;
  const match = /O\*NET\s+(\d+\.\d+)/.exec(readFileSync(readMe, 'utf8'));
  return match ? match[1]! : null;
}

async function optional<T>(dir: string, file: string, read: (path: string) => Promise<T[]>): Promise<T[]> {
  const path = join(dir, file);
  return existsSync(path) ? read(path) : [];
}

/** Reads the occupations, titles and tasks of one release folder (the required core). */
export async function readOnetCore(
  dir: string,
): Promise<Pick<OnetRelease, 'occupations' | 'alternateTitles' | 'reportedTitles' | 'tasks'>> {
  const occupations = await readRecords(
    join(dir, ONET_FILES.occupations),
    tab(CODE, 'Title', 'Description'),
    (row) => ({
      code: row.occupationCode(CODE),
      title: row.text('Title'),
      description: row.text('Description'),
    }),
  );
  const alternateTitles = await readRecords(
    join(dir, ONET_FILES.alternateTitles),
    tab(CODE, 'Alternate Title'),
    (row) => ({
      code: row.occupationCode(CODE),
      title: row.text('Alternate Title'),
      shortTitle: row.optionalText('Short Title'),
      sources: row.optionalText('Source(s)'),
    }),
  );
  const reportedTitles = await optional(dir, ONET_FILES.reportedTitles, (path) =>
    readRecords(path, tab(CODE, 'Reported Job Title'), (row) => ({
      code: row.occupationCode(CODE),
      title: row.text('Reported Job Title'),
    })),
  );
  const tasks = await readRecords(join(dir, ONET_FILES.tasks), tab(CODE, 'Task ID', 'Task', 'Task Type'), (row) => {
    const type = row.optionalText('Task Type');
    return {
      code: row.occupationCode(CODE),
      taskId: row.integer('Task ID'),
      statement: row.text('Task'),
      taskType: type === null ? null : row.oneOf('Task Type', ['Core', 'Supplemental'] as const),
      incumbents: row.optionalNumber('Incumbents Responding'),
    };
  });
  return { occupations, alternateTitles, reportedTitles, tasks };
}

/** Reads the rest of a release: work activities, technology, related occupations, zones, education and ratings. */
export async function readOnetDetails(
  dir: string,
): Promise<Omit<OnetRelease, 'version' | 'occupations' | 'alternateTitles' | 'reportedTitles' | 'tasks'>> {
  const taskImportance = await optional(dir, ONET_FILES.taskRatings, (path) =>
    readRecords(path, tab(CODE, 'Task ID', 'Scale ID', 'Data Value'), (row) =>
      row.text('Scale ID') === 'IM'
        ? { code: row.occupationCode(CODE), taskId: row.integer('Task ID'), importance: row.number('Data Value') }
        : undefined,
    ),
  );
  const taskDwas = await optional(dir, ONET_FILES.taskDwas, (path) =>
    readRecords(path, tab(CODE, 'Task ID', 'DWA ID'), (row) => ({
      code: row.occupationCode(CODE),
      taskId: row.integer('Task ID'),
      dwaId: row.text('DWA ID'),
    })),
  );
  const dwas = await optional(dir, ONET_FILES.dwas, (path) =>
    readRecords(path, tab('Element ID', 'IWA ID', 'DWA ID', 'DWA Title'), (row) => ({
      dwaId: row.text('DWA ID'),
      iwaId: row.text('IWA ID'),
      elementId: row.text('Element ID'),
      title: row.text('DWA Title'),
    })),
  );
  const iwas = await optional(dir, ONET_FILES.iwas, (path) =>
    readRecords(path, tab('Element ID', 'IWA ID', 'IWA Title'), (row) => ({
      iwaId: row.text('IWA ID'),
      elementId: row.text('Element ID'),
      title: row.text('IWA Title'),
    })),
  );
  const technologySkills = await optional(dir, ONET_FILES.technologySkills, (path) =>
    readRecords(path, tab(CODE, ...EXAMPLE_COLUMNS, 'Hot Technology'), (row) => ({
      code: row.occupationCode(CODE),
      ...exampleFields(row),
      hot: row.flag('Hot Technology'),
      // "In Demand" exists from release 27.1 on.
      inDemand: row.optionalText('In Demand') === null ? null : row.flag('In Demand'),
    })),
  );
  const tools = await optional(dir, ONET_FILES.tools, (path) =>
    readRecords(path, tab(CODE, ...EXAMPLE_COLUMNS), (row) => ({
      code: row.occupationCode(CODE),
      ...exampleFields(row),
    })),
  );
  const relatedOccupations = await optional(dir, ONET_FILES.relatedOccupations, (path) =>
    readRecords(path, tab(CODE, 'Related O*NET-SOC Code', 'Relatedness Tier', 'Index'), (row) => ({
      code: row.occupationCode(CODE),
      relatedCode: row.occupationCode('Related O*NET-SOC Code'),
      tier: row.text('Relatedness Tier'),
      rank: row.integer('Index'),
    })),
  );
  const jobZones = await optional(dir, ONET_FILES.jobZones, (path) =>
    readRecords(path, tab(CODE, 'Job Zone'), (row) => ({
      code: row.occupationCode(CODE),
      jobZone: row.integer('Job Zone'),
    })),
  );
  const jobZoneNames = await optional(dir, ONET_FILES.jobZoneReference, (path) =>
    readRecords(path, tab('Job Zone', 'Name'), (row) => ({ jobZone: row.integer('Job Zone'), name: row.text('Name') })),
  );
  const education = await optional(dir, ONET_FILES.education, (path) =>
    readRecords(path, tab(CODE, 'Element ID', 'Element Name', 'Scale ID', 'Category', 'Data Value'), (row) => ({
      code: row.occupationCode(CODE),
      elementId: row.text('Element ID'),
      elementName: row.text('Element Name'),
      scaleId: row.text('Scale ID'),
      category: row.optionalNumber('Category'),
      value: row.number('Data Value'),
    })),
  );
  const educationCategories = await optional(dir, ONET_FILES.educationCategories, (path) =>
    readRecords(path, tab('Element ID', 'Scale ID', 'Category', 'Category Description'), (row) => ({
      elementId: row.text('Element ID'),
      scaleId: row.text('Scale ID'),
      category: row.integer('Category'),
      description: row.text('Category Description'),
    })),
  );
  const elementRatings = [
    ...(await readElementRatings(dir, ONET_FILES.skills, 'skill')),
    ...(await readElementRatings(dir, ONET_FILES.knowledge, 'knowledge')),
  ];
  const contentModel = await optional(dir, ONET_FILES.contentModel, (path) =>
    readRecords(path, tab('Element ID', 'Element Name', 'Description'), (row) => ({
      elementId: row.text('Element ID'),
      name: row.text('Element Name'),
      description: row.text('Description'),
    })),
  );
  return {
    taskImportance,
    taskDwas,
    dwas,
    iwas,
    technologySkills,
    tools,
    relatedOccupations,
    jobZones,
    jobZoneNames,
    education,
    educationCategories,
    elementRatings,
    contentModel,
  };
}

/** Skills or Knowledge ratings (importance IM 1–5, level LV 0–7), when the release has them. */
export function readElementRatings(
  dir: string,
  file: string,
  domain: 'skill' | 'knowledge',
): Promise<OnetRelease['elementRatings']> {
  return optional(dir, file, (path) =>
    readRecords(path, tab(CODE, 'Element ID', 'Element Name', 'Scale ID', 'Data Value'), (row) => ({
      code: row.occupationCode(CODE),
      domain,
      elementId: row.text('Element ID'),
      elementName: row.text('Element Name'),
      scaleId: row.oneOf('Scale ID', ['IM', 'LV'] as const),
      value: row.number('Data Value'),
    })),
  );
}
