import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { UpskillError } from '../domain/errors.js';
import { describeProvider, trimBaseUrl, type ProviderSettings } from '../sources/llm/chat-client.js';

const HttpUrl = z
  .string()
  .trim()
  .url()
  .refine((url) => /^https?:\/\//i.test(url), 'must be an http:// or https:// URL');

const ProviderSchema = z.object({
  kind: z.enum(['openai', 'ollama']),
  baseUrl: HttpUrl,
  model: z.string().trim().min(1).max(200),
  apiKey: z.string().min(1).max(500).optional(),
});

/** The coach's settings as kept in the settings file (personal mode). */
const SettingsSchema = z.object({
  provider: ProviderSchema.optional(),
  /** Where the person turned the coach on: each provider (kind and base URL), with when. */
  consent: z.array(z.object({ kind: z.enum(['openai', 'ollama']), baseUrl: z.string(), at: z.string() })).default([]),
  /** Redacted from every question, with the person's names, e-mails and phone numbers. */
  employer: z.string().trim().min(1).max(200).optional(),
  timeoutSeconds: z.number().int().min(1).max(600).optional(),
});

export type CoachSettings = z.infer<typeof SettingsSchema>;
export const NewProviderSchema = ProviderSchema;

/**
 * Where the coach's settings live. Personal mode: a file in the data directory. Team mode keeps the
 * organisation's settings in the database (the accounts issue): it supplies another store of this shape.
 */
export interface CoachSettingsStore {
  read(): CoachSettings;
  write(settings: CoachSettings): void;
  /** Where the settings are, for messages ("~/.upskill/coach.json"). */
  where: string;
}

/**
 * The coach settings of a running app. Personal mode: the file in its data directory. This is the
 * seam for team mode: there, the organisation's settings in the database are returned instead.
 */
export function coachSettingsStore(app: { config: { home: string } }): CoachSettingsStore {
  return fileSettingsStore(app.config.home);
}

/** The settings file `coach.json` in the data directory, readable and writable by its owner only (0600). */
export function fileSettingsStore(home: string): CoachSettingsStore {
  const file = join(home, 'coach.json');
  return {
    where: file,
    read: () => {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { consent: [] };
        throw error;
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw new UpskillError('CONFIG_INVALID', `${file}: not valid JSON.`, {
          hint: 'Fix it, or delete it and run `upskill coach setup` again.',
        });
      }
      const parsed = SettingsSchema.safeParse(json);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new UpskillError('CONFIG_INVALID', `${file}: ${issue.path.join('.') || 'settings'}: ${issue.message}`, {
          hint: 'Fix it, or delete it and run `upskill coach setup` again.',
        });
      }
      return parsed.data;
    },
    write: (settings) => {
      mkdirSync(home, { recursive: true, mode: 0o700 });
      // Written whole to a temporary file first, so a crash never leaves half a settings file.
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, `${JSON.stringify(SettingsSchema.parse(settings), null, 2)}\n`, { mode: 0o600 });
      chmodSync(temporary, 0o600);
      renameSync(temporary, file);
    },
  };
}

const EnvSchema = z.object({
  UPSKILL_LLM_PROVIDER: z.enum(['openai', 'ollama']).optional(),
  UPSKILL_LLM_BASE_URL: HttpUrl.optional(),
  UPSKILL_LLM_MODEL: z.string().trim().min(1).optional(),
  UPSKILL_LLM_API_KEY: z.string().min(1).optional(),
  UPSKILL_LLM_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).optional(),
});

/** The provider the environment sets (UPSKILL_LLM_*), if it sets one; a partial or wrong setting fails naming the variable. */
export function providerFromEnv(env: NodeJS.ProcessEnv = process.env): ProviderSettings | undefined {
  const parsed = EnvSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, value]) => value !== '')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UpskillError('CONFIG_INVALID', `Environment variable ${String(issue.path[0])} ${issue.message}`, {
      hint: 'UPSKILL_LLM_PROVIDER is openai or ollama; UPSKILL_LLM_BASE_URL an http(s) URL; UPSKILL_LLM_MODEL a model name.',
    });
  }
  const vars = parsed.data;
  if (!vars.UPSKILL_LLM_BASE_URL && !vars.UPSKILL_LLM_MODEL) return undefined;
  if (!vars.UPSKILL_LLM_BASE_URL || !vars.UPSKILL_LLM_MODEL)
    throw new UpskillError(
      'CONFIG_INVALID',
      `Environment variable ${vars.UPSKILL_LLM_BASE_URL ? 'UPSKILL_LLM_MODEL' : 'UPSKILL_LLM_BASE_URL'} is missing: ` +
        'the coach needs both the base URL and the model.',
      {
        hint: 'e.g. UPSKILL_LLM_BASE_URL=http://127.0.0.1:11434 UPSKILL_LLM_MODEL=llama3.2 UPSKILL_LLM_PROVIDER=ollama',
      },
    );
  return {
    kind: vars.UPSKILL_LLM_PROVIDER ?? 'openai',
    baseUrl: vars.UPSKILL_LLM_BASE_URL,
    model: vars.UPSKILL_LLM_MODEL,
    apiKey: vars.UPSKILL_LLM_API_KEY,
    timeoutMs: vars.UPSKILL_LLM_TIMEOUT_SECONDS === undefined ? undefined : vars.UPSKILL_LLM_TIMEOUT_SECONDS * 1000,
  };
}

