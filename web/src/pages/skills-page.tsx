import { useMemo, useState } from 'react';
import { Link } from 'wouter';
import { useExtraction, useProfilePlan, useSetSkillLevel, useSkills } from '../api/queries';
import type { Extraction, Profile, ProfilePlan, Skill } from '../api/types';
import { HighlightedText } from '../components/highlighted-text';
import { Page } from '../components/page';
import { SkillSearch } from '../components/skill-search';
import { EmptyState, ErrorNotice, Loading } from '../components/status-views';
import { ProfileGate } from '../components/profile-gate';
import { LEVEL_NAMES } from '../format';

type FoundSkill = Extraction['skills'][number];
type CurrentLevel = ProfilePlan['current'][number];

/** How the found skills the profile holds no level for are grouped: by what each one is. */
const FOUND_GROUPS: { id: string; title: string; kinds: readonly FoundSkill['kind'][] }[] = [
  { id: 'graph', title: 'AI and skills-graph skills', kinds: ['ai-skill'] },
  { id: 'tools', title: 'Tools and technologies', kinds: ['tool'] },
  { id: 'knowledge', title: 'Knowledge and methods', kinds: ['knowledge'] },
  { id: 'skills', title: 'Skills and ways of working', kinds: ['skill'] },
  { id: 'languages', title: 'Languages and certifications', kinds: ['language', 'certification'] },
];

function FoundGroup({
  group,
  selected,
  evidence,
  current,
  resumeLevel,
  busy,
  onShow,
  onAdd,
}: {
  group: { id: string; title: string; skills: FoundSkill[] };
  selected: string | null;
  evidence: ReadonlyMap<string, number>;
  current: ReadonlyMap<string, CurrentLevel>;
  resumeLevel: ReadonlyMap<string, number>;
  busy: boolean;
  onShow: (skillId: string) => void;
  onAdd: (skillId: string, level: number) => void;
}) {
  const headingId = `found-${group.id}-heading`;
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>
        {group.title} ({group.skills.length})
      </h3>
      <ul className="skill-list">
        {group.skills.map((skill) => {
          const planned = current.get(skill.skillId);
          // Added at what the résumé shows, or at the level the plan already counts if that is higher.
          const level = Math.max(resumeLevel.get(skill.skillId) ?? 1, planned?.level ?? 0);
          return (
            <li key={skill.skillId} className={selected === skill.skillId ? 'selected' : undefined}>
              <div className="skill-name">
                <strong>{skill.label}</strong>
                {skill.esco && skill.esco.label.toLowerCase() !== skill.label.toLowerCase() && (
                  <span className="muted small">ESCO: {skill.esco.label}</span>
                )}
                <button type="button" className="link-button small" onClick={() => onShow(skill.skillId)}>
                  found {evidence.get(skill.skillId) ?? skill.mentions}× in your résumé
                  <span className="visually-hidden"> — show where</span>
                </button>
                {planned?.source === 'onet' && (
                  <span className="muted small">
                    your plan counts “{LEVEL_NAMES[planned.level]}” from O*NET’s ratings of your job
                  </span>
                )}
              </div>
              {group.id === 'graph' && (
                <button
                  type="button"
                  className="button ghost small"
                  disabled={busy}
                  onClick={() => onAdd(skill.skillId, level)}
                >
                  Add as “{LEVEL_NAMES[level]}”<span className="visually-hidden"> {skill.label}</span>
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

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
  // What a résumé mention is worth as a level, as the server reads it: "can use" in Skills,
  // Experience or Projects, "aware" elsewhere.
  const resumeLevel = useMemo(() => {
    const levels = new Map<string, number>();
    for (const m of extraction.data?.mentions ?? [])
      if (!m.negated)
        levels.set(
          m.skillId,
          Math.max(levels.get(m.skillId) ?? 0, ['skills', 'experience', 'projects'].includes(m.section) ? 2 : 1),
        );
    return levels;
  }, [extraction.data]);

  if (skills.isPending) return <Loading what="the skills graph" />;
  if (skills.isError) return <ErrorNotice error={skills.error} retry={() => void skills.refetch()} />;
  const mine = [...profile.skills].sort((a, b) =>
    (byId.get(a.skillId)?.name ?? a.skillId).localeCompare(byId.get(b.skillId)?.name ?? b.skillId),
  );
  const have = new Set(mine.map((s) => s.skillId));
  // Everything the résumé claims is shown: skills-graph skills with a level in the list above, and the rest —
  // graph skills the profile has no level for, tools, knowledge, other skills, languages and certifications
  // (from O*NET, ESCO and the lexicon) — under "Also found", as many as the start page said were found.
  const claimed = (extraction.data?.skills ?? []).filter((s) => !s.negated);
  const alsoFound = claimed.filter((s) => !have.has(s.skillId));
  const groups = FOUND_GROUPS.map((group) => ({
    ...group,
    skills: alsoFound.filter((s) => group.kinds.includes(s.kind)),
  })).filter((group) => group.skills.length > 0);
  const current = new Map((plan.data?.current ?? []).map((c) => [c.skillId, c]));

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
        <div>
          <section className="card" aria-labelledby="mine-heading">
            <h2 id="mine-heading">Skills you have ({mine.length})</h2>
            {extraction.data && (
              <p className="muted small">
                Found in your résumé: {claimed.length} {claimed.length === 1 ? 'skill' : 'skills'}
                {alsoFound.length > 0
                  ? ` — ${claimed.length - alsoFound.length} with a level here, ` +
                    `${alsoFound.length} more under “Also found in your résumé”.`
                  : '.'}
              </p>
            )}
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
          {groups.length > 0 && (
            <section className="card section" aria-labelledby="also-heading">
              <h2 id="also-heading">Also found in your résumé ({alsoFound.length})</h2>
              <p className="muted small">
                Named in your résumé but not among your skills above. Tools and other skills have no levels and do not
                change your plan; a skills-graph skill can be added with a level.
              </p>
              {groups.map((group) => (
                <FoundGroup
                  key={group.id}
                  group={group}
                  selected={selected}
                  evidence={evidence}
                  current={current}
                  resumeLevel={resumeLevel}
                  busy={setLevel.isPending}
                  onShow={showEvidence}
                  onAdd={(skillId, level) => setLevel.mutate({ skillId, level })}
                />
              ))}
            </section>
          )}
        </div>

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
            {plan.data.gaps.demand && <p className="muted small">{plan.data.gaps.demand.note}</p>}
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
                    <p className="muted small">
                      {gap.reasons.join(' ')}
                      {gap.demand && (
                        <>
                          {' '}
                          <Link href={`/market/skill?id=${encodeURIComponent(gap.skillId)}`}>
                            {gap.name} in postings
                          </Link>
                        </>
                      )}
                    </p>
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
