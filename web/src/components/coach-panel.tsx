import { useEffect, useId, useRef, useState, type MouseEvent, type ReactNode } from 'react';
import { useLocation } from 'wouter';
import {
  askCoachStream,
  useAcceptPlanChange,
  useProposePlanChange,
  useCoachPreview,
  useCoachStatus,
  useSetCoachEnabled,
  type CitationTarget,
  type CoachAnswer,
  type CoachQuestion,
} from '../api/coach';
import { ErrorNotice } from './status-views';

/** Whom the coach answers: the saved profile (its plan and progress), or anyone in an occupation. */
export type CoachSubject = { profileId: string } | { occupation: string };

const CITATION = /\[((?:[TSR]:[^\]\s,;]+)(?:\s*[,;]\s*[TSR]:[^\]\s,;]+)*)\]/g;
const KIND_WORDS: Record<CitationTarget['kind'], string> = {
  task: 'your task',
  step: 'plan step',
  resource: 'resource',
};

/** Scrolls to the element a citation points to and gives it the focus (so the keyboard follows too). */
export function focusTarget(id: string): boolean {
  const element = document.getElementById(id);
  if (!element) return false;
  if (!element.hasAttribute('tabindex')) element.setAttribute('tabindex', '-1');
  element.scrollIntoView({ block: 'center' });
  element.focus({ preventScroll: true });
  return true;
}

/** After a page's data is in, moves to the task or step named in the address (#task-1839), if any. */
export function useFocusHash(ready: boolean): void {
  useEffect(() => {
    if (ready && window.location.hash.length > 1) focusTarget(decodeURIComponent(window.location.hash.slice(1)));
  }, [ready]);
}

function CitationLink({ target }: { target: CitationTarget }) {
  const [, navigate] = useLocation();
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    const url = new URL(target.href, window.location.origin);
    if (url.origin !== window.location.origin) return;
    event.preventDefault();
    const id = decodeURIComponent(url.hash.slice(1));
    // On the page already: go straight to it; else open its page, which moves to it once loaded.
    if (focusTarget(id)) window.history.replaceState(window.history.state, '', url.hash);
    else navigate(`${url.pathname}${url.search}${url.hash}`);
  };
  const external = !target.href.startsWith('/');
  return (
    <a
      href={target.href}
      onClick={follow}
      className="citation"
      {...(external ? { target: '_blank', rel: 'noopener noreferrer' } : {})}
    >
      [{target.id}]<span className="visually-hidden"> {`${KIND_WORDS[target.kind]}: ${target.label}`}</span>
    </a>
  );
}

/** The answer's text with each citation of something that was sent turned into a link to it. */
function AnswerText({ text, sent }: { text: string; sent: CitationTarget[] }) {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(CITATION)) {
    parts.push(text.slice(last, match.index));
    for (const id of match[1]!.split(/\s*[,;]\s*/)) {
      const target = sent.find((t) => t.id === id);
      parts.push(
        target ? (
          <CitationLink key={`${match.index}-${id}`} target={target} />
        ) : (
          <mark key={`${match.index}-${id}`}>[{id}]</mark>
        ),
      );
    }
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  return <div className="coach-answer-text">{parts}</div>;
}

/**
 * The coach as a chat panel: a question, the answer streamed in as it comes, its citations linked
 * to the task or step. With a provider set up but off, it answers offline and offers to turn the
 * provider on — after showing exactly what would be sent.
 */
export function CoachPanel({ subject, intro }: { subject: CoachSubject; intro: string }) {
  return (
    <CoachPanelWith subject={subject} intro={intro}>
      {(question, on) =>
        'profileId' in subject && on ? <PlanChange profileId={subject.profileId} request={question} /> : null
      }
    </CoachPanelWith>
  );
}

