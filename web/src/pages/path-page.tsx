import { useMemo, useState } from 'react';
import { useProfilePlan, useRecordProgress, useSkills, type ProgressChange } from '../api/queries';
import type { PlanStep, Profile, ProfilePlan, ProgressStatus } from '../api/types';
import { Page } from '../components/page';
import { PlanSettings } from '../components/plan-settings';
import { EmptyState, ErrorNotice, Loading } from '../components/status-views';
import { formatDate, formatDay, formatHours, LEVEL_NAMES, todayLocal } from '../format';
import { ProfileGate } from '../components/profile-gate';
import { CoachPanel, useFocusHash } from '../components/coach-panel';

type OnProgress = (change: ProgressChange, onError?: () => void) => void;

export function PathPage() {
  return (
    <ProfileGate
      title="Your path"
      empty={{
        title: 'No plan yet',
        text: 'Say what your job is and how many hours a week you have; your dated learning path appears here.',
        action: 'Make my plan',
      }}
    >
      {(profile) => <PathView profile={profile} />}
    </ProfileGate>
  );
}

function PathView({ profile }: { profile: Profile }) {
  const plan = useProfilePlan(profile.id);
  const record = useRecordProgress(profile.id);
  const [announcement, setAnnouncement] = useState('');
  useFocusHash(plan.isSuccess);
  if (plan.isPending) return <Loading what="your plan" />;
  if (plan.isError)
    return (
      <Page title="Your path">
        <ErrorNotice title="Your plan could not be made" error={plan.error} retry={() => void plan.refetch()} />
      </Page>
    );
  const change: OnProgress = (c, onError) => {
    const before = plan.data.plan.endDate;
    record.mutate(c, {
      ...(onError ? { onError } : {}),
      onSuccess: (next) =>
        setAnnouncement(
          next.plan.endDate === before
            ? `Saved. Your plan still ends ${formatDate(before)}.`
            : `Saved. Your plan re-flowed: it now ends ${formatDate(next.plan.endDate)} (was ${formatDate(before)}).`,
        ),
    });
  };
  const { plan: p, target } = plan.data;
  const id = profile.id;
  return (
    <Page
      title="Your path"
      lead={
        <>
          To <strong>{target.name}</strong>: {p.steps.length} steps, {formatHours(p.totalHours)} at {p.hoursPerWeek}{' '}
          hours a week, {formatDate(p.startDate)} to {formatDate(p.endDate)}.
        </>
      }
      actions={
        <>
          <a
            className="button secondary"
            href={`/api/profiles/${id}/plan?format=md`}
            download={`upskill-plan-${id}.md`}
          >
            Download Markdown
          </a>
          <a
            className="button secondary"
            href={`/api/profiles/${id}/plan?format=ics`}
            download={`upskill-plan-${id}.ics`}
          >
            Add to calendar (.ics)
          </a>
        </>
      }
    >
      <PlanSettings profile={profile} onSaved={setAnnouncement} />
      <Progress data={plan.data} />
      <p className="status-line" role="status" aria-live="polite">
        {record.isPending ? 'Saving…' : announcement}
      </p>
      {record.isError && <ErrorNotice title="That was not saved" error={record.error} />}
      {p.steps.length === 0 ? (
        <EmptyState
          title="Nothing to learn for this goal: you already have every skill it needs."
          action={{ href: '/', label: 'Choose another goal' }}
        />
      ) : (
        <Timeline data={plan.data} onChange={change} busy={record.isPending} />
      )}
      <SkippedSteps data={plan.data} onChange={change} busy={record.isPending} />
      <CoachPanel
        subject={{ profileId: id }}
        intro={
          'Ask which step to take first, how to fit the plan into your week, or how a step applies to your job. ' +
          'Answers cite your plan steps and tasks.'
        }
      />
    </Page>
  );
}

