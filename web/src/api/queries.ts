import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getJson, sendJson } from './client';
import type {
  About,
  ExposureDistribution,
  Extraction,
  OccupationSearch,
  OccupationView,
  Profile,
  ProfilePlan,
  ProgressStatus,
  Role,
  Skill,
  TitleMatch,
} from './types';

// Reference data never changes while the server runs, so it is fetched once per visit.
const REFERENCE = { staleTime: Infinity, gcTime: Infinity } as const;

export const useAbout = () =>
  useQuery({ queryKey: ['about'], queryFn: () => getJson<About>('/api/about'), ...REFERENCE });
export const useExposureDistribution = () =>
  useQuery({ queryKey: ['exposure'], queryFn: () => getJson<ExposureDistribution>('/api/exposure'), ...REFERENCE });
export const useSkills = () =>
  useQuery({ queryKey: ['skills'], queryFn: () => getJson<Skill[]>('/api/skills'), ...REFERENCE });
export const useRoles = () =>
  useQuery({ queryKey: ['roles'], queryFn: () => getJson<Role[]>('/api/roles'), ...REFERENCE });

export const useOccupation = (code: string | undefined) =>
  useQuery({
    queryKey: ['occupation', code],
    queryFn: () => getJson<OccupationView>(`/api/occupations/${encodeURIComponent(code!)}`),
    enabled: !!code,
    ...REFERENCE,
  });

export const useTitleSearch = (query: string, limit = 6) =>
  useQuery({
    queryKey: ['titles', query, limit],
    queryFn: ({ signal }) =>
      getJson<OccupationSearch>(`/api/occupations?q=${encodeURIComponent(query)}&limit=${limit}`, signal),
    enabled: query.trim().length > 0,
    placeholderData: keepPreviousData,
    ...REFERENCE,
  });

/** Skills found in a text; the same text always gives the same answer, so it is cached by the text. */
export const useExtraction = (text: string | null | undefined) =>
  useQuery({
    queryKey: ['extract', text],
    queryFn: () => sendJson<Extraction>('POST', '/api/extract', { text }),
    enabled: !!text,
    ...REFERENCE,
  });

export type TextOccupationMatch = TitleMatch & { evidence: string };

/** Occupations a résumé names in its first lines ("Senior Accountant, Deloitte"). */
export const useOccupationsFromText = () =>
  useMutation({
    mutationFn: (text: string) =>
      sendJson<{ matches: TextOccupationMatch[] }>('POST', '/api/occupations/from-text', { text }).then(
        (r) => r.matches,
      ),
  });

export const useProfiles = () =>
  useQuery({ queryKey: ['profiles'], queryFn: () => getJson<Profile[]>('/api/profiles') });
export const useProfile = (id: string | null) =>
  useQuery({
    queryKey: ['profile', id],
    queryFn: () => getJson<Profile>(`/api/profiles/${id}`),
    enabled: !!id,
    retry: false,
  });
export const useProfilePlan = (id: string | null) =>
  useQuery({
    queryKey: ['plan', id],
    queryFn: () => getJson<ProfilePlan>(`/api/profiles/${id}/plan`),
    enabled: !!id,
    retry: false,
  });

export interface NewProfile {
  name: string;
  occupation: string;
  target: string;
  hoursPerWeek: number;
  resumeText?: string;
}

export function useCreateProfile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: NewProfile) => sendJson<Profile>('POST', '/api/profiles', input),
    onSuccess: (profile) => {
      client.setQueryData(['profile', profile.id], profile);
      void client.invalidateQueries({ queryKey: ['profiles'] });
    },
  });
}

export function useDeleteProfile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => sendJson<void>('DELETE', `/api/profiles/${id}`),
    onSuccess: (_, id) => {
      client.removeQueries({ queryKey: ['profile', id] });
      client.removeQueries({ queryKey: ['plan', id] });
      void client.invalidateQueries({ queryKey: ['profiles'] });
    },
  });
}

export type ProfileChanges = Partial<Pick<Profile, 'name' | 'target' | 'hoursPerWeek'>>;

/** Changes the plan's name, goal or weekly hours; the plan is fetched again, re-flowed. */
export function useUpdateProfile(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (changes: ProfileChanges) => sendJson<Profile>('PATCH', `/api/profiles/${id}`, changes),
    onSuccess: (profile) => {
      client.setQueryData(['profile', id], profile);
      void client.invalidateQueries({ queryKey: ['profiles'] });
      return client.invalidateQueries({ queryKey: ['plan', id] });
    },
  });
}

/** Sets a skill's level (0 removes it); the plan depends on it, so it is fetched again. */
export function useSetSkillLevel(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ skillId, level }: { skillId: string; level: number }) =>
      sendJson<Profile>('PUT', `/api/profiles/${id}/skills/${encodeURIComponent(skillId)}`, { level }),
    onSuccess: (profile) => {
      client.setQueryData(['profile', id], profile);
      void client.invalidateQueries({ queryKey: ['plan', id] });
    },
  });
}

export type ProgressChange =
  { stepId: string; status: ProgressStatus; hours?: number } | { stepId: string; status: 'clear' };

/** Records (or takes back) progress on a step; the answer is the re-flowed plan. */
export function useRecordProgress(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: ProgressChange) =>
      change.status === 'clear'
        ? sendJson<ProfilePlan>('DELETE', `/api/profiles/${id}/progress/${encodeURIComponent(change.stepId)}`)
        : sendJson<ProfilePlan>('POST', `/api/profiles/${id}/progress`, change),
    // The tick shows at once; the re-flowed plan replaces it when the server answers (or the tick is undone on error).
    onMutate: async (change) => {
      await client.cancelQueries({ queryKey: ['plan', id] });
      const before = client.getQueryData<ProfilePlan>(['plan', id]);
      if (before) {
        const others = before.progress.filter((p) => p.stepId !== change.stepId);
        const progress =
          change.status === 'clear' ? others : [...others, { ...change, recordedAt: new Date().toISOString() }];
        client.setQueryData<ProfilePlan>(['plan', id], { ...before, progress });
      }
      return { before };
    },
    onError: (_error, _change, context) => context?.before && client.setQueryData(['plan', id], context.before),
    onSuccess: (plan) => client.setQueryData(['plan', id], plan),
  });
}