/** Who is asking: the CLI (where setting UPSKILL_LLM_* is the opt-in) or the web app (where the person turns it on). */
export type CoachChannel = 'cli' | 'web';

/** The coach's provider as the person sees it: never the key, only whether there is one. */
export interface CoachStatus {
  provider: (ReturnType<typeof describeProvider> & { hasApiKey: boolean; source: 'environment' | 'settings' }) | null;
  /** Whether the coach may send to that provider now. */
  enabled: boolean;
  employerRedacted: boolean;
  settingsFile: string;
}

export interface ActiveCoach {
  provider: ProviderSettings | undefined;
  source: 'environment' | 'settings' | undefined;
  enabled: boolean;
  settings: CoachSettings;
}

const sameProvider = (a: { kind: string; baseUrl: string }, b: { kind: string; baseUrl: string }): boolean =>
  a.kind === b.kind && trimBaseUrl(a.baseUrl) === trimBaseUrl(b.baseUrl);

/**
 * The one provider the coach may use — the environment's, else the settings file's; never another —
 * and whether it is turned on: in the CLI the environment's always is (setting it is the opt-in);
 * otherwise only once the person turned it on for that provider (kind and base URL).
 */
export function activeCoach(store: CoachSettingsStore, channel: CoachChannel, env = process.env): ActiveCoach {
  const settings = store.read();
  const fromEnv = providerFromEnv(env);
  const provider = fromEnv ?? settings.provider;
  if (!provider) return { provider: undefined, source: undefined, enabled: false, settings };
  const consented = settings.consent.some((entry) => sameProvider(entry, provider));
  return {
    provider: {
      ...provider,
      timeoutMs: fromEnv?.timeoutMs ?? (settings.timeoutSeconds ?? 60) * 1000,
    },
    source: fromEnv ? 'environment' : 'settings',
    enabled: consented || (channel === 'cli' && fromEnv !== undefined),
    settings,
  };
}

export function coachStatus(store: CoachSettingsStore, channel: CoachChannel, env = process.env): CoachStatus {
  const active = activeCoach(store, channel, env);
  return {
    provider: active.provider
      ? { ...describeProvider(active.provider), hasApiKey: !!active.provider.apiKey, source: active.source! }
      : null,
    enabled: active.enabled,
    employerRedacted: !!active.settings.employer,
    settingsFile: store.where,
  };
}

/** Turns the coach on (or off) for the provider in use: consent is kept per provider, so a new one asks again. */
export function setCoachEnabled(
  store: CoachSettingsStore,
  enabled: boolean,
  env = process.env,
  now = new Date(),
): void {
  const active = activeCoach(store, 'web', env);
  if (!active.provider)
    throw new UpskillError('BAD_INPUT', 'No model provider is set up, so there is nothing to turn on.', {
      hint: 'Set one up with `upskill coach setup --provider ollama --base-url http://127.0.0.1:11434 --model llama3.2`.',
    });
  const others = active.settings.consent.filter((entry) => !sameProvider(entry, active.provider!));
  const consent = enabled
    ? [...others, { kind: active.provider.kind, baseUrl: trimBaseUrl(active.provider.baseUrl), at: now.toISOString() }]
    : others;
  store.write({ ...active.settings, consent });
}

/** Saves the provider (and optionally the employer to redact); a new provider starts turned off. */
export function saveProvider(
  store: CoachSettingsStore,
  input: {
    provider: z.input<typeof ProviderSchema>;
    employer?: string | undefined;
    timeoutSeconds?: number | undefined;
  },
): void {
  const parsed = ProviderSchema.safeParse(input.provider);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UpskillError('BAD_INPUT', `${issue.path.join('.')}: ${issue.message}`);
  }
  const settings = store.read();
  store.write({
    ...settings,
    provider: { ...parsed.data, baseUrl: trimBaseUrl(parsed.data.baseUrl) },
    ...(input.employer !== undefined ? { employer: input.employer } : {}),
    ...(input.timeoutSeconds !== undefined ? { timeoutSeconds: input.timeoutSeconds } : {}),
  });
}
