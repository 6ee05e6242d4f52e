import { UpskillError } from '../../domain/errors.js';
import { parseSalaryText, salaryFromFields, type PostingDraft } from '../../domain/market/index.js';

/** The product's own fields a layout maps a file's columns onto. */
export const POSTING_FIELDS = [
  'id',
  'date',
  'title',
  'company',
  'location',
  'city',
  'country',
  'description',
  'skills',
  'remote',
  'remoteRules',
  'seniority',
  'salary',
  'salaryMin',
  'salaryMax',
  'salaryMedian',
  'salaryPeriod',
  'currency',
] as const;
export type PostingField = (typeof POSTING_FIELDS)[number];

/** A file layout: which columns identify it and which column (the first one present) gives each field. */
export interface PostingLayout {
  name: string;
  /** What it is, for `upskill postings layouts` and the errors. */
  about: string;
  /** The dataset name its postings are stored under; else the file's name. */
  dataset?: string;
  /** Columns (normalised: lower case, letters and digits only) that must all be in the header. */
  signature: readonly string[];
  columns: Partial<Record<PostingField, readonly string[]>>;
  /** Fields the header itself must give (not --map) for the layout to be chosen by itself. */
  ownFields?: readonly PostingField[];
}

/** Column names compared without case, spaces or punctuation: "Job Title", "job_title" and "jobtitle" alike. */
export const columnKey = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '');

export const POSTING_LAYOUTS: readonly PostingLayout[] = [
  {
    name: 'linkedin-2024-sample',
    about:
      'shared/data linkedin-2024-sample/postings.csv: id, posted, listed, title, company, location, description, skills',
    dataset: 'linkedin-2024-sample',
    signature: ['id', 'posted', 'listed', 'title', 'description', 'sourceurl'],
    columns: {
      id: ['id'],
      date: ['posted'],
      title: ['title'],
      company: ['company'],
      location: ['location'],
      description: ['description'],
      skills: ['skills'],
    },
  },
  {
    name: 'kaggle-linkedin',
    about:
      'Kaggle "LinkedIn Job Postings 2023-24" postings.csv (job_id, company_name, … original_listed_time, 28 columns)',
    signature: ['jobid', 'title', 'description', 'originallistedtime'],
    columns: {
      id: ['jobid'],
      date: ['originallistedtime', 'listedtime'],
      title: ['title'],
      company: ['companyname'],
      location: ['location'],
      description: ['description'],
      skills: ['skillsdesc'],
      remote: ['remoteallowed'],
      seniority: ['formattedexperiencelevel'],
      salaryMin: ['minsalary'],
      salaryMax: ['maxsalary'],
      salaryMedian: ['medsalary'],
      salaryPeriod: ['payperiod'],
      currency: ['currency'],
    },
  },
  {
    name: 'hn-whos-hiring',
    about: 'shared/data hn-whos-hiring/roles.csv: Hacker News "Who is hiring?" posts as fields (no text)',
    dataset: 'hn-whos-hiring',
    signature: ['postlinkid', 'month', 'jobtitle', 'languagesframeworks'],
    columns: {
      id: ['postlinkid'],
      date: ['month'],
      title: ['jobtitle'],
      company: ['company'],
      city: ['city'],
      country: ['country'],
      skills: ['languagesframeworks'],
      remote: ['remote'],
      remoteRules: ['remoterules'],
      salary: ['salary'],
    },
  },
  {
    name: 'indeed-glassdoor',
    about:
      'Indeed/Glassdoor-style scrapes: job_title or "Job Title", job_description or "Job Description", salary estimate',
    signature: [],
    ownFields: ['title', 'description'],
    columns: {
      id: ['uniqid', 'jobid', 'jobkey', 'index'],
      date: ['dateposted', 'postdate', 'datepublished', 'crawltimestamp', 'date'],
      title: ['jobtitle', 'positiontitle'],
      company: ['companyname', 'company'],
      location: ['joblocation', 'location'],
      description: ['jobdescription', 'description', 'summary'],
      skills: ['skills', 'jobskills'],
      remote: ['remote', 'worktype', 'remotework'],
      seniority: ['seniority', 'experiencelevel', 'joblevel'],
      salary: ['salaryestimate', 'salary', 'salaryoffered', 'pay'],
      currency: ['currency'],
    },
  },
  {
    name: 'generic',
    about: 'any file with id, date, title, company, location, description, skills (and remote, salary, seniority)',
    signature: [],
    columns: {
      id: ['id', 'postingid', 'externalid'],
      date: ['date', 'posted', 'postedon', 'postedat', 'publishedat', 'createdat', 'month'],
      title: ['title', 'jobtitle', 'position'],
      company: ['company', 'employer', 'organisation', 'organization'],
      location: ['location', 'place'],
      city: ['city'],
      country: ['country'],
      description: ['description', 'text', 'body', 'content'],
      skills: ['skills', 'tags', 'keywords'],
      remote: ['remote', 'workplace', 'workmode'],
      seniority: ['seniority', 'level', 'experiencelevel'],
      salary: ['salary', 'pay', 'compensation'],
      salaryMin: ['salarymin', 'minsalary'],
      salaryMax: ['salarymax', 'maxsalary'],
      salaryPeriod: ['salaryperiod', 'payperiod'],
      currency: ['currency', 'salarycurrency'],
    },
  },
];

