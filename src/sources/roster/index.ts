export {
  ROSTER_FIELDS,
  mapColumns,
  parseColumnMap,
  parseSkillList,
  type RosterField,
  type ColumnMapping,
  type SkillResolver,
  type RosterSkill,
} from './roster-columns.js';
export {
  readRoster,
  readRosterRows,
  toRecord,
  detectDelimiter,
  formatOf,
  UPLOAD_ROSTER_LIMITS,
  type RosterInput,
  type RosterLimits,
  type RosterRecord,
  type RosterFormat,
  type RowProblem,
} from './roster-reader.js';
export { readBench, type BenchRecord } from './bench-reader.js';