/** A change to the plan the model proposes from the question; applied only when the person accepts it. */
function PlanChange({ profileId, request }: { profileId: string; request: string }) {
  const propose = useProposePlanChange();
  const accept = useAcceptPlanChange(profileId);
  const proposal = propose.data;
  return (
    <div className="coach-change">
      <button
        type="button"
        className="button secondary"
        disabled={request === '' || propose.isPending}
        onClick={() => {
          accept.reset();
          propose.mutate({ profileId, request });
        }}
      >
        {propose.isPending ? 'Asking for a change…' : 'Propose a plan change'}
      </button>
      {propose.isError && <ErrorNotice title="No change could be proposed" error={propose.error} />}
      <div aria-live="polite">
        {proposal?.status === 'rejected' && <p className="notice notice-warn">{proposal.message}</p>}
        {proposal?.status === 'proposed' && proposal.effect && proposal.change && (
          <div className="notice" role="region" aria-label="Proposed plan change">
            <p>{proposal.message}</p>
            <p>
              {proposal.effect.step.name}: {proposal.effect.step.before.title} ({proposal.effect.step.before.format}) →{' '}
              {proposal.effect.step.after
                ? `${proposal.effect.step.after.title} (${proposal.effect.step.after.format})`
                : 'no longer in the plan'}
              ; the plan ends {proposal.effect.endDate.after} (now {proposal.effect.endDate.before}).
            </p>
            {accept.isSuccess ? (
              <p role="status">Accepted: your plan now follows this change.</p>
            ) : (
              <div className="coach-actions">
                <button
                  type="button"
                  className="button primary"
                  disabled={accept.isPending}
                  onClick={() => accept.mutate(proposal.change!)}
                >
                  Accept the change
                </button>
                <button type="button" className="button ghost" onClick={() => propose.reset()}>
                  Keep my plan
                </button>
              </div>
            )}
            {accept.isError && <ErrorNotice title="The change was not applied" error={accept.error} />}
          </div>
        )}
      </div>
    </div>
  );
}

