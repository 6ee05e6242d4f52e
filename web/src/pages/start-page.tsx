import { useState, type FormEvent } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import {
  useCreateProfile,
  useDeleteProfile,
  useOccupationsFromText,
  useProfiles,
  useTitleSearch,
} from '../api/queries';
import { AUGMENT, GoalSelect, HoursField } from '../components/plan-fields';
import type { Extraction, TitleMatch } from '../api/types';
import { OccupationPicker } from '../components/occupation-picker';
import { Page } from '../components/page';
import { ResumeDrop } from '../components/resume-drop';
import { ErrorNotice, Loading } from '../components/status-views';
import { setCurrentProfile, useCurrentProfileId } from '../profile-store';

const OCCUPATION_CODE = /^\d{2}-\d{4}(\.\d{2})?$/;

export function StartPage() {
  const [, navigate] = useLocation();
  const create = useCreateProfile();
  const [title, setTitle] = useState('');
  const [chosen, setChosen] = useState<TitleMatch | null>(null);
  const [resumeText, setResumeText] = useState<string | null>(null);
  const [hours, setHours] = useState(5);
  // A link from a skill's market page names the plan (?target=role) that teaches it.
  const [target, setTarget] = useState(new URLSearchParams(useSearch()).get('target') ?? AUGMENT);
  const [name, setName] = useState('');
  const [missingTitle, setMissingTitle] = useState(false);
  // The title typed and submitted without picking an occupation: the person is asked which they mean.
  const [unconfirmed, setUnconfirmed] = useState<{ typed: string; candidates: TitleMatch[] } | null>(null);
  const fromResume = useOccupationsFromText();
  const typed = useTitleSearch(title.trim());
  const candidates = typed.data?.query === title.trim() ? typed.data.matches : [];
  const choose = (match: TitleMatch) => {
    setChosen(match);
    setTitle(match.title);
    setMissingTitle(false);
  };
  const readResume = (extraction: Extraction) => {
    setResumeText(extraction.text);
    fromResume.mutate(extraction.text);
  };
  // A résumé can stand in for the title: until one is typed or picked, the first occupation it names is used.
  const occupation = chosen ?? (title.trim() ? null : (fromResume.data?.[0] ?? null));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const code = occupation?.code ?? title.trim();
    if (!code) {
      setMissingTitle(true);
      return;
    }
    // A plan is never made for an occupation the person did not choose: a typed title is confirmed
    // first, unless it is a code or the occupation's own title. With no candidates the server explains.
    const [best] = candidates;
    const own = best && best.title.toLowerCase() === code.toLowerCase() ? best : undefined;
    if (!occupation && !OCCUPATION_CODE.test(code) && best && !own) {
      setUnconfirmed({ typed: code, candidates });
      return;
    }
    create.mutate(
      {
        name: (name.trim() || occupation?.title || title.trim()).slice(0, 80),
        occupation: occupation?.code ?? own?.code ?? code,
        target,
        hoursPerWeek: hours,
        ...(resumeText ? { resumeText } : {}),
      },
      {
        onSuccess: (profile) => {
          setCurrentProfile(profile.id);
          navigate('/job');
        },
      },
    );
  };

  return (
    <Page
      title="Generative AI and your job"
      lead="Find which of your tasks AI can help with, which skills you lack for the role you want,
        and a dated plan that fits your week — from public data, on your own computer."
    >
      <div className="start-grid">
        <form className="card form" onSubmit={submit} noValidate aria-describedby="privacy-note">
          <h2>Tell us about your work</h2>
          <OccupationPicker
            label="Your job title"
            hint={
              'Type your title as you would say it and pick the closest occupation — ' +
              'or drop your résumé below and Upskill reads it from there.'
            }
            value={title}
            onValueChange={(value) => {
              setTitle(value);
              setChosen(null);
              setMissingTitle(false);
              setUnconfirmed(null);
            }}
            onSelect={choose}
          />
          <p className="chosen" aria-live="polite">
            {occupation && (
              <>
                Occupation: <strong>{occupation.title}</strong> <span className="muted">({occupation.code})</span>
              </>
            )}
          </p>
          {unconfirmed !== null && (
            <ConfirmOccupation
              typed={unconfirmed.typed}
              candidates={unconfirmed.candidates}
              chosen={occupation}
              onChoose={(match) => {
                setChosen(match);
                setTitle(match.title);
              }}
            />
          )}
          {missingTitle && (
            <p className="field-error" role="alert">
              Enter your job title, or drop a résumé that names it.
            </p>
          )}

          <ResumeDrop
            onRead={readResume}
            onClear={() => {
              setResumeText(null);
              fromResume.reset();
            }}
          />
          {fromResume.data && fromResume.data.length > 0 && (
            <fieldset className="suggested">
              <legend>Your résumé names</legend>
              {fromResume.data.map((match) => (
                <label key={match.code} className={occupation?.code === match.code ? 'checked' : undefined}>
                  <input
                    type="radio"
                    name="resume-occupation"
                    checked={occupation?.code === match.code}
                    onChange={() => choose(match)}
                  />
                  <span>
                    {match.title} <span className="muted small">(from “{match.evidence}”)</span>
                  </span>
                </label>
              ))}
            </fieldset>
          )}

          <HoursField value={hours} onChange={setHours} />
          <GoalSelect value={target} onChange={setTarget} />

          <div className="field">
            <label htmlFor="plan-name">
              Name this plan <span className="muted">(optional)</span>
            </label>
            <input
              id="plan-name"
              type="text"
              maxLength={80}
              value={name}
              onChange={(event) => setName(event.target.value)}
              placeholder="e.g. Jane — 2027 plan"
            />
          </div>

          {create.isError && <ErrorNotice title="The plan could not be made" error={create.error} />}
          <button type="submit" className="button primary" disabled={create.isPending}>
            {create.isPending ? 'Working it out…' : 'Show my job and AI'}
          </button>
          <p id="privacy-note" className="muted small">
            Everything stays on this computer: the Upskill server reads your résumé and keeps your plan in its local
            database. No account, no tracking.
          </p>
        </form>
        <SavedPlans />
      </div>
    </Page>
  );
}

