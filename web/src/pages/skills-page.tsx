import { useMemo, useState } from 'react';
import { Link } from 'wouter';
import { useExtraction, useProfilePlan, useSetSkillLevel, useSkills } from '../api/queries';
import type { Profile, Skill } from '../api/types';
import { HighlightedText } from '../components/highlighted-text';
import { Page } from '../components/page';
import { SkillSearch } from '../components/skill-search';
import { EmptyState, ErrorNotice, Loading } from '../components/status-views';
import { ProfileGate } from '../components/profile-gate';
import { LEVEL_NAMES } from '../format';

export function SkillsPage() {
  return (
    <ProfileGate
      title="Your skills"
      empty={{
        title: 'No profile yet',
        text: 'Give Upskill your résumé or job title first; your skills are listed here to confirm and correct.',
        action: 'Start with your job title',
      }}
    >
      {(profile) => <SkillsEditor profile={profile} />}
    </ProfileGate>
  );
}

function SkillsEditor({ profile }: { profile: Profile }) {
  const skills = useSkills();
  const extraction = useExtraction(profile.resumeText);
  const plan = useProfilePlan(profile.id);
  const setLevel = useSetSkillLevel(profile.id);
  const [selected, setSelected] = useState<string | null>(null);
  const byId = useMemo(() => new Map((skills.data ?? []).map((s) => [s.id, s])), [skills.data]);
  const evidence = useMemo(() => {
    const counts = new Map<string, number>();
    for (const m of extraction.data?.mentions ?? [])
      if (!m.negated) counts.set(m.skillId, (counts.get(m.skillId) ?? 0) + 1);
    return counts;
  }, [extraction.data]);

  if (skills.isPending) return <Loading what="the skills graph" />;
  if (skills.isError) return <ErrorNotice error={skills.error} retry={() => void skills.refetch()} />;
  const mine = [...profile.skills].sort((a, b) =>
    (byId.get(a.skillId)?.name ?? a.skillId).localeCompare(byId.get(b.skillId)?.name ?? b.skillId),
  );
  const have = new Set(mine.map((s) => s.skillId));

  const showEvidence = (skillId: string) => {
    setSelected(skillId);
    // After the marks re-render with the new selection, bring the first one into view.
    requestAnimationFrame(() =>
      document.querySelector('.resume-text mark.selected')?.scrollIntoView({ block: 'center', behavior: 'smooth' }),
    );
  };

  return (
    <Page
      title="Your skills"
      lead="Confirm what Upskill found, correct the levels, and add what it missed. Your plan follows these levels."
    >
      <div className="two-col wide-left">
        <section className="card" aria-labelledby="mine-heading">
          <h2 id="mine-heading">Skills you have ({mine.length})</h2>
          {mine.length === 0 && (
            <p className="muted">No skills yet. Add the ones you have below — even “aware” counts.</p>
          )}
          <ul className="skill-list">
            {mine.map(({ skillId, level }) => {
              const skill = byId.get(skillId);
              const found = evidence.get(skillId) ?? 0;
              return (
                <li key={skillId} className={selected === skillId ? 'selected' : undefined}>
                  <div className="skill-name">
                    <strong>{skill?.name ?? skillId}</strong>
                    {found > 0 ? (
                      <button type="button" className="link-button small" onClick={() => showEvidence(skillId)}>
                        found {found}× in your résumé<span className="visually-hidden"> — show where</span>
                      </button>
                    ) : (
                      <span className="muted small">added by you</span>
                    )}
                  </div>
                  <label className="level-select">
                    <span className="visually-hidden">Your level in {skill?.name ?? skillId}</span>
                    <select
                      value={level}
                      disabled={setLevel.isPending}
                      onChange={(e) => setLevel.mutate({ skillId, level: Number(e.target.value) })}
                    >
                      {[1, 2, 3, 4].map((l) => (
                        <option key={l} value={l}>
                          {l} · {LEVEL_NAMES[l]}
                          {skill ? ` — ${skill.levels[l - 1]}` : ''}
                        </option>
                      ))}
                    </select>
                  </label>
                  <button
                    type="button"
                    className="button ghost small"
                    disabled={setLevel.isPending}
                    onClick={() => setLevel.mutate({ skillId, level: 0 })}
                  >
                    Remove<span className="visually-hidden"> {skill?.name ?? skillId}</span>
                  </button>
                </li>
              );
            })}
          </ul>
          {setLevel.isError && <ErrorNotice title="The change was not saved" error={setLevel.error} />}
          <SkillSearch
            skills={skills.data}
            label="Add a skill"
            exclude={have}
            onSelect={(skill: Skill) => setLevel.mutate({ skillId: skill.id, level: 2 })}
          />
        </section>

        <section className="card" aria-labelledby="resume-heading">
          <h2 id="resume-heading">Where they were found</h2>
          {!profile.resumeText ? (
            <EmptyState title="No résumé in this plan.">
              <p>
                Skills were not read from a résumé. <Link href="/">Start again with your résumé</Link> to see them
                marked in its text.
              </p>
            </EmptyState>
          ) : extraction.isPending ? (
            <Loading what="your résumé" />
          ) : extraction.isError ? (
            <ErrorNotice error={extraction.error} retry={() => void extraction.refetch()} />
          ) : (
            <>
              <p className="muted small">
                Marked: every phrase Upskill read as a skill. Choose “found in your résumé” beside a skill to see its
                evidence.
              </p>
              <HighlightedText text={extraction.data.text} mentions={extraction.data.mentions} selected={selected} />
            </>
          )}
        </section>
      </div>

      <section className="section" aria-labelledby="gaps-heading">
        <h2 id="gaps-heading">What your goal needs</h2>
        {plan.isPending ? (
          <Loading what="your gaps" />
        ) : plan.isError ? (
          <ErrorNotice error={plan.error} retry={() => void plan.refetch()} />
        ) : (
          <>
            <p>
              Goal: <strong>{plan.data.target.name}</strong>. You are{' '}
              <strong>{Math.round(plan.data.gaps.readiness * 100)}% ready</strong>; closing the gaps takes about{' '}
              {Math.round(plan.data.gaps.totalHours)} hours.
            </p>
            <div
              className="meter"
              role="meter"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={Math.round(plan.data.gaps.readiness * 100)}
              aria-label="Readiness for your goal"
            >
              <span style={{ width: `${Math.round(plan.data.gaps.readiness * 100)}%` }} />
            </div>
            {plan.data.gaps.gaps.length === 0 ? (
              <EmptyState title="No gaps: you have every skill this goal needs." />
            ) : (
              <ul className="gap-list">
                {plan.data.gaps.gaps.map((gap) => (
                  <li key={gap.skillId}>
                    <div>
                      <strong>{gap.name}</strong>{' '}
                      <span className="muted small">
                        {LEVEL_NAMES[gap.currentLevel]} → {LEVEL_NAMES[gap.requiredLevel]} · about{' '}
                        {Math.round(gap.hours)} h
                      </span>
                    </div>
                    <p className="muted small">{gap.reasons.join(' ')}</p>
                  </li>
                ))}
              </ul>
            )}
            <nav className="next-step" aria-label="Next step">
              <Link href="/path" className="button primary">
                Next: your path →
              </Link>
            </nav>
          </>
        )}
      </section>
    </Page>
  );
}
