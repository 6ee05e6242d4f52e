export type {
  PostingDraft,
  PostingRecord,
  PostingSkill,
  RemoteMode,
  Seniority,
  StatedSalary,
} from './posting-record.js';
export {
  detectRemote,
  detectSeniority,
  normalisedPostingText,
  parseSalaryText,
  remoteFromField,
  salaryFromFields,
} from './posting-facts.js';
export * from './periods.js';
export * from './share-interval.js';
export * from './growth.js';
export * from './emerging-skills.js';
export * from './co-occurrence.js';
export * from './profile-gap.js';
export * from './skill-demand.js';
export * from './plan-demand.js';