function Progress({ data }: { data: ProfilePlan }) {
  const status = new Map(data.progress.map((r) => [r.stepId, r.status]));
  const done = data.plan.steps.filter((s) => status.get(s.id) === 'done' || status.get(s.id) === 'took-longer');
  const share = data.plan.steps.length ? done.length / data.plan.steps.length : 0;
  return (
    <div className="progress-summary">
      <p>
        <strong>
          {done.length} of {data.plan.steps.length} steps done
        </strong>{' '}
        <span className="muted">· {formatHours(done.reduce((sum, s) => sum + s.hours, 0))} of learning behind you</span>
      </p>
      <div
        className="meter"
        role="meter"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(share * 100)}
        aria-label="Steps done"
      >
        <span style={{ width: `${Math.round(share * 100)}%` }} />
      </div>
    </div>
  );
}

function Timeline({ data, onChange, busy }: { data: ProfilePlan; onChange: OnProgress; busy: boolean }) {
  const steps = useMemo(() => new Map(data.plan.steps.map((s) => [s.id, s])), [data.plan.steps]);
  const status = new Map(data.progress.map((r) => [r.stepId, r]));
  const firstWeek = new Map<string, number>();
  const lastWeek = new Map<string, number>();
  for (const week of data.plan.weeks)
    for (const item of week.items) {
      if (!firstWeek.has(item.stepId)) firstWeek.set(item.stepId, week.week);
      lastWeek.set(item.stepId, week.week);
    }
  const today = todayLocal();
  return (
    <ol className="timeline" aria-label="Week by week">
      {data.plan.weeks.map((week) => {
        const milestones = data.plan.milestones.filter((m) => m.week === week.week);
        const isNow = week.start <= today && today <= week.end;
        return (
          <li key={week.week} className={`week${isNow ? ' now' : ''}`} aria-current={isNow ? 'date' : undefined}>
            <h2 className="week-title">
              Week {week.week}{' '}
              <span className="muted">
                · {formatDay(week.start)} – {formatDay(week.end)} · {formatHours(week.hours)}
              </span>
              {isNow && <span className="tag tag-now">this week</span>}
            </h2>
            <ul className="week-items">
              {week.items.map((item) => {
                const step = steps.get(item.stepId);
                if (!step) return null;
                const first = firstWeek.get(step.id) === week.week;
                return first ? (
                  <StepCard
                    key={step.id}
                    step={step}
                    hoursThisWeek={item.hours}
                    until={lastWeek.get(step.id)!}
                    week={week.week}
                    status={status.get(step.id)?.status}
                    spent={status.get(step.id)?.hours}
                    onChange={onChange}
                    busy={busy}
                  />
                ) : (
                  <li key={step.id} className="step continued">
                    <span>
                      {step.name} → {LEVEL_NAMES[step.level]}{' '}
                      <span className="muted">(continued · {formatHours(item.hours)})</span>
                    </span>
                  </li>
                );
              })}
            </ul>
            {milestones.map((m) => (
              <div key={m.skillId} className="milestone">
                <p>
                  <span aria-hidden="true">⚑ </span>
                  <strong>Milestone, {formatDate(m.date)}:</strong> {m.title}
                </p>
                <p className="muted small">{m.project}</p>
              </div>
            ))}
          </li>
        );
      })}
    </ol>
  );
}

