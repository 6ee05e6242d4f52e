import { useDeferredValue } from 'react';
import { useTitleSearch } from '../api/queries';
import type { TitleMatch } from '../api/types';
import { Combobox } from './combobox';

/** Job-title box with instant suggestions from the title resolver. */
export function OccupationPicker({
  label,
  value,
  onValueChange,
  onSelect,
  hint,
  autoFocus,
}: {
  label: string;
  value: string;
  onValueChange: (v: string) => void;
  onSelect: (match: TitleMatch) => void;
  hint?: string;
  autoFocus?: boolean;
}) {
  const query = useDeferredValue(value.trim());
  const search = useTitleSearch(query);
  const matches = query && search.data?.query === query ? search.data.matches : (search.data?.matches ?? []);
  let status: string | undefined;
  if (search.isError) status = search.error.message;
  else if (query && search.data?.query === query && matches.length === 0)
    status = `No occupation matches “${query}”. Try a more common title, e.g. “accountant”.`;
  return (
    <Combobox
      label={label}
      hint={hint}
      value={value}
      onValueChange={onValueChange}
      options={query ? matches : []}
      optionKey={(m) => m.code}
      onSelect={onSelect}
      autoFocus={autoFocus}
      placeholder="e.g. marketing specialist, nurse, payroll clerk"
      status={status}
      renderOption={(m) => (
        <span className="suggestion">
          <span>{m.title}</span>
          <span className="muted small">
            {m.matched !== m.title ? `“${m.matched}” · ` : ''}
            {m.code}
          </span>
        </span>
      )}
    />
  );
}
