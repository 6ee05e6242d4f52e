/**
 * How far AI may go on a work activity. `assist`: AI drafts, the person decides. `caution`: the work
 * touches personal, confidential or regulated data, so what may be pasted where is part of the
 * advice. `human-only`: safety-critical judgement, physical care, operating vehicles or machinery,
 * or decisions about a person — AI may prepare information, it never decides.
 */
export type RiskClass = 'assist' | 'caution' | 'human-only';

export const RISK_CLASSES: readonly RiskClass[] = ['assist', 'caution', 'human-only'];

export interface ToolCategory {
  /** A kind of tool, e.g. "General AI assistants". */
  category: string;
  /** Named products of that kind, from at least two vendors. */
  examples: string[];
}

/** Authored guidance for one O*NET Intermediate Work Activity (IWA). */
export interface ActivityGuidance {
  /** The IWA ID, e.g. 4.A.2.a.4.I09. */
  iwa: string;
  /** The IWA title exactly as O*NET publishes it. */
  title: string;
  risk: RiskClass;
  /** What AI can do on this activity, in one or two sentences. */
  aiCan: string;
  /** A short, concrete recipe: two to five steps. */
  recipe: string[];
  tools: ToolCategory[];
  /** What the person checks before using the result. */
  check: string;
  /** What stays with the person, whatever the risk class. */
  staysHuman: string;
  /** `caution` only: what never to paste, and which tools to prefer. */
  neverPaste?: string;
  /** Skills of the graph a worker practises by applying AI here (none for `human-only`). */
  skills: string[];
}
