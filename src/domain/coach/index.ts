export {
  citationIds,
  MAX_QUESTION_LENGTH,
  resourceCitation,
  stepCitation,
  taskCitation,
  type CoachResource,
  type CoachSources,
  type CoachStep,
  type CoachTask,
  type GroundedContext,
  type QuestionIntent,
} from './coach-context.js';
export { CONTEXT_LIMITS, hoursMentioned, readIntent, retrieveContext, scoreDocuments } from './retrieve-context.js';
export { nameFromResume, namesIn, redact, type Redaction, type RedactionRules } from './redact.js';
export { coachMessages, contextText, taskWarning, type ChatMessage } from './coach-prompt.js';
export { checkCitations, citationsIn, type CitationCheck, type CitationFlag } from './check-citations.js';
export { MODEL_WOULD_ADD, offlineAnswer } from './offline-answer.js';
export { PlanChangeSchema, planChangeMessages, readPlanChange, type PlanChange } from './plan-change.js';