/** "Which occupation is “uber driver”?": the candidates for a title typed but not picked, one to choose. */
function ConfirmOccupation({
  typed,
  candidates,
  chosen,
  onChoose,
}: {
  typed: string;
  candidates: readonly TitleMatch[];
  chosen: TitleMatch | null;
  onChoose: (match: TitleMatch) => void;
}) {
  return (
    <fieldset className="suggested" aria-describedby="confirm-help">
      <legend>Which occupation is “{typed}”?</legend>
      <p id="confirm-help" className="muted small" role="alert">
        Pick the one closest to your work — the plan is made for the occupation you choose.
      </p>
      {candidates.map((match, i) => (
        <label key={match.code} className={chosen?.code === match.code ? 'checked' : undefined}>
          <input
            type="radio"
            name="confirm-occupation"
            checked={chosen?.code === match.code}
            onChange={() => onChoose(match)}
            autoFocus={i === 0}
          />
          <span>
            {match.title}{' '}
            <span className="muted small">
              ({match.matched !== match.title ? `“${match.matched}” · ` : ''}
              {match.code})
            </span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

function SavedPlans() {
  const profiles = useProfiles();
  const remove = useDeleteProfile();
  const current = useCurrentProfileId();
  if (profiles.isPending) return <Loading what="your saved plans" />;
  if (profiles.isError)
    return (
      <ErrorNotice title="Your saved plans did not load" error={profiles.error} retry={() => void profiles.refetch()} />
    );
  return (
    <section className="card" aria-labelledby="saved-heading">
      <h2 id="saved-heading">Your saved plans</h2>
      {profiles.data.length === 0 ? (
        <p className="muted">
          None yet. Your plan is saved on this computer when you start, and you can come back to it here.
        </p>
      ) : (
        <ul className="saved-list">
          {profiles.data.map((profile) => (
            <li key={profile.id} className={profile.id === current ? 'current' : undefined}>
              <div>
                <strong>{profile.name}</strong>
                <span className="muted small">
                  {' '}
                  · {profile.hoursPerWeek} h a week from {profile.startDate}
                  {profile.id === current ? ' · open now' : ''}
                </span>
              </div>
              <div className="row-actions">
                <Link href="/path" className="button secondary small" onClick={() => setCurrentProfile(profile.id)}>
                  Open<span className="visually-hidden"> {profile.name}</span>
                </Link>
                <button
                  type="button"
                  className="button ghost small"
                  disabled={remove.isPending}
                  onClick={() => {
                    if (!window.confirm(`Delete “${profile.name}” and its progress? This cannot be undone.`)) return;
                    remove.mutate(profile.id, { onSuccess: () => profile.id === current && setCurrentProfile(null) });
                  }}
                >
                  Delete<span className="visually-hidden"> {profile.name}</span>
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {remove.isError && <ErrorNotice title="The plan was not deleted" error={remove.error} />}
    </section>
  );
}
