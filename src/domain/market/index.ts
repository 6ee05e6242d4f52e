export type { PostingRecord, PostingSkill, RemoteMode, Seniority, StatedSalary } from './posting-record.js';
