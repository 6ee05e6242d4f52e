import { useState, type FormEvent } from 'react';
import { useMobility } from '../api/org';
import { useRoles } from '../api/queries';
import { EmptyState, ErrorNotice, Loading } from '../components/status-views';
import { AccessNote, hoursText, OrgPage, percent } from './org-shared';

/** Who could move into a role or occupation: ranked by closeness, with what each would need to learn. */
export default function OrgMobilityPage() {
  const roles = useRoles();
  const [draft, setDraft] = useState('');
  const [target, setTarget] = useState('');
  const mobility = useMobility(target);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTarget(draft.trim());
  };
  return (
    <OrgPage
      title="Mobility"
      lead="Fill a role from inside: who is closest, what they would learn, and how long it takes."
    >
      <form className="inline-form" onSubmit={submit}>
        <div className="field">
          <label htmlFor="mobility-target">Target role or occupation</label>
          <input
            id="mobility-target"
            type="text"
            list="mobility-roles"
            placeholder="a role id, an O*NET code or a job title"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
          />
          <datalist id="mobility-roles">
            {roles.data?.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </datalist>
        </div>
        <button type="submit" className="button" disabled={draft.trim().length === 0}>
          Rank people
        </button>
      </form>
      {target === '' ? (
        <EmptyState title="Choose a target">
          <p>A target role (such as {roles.data?.[0]?.id ?? 'ai-content-creator'}) or an occupation.</p>
        </EmptyState>
      ) : mobility.isPending ? (
        <Loading what="the ranking" />
      ) : mobility.isError ? (
        <ErrorNotice error={mobility.error} />
      ) : (
        <section className="card section" aria-labelledby="mobility-heading">
          <h2 id="mobility-heading">
            Closest to {mobility.data.target.name}{' '}
            <span className="muted small">
              ({mobility.data.people.length} of {mobility.data.total} people)
            </span>
          </h2>
          <p className="small muted">{mobility.data.formula}</p>
          <AccessNote text={mobility.data.access} />
          <ol className="mobility-list">
            {mobility.data.people.map((p) => (
              <li key={p.rank} className="mobility-person">
                <p>
                  <strong>{p.name ?? p.personKey ?? `Person ranked ${p.rank}`}</strong>
                  {p.team && <span className="muted"> · {p.team}</span>} — closeness {Math.round(p.closeness)} of 100
                  (skills {percent(p.skillMatch)}
                  {p.related ? ', a related occupation' : ''}
                  {p.sharedActivities > 0 ? `, ${p.sharedActivities} shared work activities` : ''})
                </p>
                <p className="small">
                  Needs {hoursText(p.hours)}, about {p.weeks} weeks:{' '}
                  {p.needs.length === 0
                    ? 'nothing — ready now'
                    : p.needs
                        .slice(0, 5)
                        .map((n) => `${n.label} ${n.from}→${n.to}`)
                        .join(', ')}
                </p>
              </li>
            ))}
          </ol>
        </section>
      )}
    </OrgPage>
  );
}
