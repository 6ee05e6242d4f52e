import { useMutation, useQuery, useQueryClient, keepPreviousData } from '@tanstack/react-query';
import type { z } from 'zod';
import type * as org from '../../../src/api/org-schemas';
import type * as cohorts from '../../../src/api/cohort-schemas';
import { getJson, sendJson, uploadForm } from './client';

/*
 * The organisation pages' API (issue 13): the shapes mirror src/api/org-schemas.ts and the cohort
 * routes (src/api/routes/org-cohorts.ts); every path is here, in one place.
 */

export const ORG_API = {
  preview: '/api/org/roster/preview',
  import: '/api/org/roster',
  people: '/api/org/people',
  person: (key: string) => `/api/org/people/${encodeURIComponent(key)}`,
  readiness: (by: GroupBy) => `/api/org/readiness?by=${by}`,
  readinessExport: (by: GroupBy, format: 'csv' | 'xlsx') => `/api/org/readiness/export?by=${by}&format=${format}`,
  decisions: '/api/org/decisions',
  scenario: (name: string) => `/api/org/scenarios/${encodeURIComponent(name)}`,
  mobility: (target: string) => `/api/org/mobility?target=${encodeURIComponent(target)}`,
  demo: '/api/org/demo',
  cohorts: '/api/org/cohorts',
  cohort: (id: string, asOf?: string) => `/api/org/cohorts/${encodeURIComponent(id)}${asOf ? `?asOf=${asOf}` : ''}`,
  cohortCsv: (id: string, asOf?: string) =>
    `/api/org/cohorts/${encodeURIComponent(id)}/export${asOf ? `?asOf=${asOf}` : ''}`,
} as const;

export type GroupBy = 'team' | 'department' | 'level';

export type RowProblem = z.infer<typeof org.RowProblemSchema>;
export type RosterPreview = z.infer<typeof org.RosterPreviewSchema>;
export type ImportReport = z.infer<typeof org.ImportReportSchema>;
export type OrgPerson = z.infer<typeof org.OrgPersonSchema>;
export type PeopleList = z.infer<typeof org.PeopleListSchema>;
export type PersonDetail = z.infer<typeof org.PersonDetailSchema>;
export type Readiness = z.infer<typeof org.ReadinessSchema>;
export type Assumption = z.infer<typeof org.AssumptionSchema>;
export type Decision = z.infer<typeof org.DecisionSchema>;
export type Decisions = z.infer<typeof org.DecisionsSchema>;
export type Mobility = z.infer<typeof org.MobilitySchema>;
export type Demo = z.infer<typeof org.DemoSchema>;
export type Cohort = z.infer<typeof cohorts.CohortSummarySchema>;
export type CohortDashboard = z.infer<typeof cohorts.CohortDashboardSchema>;
export type CohortStatus = CohortDashboard['progress']['members'][number]['status'];
export type AssignedCohort = z.infer<typeof cohorts.AssignedCohortSchema>;

/** A multipart upload of a roster with optional "column=field" lines and résumés. */
function uploadRoster<T>(path: string, file: File, map: string, resumes: readonly File[] = []): Promise<T> {
  const form = new FormData();
  form.append('file', file, file.name);
  if (map.trim()) form.append('map', map);
  for (const resume of resumes) form.append('resumes', resume, resume.name);
  return uploadForm<T>(path, form);
}

export const usePreviewRoster = () =>
  useMutation({
    mutationFn: ({ file, map }: { file: File; map: string }) => uploadRoster<RosterPreview>(ORG_API.preview, file, map),
  });
export const useImportRoster = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ file, map, resumes }: { file: File; map: string; resumes: readonly File[] }) =>
      uploadRoster<ImportReport>(ORG_API.import, file, map, resumes),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['org'] }),
  });
};
export const useDemoCompany = () => {
  const client = useQueryClient();
  return useMutation({
    // The demo refuses to replace a real roster (409) unless `replace` says so.
    mutationFn: (replace: boolean) => sendJson<Demo>('POST', ORG_API.demo, { replace }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['org'] }),
  });
};

export const useReadiness = (by: GroupBy) =>
  useQuery({
    queryKey: ['org', 'readiness', by],
    queryFn: () => getJson<Readiness>(ORG_API.readiness(by)),
    placeholderData: keepPreviousData,
  });
/** The people of one team, department or level (the readiness page's groups). */
export const usePeople = (by: GroupBy, group: string) =>
  useQuery({
    queryKey: ['org', 'people', by, group],
    queryFn: () => getJson<PeopleList>(`${ORG_API.people}?${by}=${encodeURIComponent(group)}&limit=1000`),
  });
export const usePerson = (key: string | undefined) =>
  useQuery({
    queryKey: ['org', 'person', key],
    queryFn: () => getJson<PersonDetail>(ORG_API.person(key!)),
    enabled: !!key,
  });
export const useDecisions = (request: { team?: string; assumptions: Record<string, number> }) =>
  useQuery({
    queryKey: ['org', 'decisions', request],
    queryFn: () => sendJson<Decisions>('POST', ORG_API.decisions, request),
    placeholderData: keepPreviousData,
  });
export const useMobility = (target: string) =>
  useQuery({
    queryKey: ['org', 'mobility', target],
    queryFn: () => getJson<Mobility>(ORG_API.mobility(target)),
    enabled: target.trim().length > 0,
  });
export const useCohorts = () =>
  useQuery({ queryKey: ['org', 'cohorts'], queryFn: () => getJson<Cohort[]>(ORG_API.cohorts) });
export const useCohort = (id: string | undefined, asOf?: string) =>
  useQuery({
    queryKey: ['org', 'cohort', id, asOf],
    queryFn: () => getJson<CohortDashboard>(ORG_API.cohort(id!, asOf)),
    enabled: !!id,
    placeholderData: keepPreviousData,
  });
export const useAssignCohort = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; team?: string; people?: string[]; target?: string; hoursPerWeek?: number }) =>
      sendJson<AssignedCohort>('POST', ORG_API.cohorts, body),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['org', 'cohorts'] }),
  });
};