/** The fields a layout resolved against one header: for each field, the header's own column name. */
export interface BoundLayout {
  layout: PostingLayout;
  columnOf: Partial<Record<PostingField, string>>;
}

/**
 * Binds a layout to a file's header: the named layout, else the first whose signature the header has
 * (the generic layouts last, when the header has a title and a date column). `map` ("column=field")
 * overrides or adds a field's column. Fails naming the file's columns when no layout fits.
 */
export function bindLayout(
  header: readonly string[],
  options: { layout?: string; map?: readonly string[] } = {},
): BoundLayout {
  const byKey = new Map(header.map((name) => [columnKey(name), name]));
  const overrides = parseMap(options.map ?? [], header);
  const ownColumns = (layout: PostingLayout): Partial<Record<PostingField, string>> => {
    const columnOf: Partial<Record<PostingField, string>> = {};
    for (const field of POSTING_FIELDS) {
      const column = (layout.columns[field] ?? []).map((key) => byKey.get(key)).find((name) => name !== undefined);
      if (column !== undefined) columnOf[field] = column;
    }
    return columnOf;
  };
  const bind = (layout: PostingLayout): BoundLayout => ({ layout, columnOf: { ...ownColumns(layout), ...overrides } });
  const usable = (bound: BoundLayout): boolean =>
    bound.columnOf.title !== undefined && bound.columnOf.date !== undefined;
  if (options.layout) {
    const layout = POSTING_LAYOUTS.find((candidate) => candidate.name === options.layout);
    if (!layout)
      throw new UpskillError('BAD_INPUT', `Unknown layout "${options.layout}".`, {
        hint: `Use one of ${POSTING_LAYOUTS.map((l) => l.name).join(', ')}, or --map column=field.`,
      });
    const bound = bind(layout);
    if (!usable(bound)) throw noLayout(header, `the ${layout.name} layout needs a title and a date column`);
    return bound;
  }
  for (const layout of POSTING_LAYOUTS) {
    if (!layout.signature.every((key) => byKey.has(key))) continue;
    const own = ownColumns(layout);
    if (!(layout.ownFields ?? []).every((field) => own[field] !== undefined)) continue;
    const bound = bind(layout);
    if (usable(bound)) return bound;
  }
  throw noLayout(header, 'no built-in layout finds a title and a date column in it');
}

function noLayout(header: readonly string[], why: string): UpskillError {
  return new UpskillError('BAD_INPUT', `The file's columns (${header.join(', ') || 'none'}) do not fit: ${why}.`, {
    hint:
      'Name the columns with --map, e.g. --map "Posting Date=date" --map "Role=title" (fields: ' +
      `${POSTING_FIELDS.join(', ')}).`,
  });
}

function parseMap(entries: readonly string[], header: readonly string[]): Partial<Record<PostingField, string>> {
  const mapped: Partial<Record<PostingField, string>> = {};
  for (const entry of entries) {
    const at = entry.lastIndexOf('=');
    const column = at > 0 ? entry.slice(0, at).trim() : '';
    const field = at > 0 ? entry.slice(at + 1).trim() : '';
    if (!column || !(POSTING_FIELDS as readonly string[]).includes(field))
      throw new UpskillError(
        'BAD_INPUT',
        `--map "${entry}": write column=field, with a field of ${POSTING_FIELDS.join(', ')}.`,
      );
    const actual =
      header.find((name) => name === column) ?? header.find((name) => columnKey(name) === columnKey(column));
    if (actual === undefined)
      throw new UpskillError(
        'BAD_INPUT',
        `--map "${entry}": the file has no column "${column}" (it has ${header.join(', ')}).`,
      );
    mapped[field as PostingField] = actual;
  }
  return mapped;
}