function StepCard({
  step,
  hoursThisWeek,
  until,
  week,
  status,
  spent,
  onChange,
  busy,
}: {
  step: PlanStep;
  hoursThisWeek: number;
  until: number;
  week: number;
  status: ProgressStatus | undefined;
  spent: number | undefined;
  onChange: OnProgress;
  busy: boolean;
}) {
  const [askingHours, setAskingHours] = useState(false);
  const [hours, setHours] = useState(String(Math.ceil(step.hours * 1.5)));
  const finished = status === 'done' || status === 'took-longer';
  // The box shows a click at once; it follows the saved plan again as soon as that changes.
  const [clicked, setClicked] = useState<boolean | null>(null);
  const [savedState, setSavedState] = useState(finished);
  if (savedState !== finished) {
    setSavedState(finished);
    setClicked(null);
  }
  const checked = clicked ?? finished;
  const checkboxId = `done-${step.id}`;
  return (
    <li id={`step-${step.id}`} tabIndex={-1} className={`step${checked ? ' finished' : ''}`}>
      <div className="step-head">
        <input
          id={checkboxId}
          type="checkbox"
          checked={checked}
          disabled={busy}
          onChange={(e) => {
            setClicked(e.target.checked);
            onChange(
              e.target.checked ? { stepId: step.id, status: 'done' } : { stepId: step.id, status: 'clear' },
              () => setClicked(null),
            );
          }}
        />
        <label htmlFor={checkboxId}>
          <strong>{step.name}</strong> → {LEVEL_NAMES[step.level]}
          <span className="visually-hidden"> (mark as done)</span>
        </label>
        <span className="muted small">
          {formatHours(step.hours)}
          {until > week ? ` over weeks ${week}–${until}` : ` · ${formatHours(hoursThisWeek)} this week`}
        </span>
      </div>
      <p className="step-outcome">{step.outcome}</p>
      <p className="step-resource">
        <a href={step.resource.url} target="_blank" rel="noopener noreferrer">
          {step.resource.title}
        </a>{' '}
        <span className="muted small">
          · {step.resource.provider} · {step.resource.format} ·{' '}
          {step.resource.cost === 0 ? 'free' : `$${step.resource.cost}`}
          {step.preferenceRelaxed ? ' · nothing matched your preferences, so this is the best other fit' : ''}
        </span>
      </p>
      <details className="small">
        <summary>Why this step</summary>
        <ul>
          {step.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      </details>
      {status === 'took-longer' && (
        <p className="small">You recorded {formatHours(spent ?? step.hours)} for this step.</p>
      )}
      <div className="step-actions">
        {askingHours ? (
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              const value = Number(hours);
              if (!Number.isFinite(value) || value <= 0) return;
              onChange({ stepId: step.id, status: 'took-longer', hours: value });
              setAskingHours(false);
            }}
          >
            <label htmlFor={`hours-${step.id}`}>Hours it really took</label>
            <input
              id={`hours-${step.id}`}
              type="number"
              min={0.5}
              max={1000}
              step={0.5}
              value={hours}
              onChange={(e) => setHours(e.target.value)}
              required
            />
            <button type="submit" className="button small" disabled={busy}>
              Save
            </button>
            <button type="button" className="button ghost small" onClick={() => setAskingHours(false)}>
              Cancel
            </button>
          </form>
        ) : (
          <>
            <button type="button" className="button ghost small" disabled={busy} onClick={() => setAskingHours(true)}>
              Took longer…<span className="visually-hidden"> ({step.name})</span>
            </button>
            {!finished && (
              <button
                type="button"
                className="button ghost small"
                disabled={busy}
                onClick={() => onChange({ stepId: step.id, status: 'skipped' })}
              >
                Skip<span className="visually-hidden"> {step.name}</span>
              </button>
            )}
          </>
        )}
      </div>
    </li>
  );
}

function SkippedSteps({ data, onChange, busy }: { data: ProfilePlan; onChange: OnProgress; busy: boolean }) {
  const skills = useSkills();
  const skipped = data.progress.filter((r) => r.status === 'skipped');
  if (skipped.length === 0) return null;
  const nameOf = (stepId: string) => {
    const [skillId, level] = stepId.split('@');
    return `${skills.data?.find((s) => s.id === skillId)?.name ?? skillId} → ${LEVEL_NAMES[Number(level)] ?? level}`;
  };
  return (
    <section className="card section" aria-labelledby="skipped-heading">
      <h2 id="skipped-heading">Skipped</h2>
      <ul className="saved-list">
        {skipped.map((r) => (
          <li key={r.stepId}>
            <span>{nameOf(r.stepId)}</span>
            <button
              type="button"
              className="button ghost small"
              disabled={busy}
              onClick={() => onChange({ stepId: r.stepId, status: 'clear' })}
            >
              Put back in the plan<span className="visually-hidden"> ({nameOf(r.stepId)})</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
