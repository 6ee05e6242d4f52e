import type { z } from 'zod';
import type * as schemas from '../../../src/api/schemas';

// The API's own zod schemas are the single source of these shapes (type-only: nothing is bundled).
export type OccupationView = z.infer<typeof schemas.OccupationViewSchema>;
export type OccupationTask = OccupationView['tasks'][number];
export type TitleMatch = z.infer<typeof schemas.TitleMatchSchema>;
export type OccupationSearch = z.infer<typeof schemas.SearchResultSchema>;
export type ExposureDistribution = z.infer<typeof schemas.ExposureDistributionSchema>;
export type About = z.infer<typeof schemas.AboutSchema>;
export type Skill = z.infer<typeof schemas.SkillSchema>;
export type Extraction = z.infer<typeof schemas.ExtractionSchema>;
export type Role = z.infer<typeof schemas.RoleSchema>;
export type Profile = z.infer<typeof schemas.ProfileSchema>;
export type ProfilePlan = z.infer<typeof schemas.ProfilePlanSchema>;
export type PlanStep = ProfilePlan['plan']['steps'][number];
export type ProgressStatus = ProfilePlan['progress'][number]['status'];
export type Rater = 'human' | 'gpt4';
export type Assessment = z.infer<typeof schemas.AssessmentSchema>;
export type Session = z.infer<typeof schemas.SessionSchema>;
export type Account = z.infer<typeof schemas.AccountSchema>;
export type LinkInfo = z.infer<typeof schemas.LinkInfoSchema>;
export type AccessToken = z.infer<typeof schemas.AccessTokenSchema>;
export type AuditEntry = z.infer<typeof schemas.AuditEntrySchema>;
