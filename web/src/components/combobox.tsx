import { useId, useState, type ReactNode } from 'react';

interface ComboboxProps<T> {
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  options: readonly T[];
  optionKey: (option: T) => string;
  renderOption: (option: T) => ReactNode;
  onSelect: (option: T) => void;
  placeholder?: string;
  /** Shown under the input while typing: searching…, no match, an error. */
  status?: ReactNode;
  hint?: ReactNode;
  autoFocus?: boolean;
  name?: string;
}

/** A text box with suggestions, following the WAI-ARIA combobox pattern (arrows, Enter, Escape). */
export function Combobox<T>({
  label,
  value,
  onValueChange,
  options,
  optionKey,
  renderOption,
  onSelect,
  placeholder,
  status,
  hint,
  autoFocus,
  name,
}: ComboboxProps<T>) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const expanded = open && value.trim().length > 0 && options.length > 0;
  const choose = (option: T) => {
    onSelect(option);
    setOpen(false);
    setActive(-1);
  };
  return (
    <div className="field combobox">
      <label htmlFor={`${id}-input`}>{label}</label>
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <input
        id={`${id}-input`}
        name={name}
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={`${id}-list`}
        aria-activedescendant={expanded && active >= 0 ? `${id}-option-${active}` : undefined}
        aria-describedby={hint ? `${id}-hint` : undefined}
        placeholder={placeholder}
        autoFocus={autoFocus}
        value={value}
        onChange={(event) => {
          onValueChange(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            setOpen(true);
            setActive((i) => Math.min(options.length - 1, i + 1));
          } else if (event.key === 'ArrowUp') {
            event.preventDefault();
            setActive((i) => Math.max(0, i - 1));
          } else if (event.key === 'Enter' && expanded) {
            event.preventDefault();
            const option = options[Math.max(0, active)];
            if (option !== undefined) choose(option);
          } else if (event.key === 'Escape') {
            setOpen(false);
          }
        }}
      />
      <ul
        id={`${id}-list`}
        role="listbox"
        aria-label={`Suggestions: ${label}`}
        className="combobox-list"
        hidden={!expanded}
      >
        {options.map((option, i) => (
          <li
            key={optionKey(option)}
            id={`${id}-option-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : undefined}
            // mousedown, not click: it comes before the input's blur closes the list
            onMouseDown={(event) => {
              event.preventDefault();
              choose(option);
            }}
          >
            {renderOption(option)}
          </li>
        ))}
      </ul>
      {status && (
        <div className="combobox-status" aria-live="polite">
          {status}
        </div>
      )}
    </div>
  );
}
