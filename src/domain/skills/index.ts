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
  onetExampleAliases,
  type VocabularyEntry,
  type VocabularyInputs,
  type VocabularySource,
} from './skill-vocabulary.js';
export {
  compileSkillExtractor,
  extractSkills,
  summarizeMentions,
  type FoundSkill,
  type SkillExtractor,
  type SkillMention,
} from './extract-skills.js';
export type { Section } from './resume-sections.js';
