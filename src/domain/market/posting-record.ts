/** Where a posting says the work is done; null when it does not say. */
export type RemoteMode = 'remote' | 'hybrid' | 'onsite';

/** The level a posting asks for, from its title and text; null when neither says. */
export type Seniority = 'intern' | 'junior' | 'mid' | 'senior' | 'lead' | 'executive';

/** A salary as the posting states it (a single figure has min = max). */
export interface StatedSalary {
  min: number;
  max: number;
  currency: string;
  period: 'year' | 'month' | 'hour';
}

/** One skill a posting asks for: the extraction engine's claimed (not negated) mention. */
export interface PostingSkill {
  skillId: string;
  label: string;
  kind: string;
  escoUri: string | null;
}

/** One distinct posting as stored: the facts extracted from it, never its description. */
export interface PostingRecord {
  dataset: string;
  externalId: string | null;
  contentHash: string;
  /** 'YYYY-MM' */
  postedMonth: string;
  /** 'YYYY-MM-DD' when the source gives a day. */
  postedOn: string | null;
  title: string;
  company: string | null;
  location: string | null;
  remote: RemoteMode | null;
  seniority: Seniority | null;
  salary: StatedSalary | null;
  occupationCode: string | null;
  occupationScore: number | null;
  skills: PostingSkill[];
}

/** A posting as read from a file, before extraction: the adapter's output, the extractor's input. */
export interface PostingDraft {
  /** The line of the source file it starts on (for reports and resuming). */
  line: number;
  externalId: string | null;
  /** 'YYYY-MM' */
  postedMonth: string;
  postedOn: string | null;
  title: string;
  company: string | null;
  location: string | null;
  /** The posting's text; empty when the source has none (Hacker News fields). */
  description: string;
  /** Skills the source lists itself ("Python, React"): extracted like the text. */
  listedSkills: string;
  remoteField: string | null;
  seniorityField: string | null;
  salary: StatedSalary | null;
}
