import { stemmer } from 'stemmer';
import { wordTokens } from '../text/normalize.js';
import type { CoachSources, CoachTask, GroundedContext, QuestionIntent } from './coach-context.js';

/** How many of each kind of piece one question gets: enough to answer, few enough for a small local model. */
export const CONTEXT_LIMITS = { tasks: 4, nextSteps: 3, matchedSteps: 2, resources: 4, gaps: 5, skills: 8 };

// Words that say nothing about which task or step a question is about.
const STOP = new Set(
  (
    'a an and are as at be by can could do does for from how i if in into is it its me my of on only or ' +
    'should so that the this to use using what when which who why will with would you your ai gen genai ' +
    'generative chatgpt claude gemini copilot tool tools help learn first have hours hour minutes'
  ).split(' '),
);
const SAFETY = new RegExp(
  '\\b(safe|safely|unsafe|risk\\w*|privacy|private|confidential\\w*|paste|pasting|share|sharing|upload\\w*|' +
    'allowed|legal|hipaa|gdpr|secret\\w*|personal data|patient notes?)\\b',
  'i',
);
const LEARNING = /\b(learn\w*|first|start|begin|order|next|priorit\w*|study|course|hours?|minutes?|time|week)\b/i;
const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  twelve: 12,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  ninety: 90,
  half: 0.5,
  couple: 2,
};

// What people call their work's data in a question, and the words O*NET's task statements use for it.
const SYNONYMS: Record<string, readonly string[]> = {
  note: ['record', 'report', 'document', 'chart'],
  notes: ['record', 'report', 'document', 'chart'],
  email: ['correspond', 'communic'],
  emails: ['correspond', 'communic'],
  deck: ['present'],
  slides: ['present'],
};

function stems(text: string): string[] {
  return wordTokens(text)
    .filter((word) => word.length > 1 && !STOP.has(word))
    .map((word) => stemmer(word));
}

/** The question's stems, with the words its data words stand for in task statements. */
function queryStems(question: string): string[] {
  const words = wordTokens(question).filter((word) => word.length > 1 && !STOP.has(word));
  return [...new Set([...words.map((word) => stemmer(word)), ...words.flatMap((word) => SYNONYMS[word] ?? [])])];
}

const HOURS = new RegExp(
  '\\b(\\d+(?:\\.\\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|forty|fifty|' +
    'sixty|ninety|half|couple)(?:\\s+of)?(?:\\s+an)?\\s*(hours?|hrs?|h|minutes?|mins?)\\b',
  'i',
);

/** Hours a question says are available: "two hours", "2h", "90 minutes", "half an hour". */
export function hoursMentioned(question: string): number | null {
  const match = HOURS.exec(question);
  if (!match) return null;
  const amount = Number(match[1]) || NUMBER_WORDS[match[1]!.toLowerCase()]!;
  return /^m/i.test(match[2]!) ? Math.round((amount / 60) * 100) / 100 : amount;
}

/** What a question asks for: safety, what to learn, how much time the person has. */
export function readIntent(question: string): QuestionIntent {
  return { safety: SAFETY.test(question), learning: LEARNING.test(question), hoursAvailable: hoursMentioned(question) };
}

/**
 * A lexical scorer: the share of the question's words (stemmed, stop words out, a few data words
 * widened: "notes" also counts as "records") a document holds, each word weighted by its inverse
 * document frequency among the documents of the same kind, so a rare word ("campaign") outweighs
 * one every task uses ("patient").
 */
export function scoreDocuments(question: string, documents: readonly string[]): number[] {
  const query = queryStems(question);
  const bags = documents.map((document) => new Set(stems(document)));
  const idf = (word: string): number =>
    Math.log((bags.length + 1) / (bags.filter((bag) => bag.has(word)).length + 0.5));
  const total = query.reduce((sum, word) => sum + idf(word), 0);
  return bags.map((bag) =>
    total === 0 ? 0 : query.reduce((sum, word) => sum + (bag.has(word) ? idf(word) : 0), 0) / total,
  );
}

// For a safety question: a caution task's guidance says what never to paste, so it comes first.
const SAFETY_BOOST = { caution: 0.5, 'human-only': 0.2, assist: 0 };

/** The best `limit` items by score (ties keep the source order); only items that score above zero. */
function top<T>(items: readonly T[], scores: readonly number[], limit: number): T[] {
  return items
    .map((item, index) => ({ item, score: scores[index]!, index }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, limit)
    .map((entry) => entry.item);
}

/**
 * The pieces of the person's data relevant to one question: the tasks whose statement or activity
 * shares its words (a safety question also takes the caution and human-only tasks it touches), the
 * next open steps of the plan plus any step it names, the resources of those steps plus any it
 * names, and the top gaps and skills.
 */
export function retrieveContext(sources: CoachSources, question: string): GroundedContext {
  const intent = readIntent(question);
  const taskScores = scoreDocuments(
    question,
    sources.tasks.map((task) => `${task.statement} ${task.activity}`),
  ).map((score, i) => {
    const task = sources.tasks[i]!;
    // A safety question is about what may be pasted: tasks with a warning come first among equals.
    return intent.safety && score > 0 ? score + SAFETY_BOOST[task.risk] : score;
  });
  let tasks: CoachTask[] = top(sources.tasks, taskScores, CONTEXT_LIMITS.tasks);
  const tasksMatched = tasks.length > 0;
  if (!tasksMatched) tasks = sources.tasks.filter((task) => task.exposed).slice(0, 2);
  if (intent.safety && !tasks.some((task) => task.risk !== 'assist')) {
    const warned =
      sources.tasks.find((task) => task.risk === 'caution') ?? sources.tasks.find((t) => t.risk !== 'assist');
    if (warned) tasks = [...tasks.slice(0, CONTEXT_LIMITS.tasks - 1), warned];
  }

  const open = sources.steps.filter((step) => step.status !== 'done' && step.status !== 'skipped');
  const stepScores = scoreDocuments(
    question,
    sources.steps.map((step) => `${step.name} ${step.outcome}`),
  );
  const named = top(sources.steps, stepScores, CONTEXT_LIMITS.matchedSteps);
  const steps = [...new Set([...open.slice(0, CONTEXT_LIMITS.nextSteps), ...named])];

  const stepResources = steps.map((step) => step.resourceId);
  const resourceScores = scoreDocuments(
    question,
    sources.resources.map((resource) => `${resource.title} ${resource.provider} ${resource.format}`),
  );
  const namedResources = top(sources.resources, resourceScores, CONTEXT_LIMITS.resources).map((r) => r.id);
  const wanted = [...new Set([...stepResources, ...namedResources])].slice(0, CONTEXT_LIMITS.resources + 1);
  const resources = wanted
    .map((id) => sources.resources.find((resource) => resource.id === id))
    .filter((resource) => resource !== undefined);

  return {
    occupation: sources.occupation,
    target: sources.target,
    hoursPerWeek: sources.hoursPerWeek,
    tasks,
    steps,
    resources,
    gaps: sources.gaps.slice(0, CONTEXT_LIMITS.gaps),
    skills: sources.skills.slice(0, CONTEXT_LIMITS.skills),
    intent,
    tasksMatched,
  };
}
