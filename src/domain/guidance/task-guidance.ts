import { stemmer } from 'stemmer';
import { wordTokens } from '../text/normalize.js';
import type { ActivityGuidance, RiskClass } from './activity-guidance.js';

/** An O*NET work activity with the words that describe it: its title and its detailed activities' titles. */
export interface ActivityDescription {
  iwa: string;
  title: string;
  dwaTitles: readonly string[];
}

/** The guidance a task takes, and how it was chosen. */
export interface TaskGuidance {
  guidance: ActivityGuidance;
  /** `dwa`: through the task's own O*NET DWA links; `words`: the task has none, so by its words. */
  via: 'dwa' | 'words';
  /** How well the activity's words cover the task's (0–1): what "most relevant" was measured by. */
  relevance: number;
  /**
   * Set when the task's own words make it human-only although its activity is not (an emergency, a
   * diagnosis, a decision about a person, operating a vehicle or machine): why.
   */
  humanOnlyBecause?: string;
}

// What a task statement itself says that puts it beyond AI, whatever its work activity allows.
const HUMAN_ONLY_TASKS: readonly [RegExp, string][] = [
  [
    new RegExp(
      '(?<![\\w-])(respond\\w*|treat\\w*|stabili[sz]\\w*|rescu\\w*|provid\\w* (first aid|care)' +
        ')\\b[^.]{0,60}\\bemergenc|\\bemergenc\\w*[^.]{0,40}\\b(intervention|treatment|care)\\b',
      'i',
    ),
    'it is emergency care or response',
  ],
  [
    new RegExp(
      '(?<![\\w-])(diagnose|make diagnos\\w*|prescribe|prescribes|resuscitat\\w*)\\b(?![^.]{0,60}\\b(problems?|' +
        'faults?|malfunctions?|failures?|defects?|causes?|equipment|systems?|vehicles?|hardware|' +
        'software|networks?|engines?|machines?)\\b)|(?<![\\w-])administer\\w*\\b[^.]{0,40}\\b(medications?|' +
        'drugs?|injections?|an[a]?esthe\\w*|first aid)',
      'i',
    ),
    'it is a clinical act or decision about a patient',
  ],
  [
    new RegExp(
      '(?<![\\w-])(determine|decide|decides|approve|approves|assess|assesses|evaluate|evaluates|' +
        'recommend|recommends)\\b[^.]{0,80}\\b(eligib\\w*|sentenc\\w*|parole|custody|admission|' +
        'discharg\\w*|placements?|intervention needs|rehabilitation goals)\\b',
      'i',
    ),
    'it decides about a person',
  ],
  [
    new RegExp(
      '(?<![\\w-])(?<!who )(drive|drives|operate|operates|steer|steers|pilot|pilots|navigate|' +
        'navigates|maneuver|maneuvers|manoeuvre)\\s+(\\S+\\s+){0,3}(vehicles?|trucks?|bus(es)' +
        '?|aircraft|trains?|vessels?|boats?|cranes?|forklifts?|tractors?|machines?|machinery)' +
        '\\b',
      'i',
    ),
    'it is operating a vehicle or machine',
  ],
];

/** Words for the people a decision may be about: the person-decision rule applies only when one is named. */
const PEOPLE = new RegExp(
  '\\b(patients?|clients?|pupils?|students?|inmates?|defendants?|offenders?|suspects?|' +
    'children|applicants?|individuals?|persons?|youths?|residents?)\\b',
  'i',
);

/** Why a task's own words make it human-only, if they do. */
export function humanOnlyReason(statement: string): string | undefined {
  return HUMAN_ONLY_TASKS.find(
    ([pattern, reason]) =>
      pattern.test(statement) && (reason !== 'it decides about a person' || PEOPLE.test(statement)),
  )?.[1];
}

export interface TaskGuidanceIndex {
  guidanceFor(task: { statement: string; iwas: readonly string[] }): TaskGuidance | undefined;
}

