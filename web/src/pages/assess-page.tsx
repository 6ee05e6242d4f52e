import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { sendJson } from '../api/client';
import type { Assessment, Profile } from '../api/types';
import { Page } from '../components/page';
import { EmptyState, ErrorNotice, Loading } from '../components/status-views';
import { useJourney } from '../use-journey';

const SOURCE_WORDS = {
  onet: 'suggested from how O*NET rates your occupation',
  résumé: 'found in your résumé',
  confirmed: 'you set this',
  none: 'no evidence yet',
} as const;

/** One screen: the skills that matter for the goal, each starting where O*NET or the résumé puts it, for the person to confirm. */
export function AssessPage() {
  const { id, profile } = useJourney();
  if (!id) {
    return (
      <Page title="Check your starting levels">
        <EmptyState title="Start with your job first." action={{ href: '/', label: 'Start' }}>
          <p>Your starting levels depend on your job and your goal.</p>
        </EmptyState>
      </Page>
    );
  }
  if (profile.isPending) return <Loading what="your profile" />;
  if (profile.isError)
    return (
      <Page title="Check your starting levels">
        <ErrorNotice error={profile.error} retry={() => void profile.refetch()} />
      </Page>
    );
  return <AssessmentForm profile={profile.data} />;
}

function AssessmentForm({ profile }: { profile: Profile }) {
  const client = useQueryClient();
  const assessment = useQuery({
    queryKey: ['assessment', profile.id, profile.occupationCode, profile.target],
    queryFn: () =>
      sendJson<Assessment>('POST', '/api/assessment', {
        occupation: profile.occupationCode,
        target: profile.target,
        ...(profile.resumeText ? { resumeText: profile.resumeText } : {}),
      }),
  });
  const stored = new Map(profile.skills.map((s) => [s.skillId, s.level]));
  const [chosen, setChosen] = useState<Record<string, number>>({});
  const save = useMutation({
    mutationFn: async (levels: Record<string, number>) => {
      for (const [skillId, level] of Object.entries(levels))
        await sendJson<Profile>('PUT', `/api/profiles/${profile.id}/skills/${encodeURIComponent(skillId)}`, { level });
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['profile', profile.id] });
      void client.invalidateQueries({ queryKey: ['plan', profile.id] });
    },
  });
  if (assessment.isPending) return <Loading what="the skills to check" />;
  if (assessment.isError)
    return (
      <Page title="Check your starting levels">
        <ErrorNotice error={assessment.error} retry={() => void assessment.refetch()} />
      </Page>
    );
  const skills = assessment.data.skills;
  const levelOf = (skillId: string, suggested: number): number => chosen[skillId] ?? stored.get(skillId) ?? suggested;
  return (
    <Page
      title="Check your starting levels"
      lead={
        `The ${skills.length} skills that matter most for ${assessment.data.target.name}. Each starts ` +
        `where the evidence puts you; change any that is wrong, then save. Your plan aims only at what ` +
        `is really missing.`
      }
    >
      <form
        className="assessment"
        onSubmit={(event) => {
          event.preventDefault();
          const levels = Object.fromEntries(skills.map((s) => [s.skillId, levelOf(s.skillId, s.suggested)]));
          save.mutate(levels);
        }}
      >
        {skills.map((skill) => (
          <fieldset key={skill.skillId} className="card assessment-skill">
            <legend>
              {skill.name} <span className="muted small">— your goal needs “{skill.levels[skill.needed]!.name}”</span>
            </legend>
            <p className="muted small">
              {SOURCE_WORDS[skill.source]}
              {skill.basis ? `: ${skill.basis}` : ''}
            </p>
            <div className="level-choices">
              {skill.levels.map((level) => (
                <label
                  key={level.level}
                  className={levelOf(skill.skillId, skill.suggested) === level.level ? 'checked' : undefined}
                >
                  <input
                    type="radio"
                    name={skill.skillId}
                    value={level.level}
                    checked={levelOf(skill.skillId, skill.suggested) === level.level}
                    onChange={() => setChosen((c) => ({ ...c, [skill.skillId]: level.level }))}
                  />{' '}
                  <strong>{level.name}</strong>
                  <span className="small"> {level.description}</span>
                </label>
              ))}
            </div>
          </fieldset>
        ))}
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : 'Save my levels'}
          </button>
          {save.isSuccess && (
            <p role="status">
              Saved. <Link href="/path">See your re-planned path →</Link>
            </p>
          )}
          {save.isError && <ErrorNotice error={save.error} />}
        </div>
      </form>
    </Page>
  );
}