function CoachPanelWith({
  subject,
  intro,
  children,
}: {
  subject: CoachSubject;
  intro: string;
  children: (question: string, on: boolean) => ReactNode;
}) {
  const status = useCoachStatus();
  const preview = useCoachPreview();
  const enable = useSetCoachEnabled();
  const [question, setQuestion] = useState('');
  const [asked, setAsked] = useState('');
  const [text, setText] = useState('');
  const [sent, setSent] = useState<CitationTarget[]>([]);
  const [answer, setAnswer] = useState<CoachAnswer | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [streaming, setStreaming] = useState(false);
  const running = useRef<AbortController | null>(null);
  const id = useId();
  useEffect(() => () => running.current?.abort(), []);

  const body = (q: string): CoachQuestion => ({ question: q, ...subject });
  const ask = async (q: string) => {
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    setAsked(q);
    setText('');
    setAnswer(null);
    setError(null);
    preview.reset();
    setStreaming(true);
    try {
      const done = await askCoachStream(
        body(q),
        { onStart: (start) => setSent(start.sent), onDelta: (piece) => setText((t) => t + piece) },
        controller.signal,
      );
      setText(done.answer);
      setAnswer(done);
    } catch (caught) {
      if (!controller.signal.aborted) setError(caught);
    } finally {
      if (running.current === controller) setStreaming(false);
    }
  };

  const provider = status.data?.provider ?? null;
  const off = !!provider && !status.data?.enabled;
  return (
    <section className="card section coach" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Ask the coach</h2>
      <p className="muted small">{intro}</p>
      <p className="small coach-provider">
        {provider ? (
          <>
            Model: {provider.model} at {new URL(provider.baseUrl).host}{' '}
            <span className={`tag tag-${provider.location}`}>{provider.location === 'local' ? 'local' : 'remote'}</span>{' '}
            {off ? '· off: nothing is sent until you turn it on' : '· on'}
          </>
        ) : (
          'Offline coach: answers from your tasks, plan and resources; no model is set up (see upskill coach setup).'
        )}
      </p>
      <form
        className="coach-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (question.trim()) void ask(question.trim());
        }}
      >
        <label htmlFor={`${id}-question`}>Your question</label>
        <textarea
          id={`${id}-question`}
          value={question}
          maxLength={2000}
          rows={2}
          placeholder="e.g. Which should I learn first if I only have two hours?"
          onChange={(event) => setQuestion(event.target.value)}
          onKeyDown={(event) => {
            // Enter asks, Shift+Enter starts a new line: as in other chat boxes.
            if (event.key === 'Enter' && !event.shiftKey) {
              event.preventDefault();
              event.currentTarget.form?.requestSubmit();
            }
          }}
        />
        <div className="coach-actions">
          <button type="submit" className="button primary" disabled={streaming || question.trim() === ''}>
            {streaming ? 'Answering…' : 'Ask'}
          </button>
          {provider && (
            <button
              type="button"
              className="button secondary"
              disabled={question.trim() === '' || preview.isPending}
              onClick={() => preview.mutate(body(question.trim()))}
            >
              Show what would be sent
            </button>
          )}
        </div>
      </form>

      {preview.isError && <ErrorNotice title="The preview could not be made" error={preview.error} />}
      {preview.data && (
        <div className="coach-preview" role="region" aria-label="What would be sent">
          <p>
            <strong>Exactly this would be sent to {preview.data.status.provider?.label}</strong>{' '}
            <span className="muted small">
              (redacted: {preview.data.redacted.name} names, {preview.data.redacted.email} e-mail addresses,{' '}
              {preview.data.redacted.phone} phone numbers, {preview.data.redacted.employer} employer names)
            </span>
          </p>
          {preview.data.messages.map((message, i) => (
            <details key={i} open={message.role === 'user'}>
              <summary>{message.role === 'system' ? 'Instructions' : 'Your context and question'}</summary>
              <pre tabIndex={0}>{message.content}</pre>
            </details>
          ))}
          {off && (
            <button
              type="button"
              className="button primary"
              disabled={enable.isPending}
              onClick={() =>
                enable.mutate(true, {
                  onSuccess: () => {
                    void ask(question.trim());
                  },
                })
              }
            >
              Turn the coach on and send it
            </button>
          )}
          {enable.isError && <ErrorNotice title="The coach could not be turned on" error={enable.error} />}
        </div>
      )}

      <div className="coach-answer" role="log" aria-live="polite" aria-busy={streaming} aria-label="The coach’s answer">
        {asked && (
          <>
            <p className="coach-question">
              <span className="visually-hidden">You asked: </span>
              <strong>{asked}</strong>
            </p>
            {(text || streaming) && <AnswerText text={text || '…'} sent={sent} />}
          </>
        )}
        {answer?.notice && <p className="notice">{answer.notice}</p>}
        {answer?.flags.map((flag) => (
          <p key={flag.code} className="notice notice-warn">
            {flag.message}
          </p>
        ))}
        {answer && answer.citations.length > 0 && (
          <div className="coach-citations">
            <h3>Cited</h3>
            <ul>
              {answer.citations.map((citation) => (
                <li key={citation.id}>
                  <CitationLink target={citation} /> {citation.label}
                </li>
              ))}
            </ul>
          </div>
        )}
        {answer && (
          <p className="muted small">
            {answer.mode === 'offline'
              ? 'Offline answer, assembled from your data without a model.'
              : `Answered by ${answer.provider?.label}.`}
          </p>
        )}
      </div>
      {error !== null && <ErrorNotice title="The coach could not answer" error={error} retry={() => void ask(asked)} />}
      {children(question.trim(), !!provider && !off)}
      {off && !preview.data && answer?.mode === 'offline' && (
        <p className="small">
          Want {provider.model} to answer instead? “Show what would be sent” first; nothing leaves this computer until
          you turn it on.
        </p>
      )}
    </section>
  );
}
