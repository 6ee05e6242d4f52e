import type { Extraction } from '../api/types';

type Mention = Extraction['mentions'][number];

/** The résumé text with every skill mention marked; the selected skill's mentions stand out. */
export function HighlightedText({
  text,
  mentions,
  selected,
}: {
  text: string;
  mentions: readonly Mention[];
  selected?: string | null;
}) {
  const parts: (string | Mention)[] = [];
  let at = 0;
  for (const mention of [...mentions].sort((a, b) => a.start - b.start)) {
    if (mention.start < at) continue; // overlapping mentions: the first one wins
    parts.push(text.slice(at, mention.start), mention);
    at = mention.end;
  }
  parts.push(text.slice(at));
  return (
    <div className="resume-text" tabIndex={0} aria-label="Your résumé text with the skills found in it marked">
      {parts.map((part, i) =>
        typeof part === 'string' ? (
          part
        ) : (
          <mark
            key={i}
            className={part.skillId === selected ? 'selected' : part.negated ? 'negated' : undefined}
            title={`${part.label}${part.negated ? ' (mentioned as not known)' : ''} · ${part.section}`}
          >
            {text.slice(part.start, part.end)}
          </mark>
        ),
      )}
    </div>
  );
}