// Words every task statement uses; they say nothing about which activity it is.
const FILLER = new Set(
  'a an and are as at be by for from in into of on or other such that the their them to with ' +
    'within as using use used may related necessary work duties'.split(' '),
);

const STRICTNESS: Record<RiskClass, number> = { 'human-only': 2, caution: 1, assist: 0 };

function stems(text: string): string[] {
  return wordTokens(text)
    .filter((word) => word.length > 1 && !FILLER.has(word))
    .map((word) => stemmer(word));
}

/**
 * Builds the task → guidance lookup once. A task linked to activities in O*NET takes the linked
 * activity whose words best cover its own (ties go to the stricter risk class: safety first); a task
 * with no link takes the best-covering activity of all, by IDF-weighted word overlap.
 */
export function buildTaskGuidanceIndex(
  guidance: readonly ActivityGuidance[],
  activities: readonly ActivityDescription[],
): TaskGuidanceIndex {
  const byIwa = new Map(guidance.map((entry) => [entry.iwa, entry]));
  const documents = activities
    .filter((activity) => byIwa.has(activity.iwa))
    .map((activity) => ({
      iwa: activity.iwa,
      words: new Set(stems([activity.title, ...activity.dwaTitles].join(' '))),
      title: new Set(stems(activity.title)),
    }));
  const frequency = new Map<string, number>();
  for (const document of documents)
    for (const word of document.words) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  const idf = (word: string): number => Math.log((documents.length + 1) / ((frequency.get(word) ?? 0) + 0.5));
  const score = (words: readonly string[], document: (typeof documents)[number]): number => {
    let total = 0;
    let covered = 0;
    for (const word of words) {
      const weight = idf(word);
      total += weight;
      // A word of the activity's own title counts more than one of its detailed activities.
      if (document.title.has(word)) covered += weight;
      else if (document.words.has(word)) covered += weight * 0.7;
    }
    return total === 0 ? 0 : covered / total;
  };
  const best = (words: readonly string[], candidates: readonly (typeof documents)[number][]) => {
    let winner: { document: (typeof documents)[number]; relevance: number } | undefined;
    for (const document of candidates) {
      const relevance = score(words, document);
      const better =
        !winner ||
        relevance > winner.relevance + 1e-9 ||
        (Math.abs(relevance - winner.relevance) <= 1e-9 &&
          STRICTNESS[byIwa.get(document.iwa)!.risk] > STRICTNESS[byIwa.get(winner.document.iwa)!.risk]);
      if (better) winner = { document, relevance };
    }
    return winner;
  };
  const documentOf = new Map(documents.map((document) => [document.iwa, document]));
  return {
    guidanceFor: ({ statement, iwas }) => {
      const words = [...new Set(stems(statement))];
      const linked = iwas.map((iwa) => documentOf.get(iwa)).filter((document) => document !== undefined);
      const winner = best(words, linked.length > 0 ? linked : documents);
      if (!winner) return undefined;
      const guidance = byIwa.get(winner.document.iwa)!;
      const because = guidance.risk === 'human-only' ? undefined : humanOnlyReason(statement);
      return {
        guidance: because ? { ...guidance, risk: 'human-only', skills: [], neverPaste: undefined } : guidance,
        via: linked.length > 0 ? 'dwa' : 'words',
        relevance: Math.round(winner.relevance * 100) / 100,
        ...(because ? { humanOnlyBecause: because } : {}),
      };
    },
  };
}

/** Each work activity with the titles of its detailed activities, from O*NET's IWA and DWA references. */
export function describeActivities(
  iwas: readonly { iwaId: string; title: string }[],
  dwas: readonly { iwaId: string; title: string }[],
): ActivityDescription[] {
  const titlesOf = new Map<string, string[]>();
  for (const dwa of dwas) titlesOf.set(dwa.iwaId, [...(titlesOf.get(dwa.iwaId) ?? []), dwa.title]);
  return iwas.map((iwa) => ({ iwa: iwa.iwaId, title: iwa.title, dwaTitles: titlesOf.get(iwa.iwaId) ?? [] }));
}
