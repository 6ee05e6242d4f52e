import { useId } from 'react';
import { useRoles } from '../api/queries';
import { ErrorNotice } from './status-views';

export const AUGMENT = 'ai-augmented';

/** Hours a week to learn, 1–40, as a slider that says its value. */
export function HoursField({ value, onChange }: { value: number; onChange: (hours: number) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>
        Time to learn: <output htmlFor={id}>{value} hours a week</output>
      </label>
      <input
        id={id}
        type="range"
        min={1}
        max={40}
        value={value}
        onChange={(event) => onChange(Number(event.target.value))}
        aria-describedby={`${id}-hint`}
      />
      <p className="field-hint" id={`${id}-hint`}>
        Most people keep up 3–8 hours a week next to a job.
      </p>
    </div>
  );
}

/** The plan's goal: the worker's own job done with AI, or one of the authored AI roles. */
export function GoalSelect({ value, onChange }: { value: string; onChange: (target: string) => void }) {
  const id = useId();
  const roles = useRoles();
  const role = roles.data?.find((r) => r.id === value);
  return (
    <div className="field">
      <label htmlFor={id}>Your goal</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)} disabled={roles.isPending}>
        <option value={AUGMENT}>Do my current job with AI (recommended)</option>
        {roles.data && (
          <optgroup label="Move into an AI role">
            {roles.data.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </optgroup>
        )}
      </select>
      <p className="field-hint">
        {role ? role.description : 'Learn the AI skills that matter most for the tasks of your own occupation.'}
      </p>
      {roles.isError && (
        <ErrorNotice title="The list of roles did not load" error={roles.error} retry={() => void roles.refetch()} />
      )}
    </div>
  );
}
