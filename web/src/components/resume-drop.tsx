import { useId, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { uploadFile } from '../api/client';
import type { Extraction } from '../api/types';
import { ErrorNotice } from './status-views';

const MAX_BYTES = 10 * 1024 * 1024;
const ACCEPT = '.pdf,.docx,.txt,.md,.html,.htm';

/** Drop or pick a résumé; the local server reads it and finds the skills in it. */
export function ResumeDrop({ onRead, onClear }: { onRead: (extraction: Extraction) => void; onClear: () => void }) {
  const id = useId();
  const [dragging, setDragging] = useState(false);
  const [fileName, setFileName] = useState<string | null>(null);
  const [tooLarge, setTooLarge] = useState<string | null>(null);
  const read = useMutation({
    mutationFn: (file: File) => uploadFile<Extraction>('/api/extract', file),
    onSuccess: (extraction) => onRead(extraction),
  });
  const take = (file: File | undefined) => {
    if (!file) return;
    setFileName(file.name);
    setTooLarge(null);
    read.reset();
    onClear();
    // Refused here so a huge file is not even sent to the local server.
    if (file.size > MAX_BYTES)
      setTooLarge(
        `${file.name} is ${(file.size / 1048576).toFixed(1)} MB; the limit is 10 MB. Save the résumé without images, or as plain text.`,
      );
    else read.mutate(file);
  };
  return (
    <div className="field">
      <span className="label" id={`${id}-label`}>
        Your résumé <span className="muted">(optional: PDF, Word .docx or text)</span>
      </span>
      <label
        htmlFor={`${id}-file`}
        className={`drop-zone${dragging ? ' dragging' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          take(event.dataTransfer.files[0]);
        }}
      >
        <svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true">
          <path
            d="M12 16V4m0 0l-4 4m4-4l4 4M4 16v3a1 1 0 001 1h14a1 1 0 001-1v-3"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
        <span>
          <strong>Drop your résumé here</strong> or choose a file
        </span>
        <span className="muted small">It is read by Upskill on this computer and never sent anywhere else.</span>
      </label>
      <input
        id={`${id}-file`}
        className="visually-hidden"
        type="file"
        accept={ACCEPT}
        aria-labelledby={`${id}-label`}
        onChange={(event) => take(event.target.files?.[0])}
      />
      <div aria-live="polite">
        {read.isPending && <p className="status-line">Reading {fileName}…</p>}
        {read.isSuccess && (
          <p className="status-line success">
            Read {fileName}
            {read.data.pages ? ` (${read.data.pages} page${read.data.pages > 1 ? 's' : ''})` : ''}: found{' '}
            {read.data.skills.filter((s) => !s.negated).length} skills.
          </p>
        )}
      </div>
      {tooLarge && <ErrorNotice title="That file is too large" error={tooLarge} />}
      {read.isError && <ErrorNotice title={`Could not read ${fileName}`} error={read.error} />}
    </div>
  );
}