/** A row that is not a posting: which column is wrong and why. */
export class BadPostingRow extends Error {
  constructor(
    readonly field: string | null,
    message: string,
  ) {
    super(message);
  }
}

const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

/** A date field as month and day: ISO dates and times, 'YYYY-MM', epoch milliseconds or seconds, 'MM/DD/YYYY'. */
export function parsePostingDate(value: string): { month: string; day: string | null } | undefined {
  const text = value.trim();
  let date: Date | undefined;
  let hasDay = true;
  if (/^\d{4}-\d{2}$/.test(text)) {
    date = new Date(`${text}-01T00:00:00Z`);
    hasDay = false;
  } else if (/^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(text)) {
    date = new Date(text.length === 10 ? `${text}T00:00:00Z` : text.replace(' ', 'T'));
  } else if (/^\d{9,13}(?:\.0+)?$/.test(text)) {
    const number = Number(text);
    date = new Date(number >= 1e11 ? number : number * 1000);
  } else {
    const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
    if (us) date = new Date(Date.UTC(Number(us[3]), Number(us[1]) - 1, Number(us[2])));
  }
  if (!date || Number.isNaN(date.getTime())) return undefined;
  const year = date.getUTCFullYear();
  if (year < MIN_YEAR || year > MAX_YEAR) return undefined;
  const iso = date.toISOString();
  return { month: iso.slice(0, 7), day: hasDay ? iso.slice(0, 10) : null };
}

const MAX_TITLE = 300;
const MAX_DESCRIPTION = 100_000;

/** Translates one row of a bound layout into a posting draft, or throws BadPostingRow naming the column. */
export function draftOfRow(bound: BoundLayout, line: number, values: Readonly<Record<string, string>>): PostingDraft {
  const { columnOf } = bound;
  const read = (field: PostingField): string | null => {
    const column = columnOf[field];
    const value = column === undefined ? undefined : values[column]?.trim();
    return value === undefined || value === '' ? null : value;
  };
  const title = read('title');
  if (!title) throw new BadPostingRow(columnOf.title ?? 'title', 'the title is empty');
  if (title.length > MAX_TITLE)
    throw new BadPostingRow(
      columnOf.title!,
      `the title has ${title.length} characters (at most ${MAX_TITLE}): a shifted column?`,
    );
  const dateText = read('date');
  if (!dateText) throw new BadPostingRow(columnOf.date ?? 'date', 'the date is empty');
  const date = parsePostingDate(dateText);
  if (!date)
    throw new BadPostingRow(
      columnOf.date!,
      `not a date: "${dateText.slice(0, 40)}" (give YYYY-MM-DD, YYYY-MM, an ISO time or epoch milliseconds)`,
    );
  const description = read('description') ?? '';
  if (description.length > MAX_DESCRIPTION)
    throw new BadPostingRow(
      columnOf.description!,
      `the text has ${description.length} characters (at most ${MAX_DESCRIPTION})`,
    );
  const location =
    read('location') ?? ([read('city'), read('country')].filter((part) => part !== null).join(', ') || null);
  const currency = read('currency');
  const salary =
    salaryFromFields({
      min: read('salaryMin'),
      max: read('salaryMax'),
      median: read('salaryMedian'),
      period: read('salaryPeriod'),
      currency,
    }) ?? parseSalaryText(read('salary'), currency);
  const remote = read('remote');
  return {
    line,
    externalId: read('id'),
    postedMonth: date.month,
    postedOn: date.day,
    title,
    company: read('company'),
    location,
    description,
    listedSkills: read('skills') ?? '',
    // HN's remote field says "unknown" where its rules column says "REMOTE (US)": the rules are the fallback.
    remoteField: remote && remote.toLowerCase() !== 'unknown' ? remote : read('remoteRules'),
    seniorityField: read('seniority'),
    salary,
  };
}
