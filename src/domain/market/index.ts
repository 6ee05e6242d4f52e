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
