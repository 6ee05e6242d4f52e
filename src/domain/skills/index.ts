export {
  checkSkillGraph,
  prerequisiteTree,
  surfaceKey,
  SKILL_LEVELS,
  type Skill,
  type SkillCategory,
  type SkillGraph,
  type SkillLevel,
  type PrerequisiteNode,
} from './skill-graph.js';
export {
  buildVocabulary,
  commonWordsOf,
  escoSurfaceIndex,
  onetExampleAliases,
  type EscoLink,
  type EscoSkillInput,
  type LexiconKind,
  type LexiconTerm,
  type MentionKind,
  type VocabularyEntry,
  type VocabularyInputs,
  type VocabularySource,
} from './skill-vocabulary.js';
export type { SkillPhrase } from './skill-phrases.js';
export {
  buildSkillExtractor,
  compileSkillExtractor,
  extractSkills,
  summarizeMentions,
  type FoundSkill,
  type SkillExtractor,
  type SkillMention,
} from './extract-skills.js';
export type { Section } from './resume-sections.js';
