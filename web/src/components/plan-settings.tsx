import { useState, type FormEvent } from 'react';
import { useUpdateProfile } from '../api/queries';
import type { Profile } from '../api/types';
import { GoalSelect, HoursField } from './plan-fields';
import { ErrorNotice } from './status-views';

/** Change the hours a week or the goal after the start; the plan re-flows, done work stays. */
export function PlanSettings({ profile, onSaved }: { profile: Profile; onSaved: (message: string) => void }) {
  const update = useUpdateProfile(profile.id);
  const [hours, setHours] = useState(profile.hoursPerWeek);
  const [target, setTarget] = useState(profile.target);
  const changed = hours !== profile.hoursPerWeek || target !== profile.target;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(
      { hoursPerWeek: hours, target },
      {
        onSuccess: () => onSaved(`Saved: ${hours} hours a week. Your plan re-flowed from this week; done steps stay.`),
      },
    );
  };
  return (
    <details className="card settings">
      <summary>Change hours or goal</summary>
      <form className="form" onSubmit={submit}>
        <HoursField value={hours} onChange={setHours} />
        <GoalSelect value={target} onChange={setTarget} />
        {update.isError && <ErrorNotice title="The change was not saved" error={update.error} />}
        <button type="submit" className="button" disabled={!changed || update.isPending}>
          {update.isPending ? 'Re-planning…' : 'Save and re-plan'}
        </button>
      </form>
    </details>
  );
}
