import { Option, type Command } from 'commander';
import pc from 'picocolors';
import { prepareAnswer, previewCoach, type CoachAnswer, type CoachRequest } from '../../app/ask-coach.js';
import {
  coachSettingsStore,
  coachStatus,
  saveProvider,
  setCoachEnabled,
  type CoachStatus,
} from '../../app/coach-settings.js';
import { UpskillError } from '../../domain/errors.js';
import { printJson, withApp } from '../with-app.js';
import { acceptPlanChange, proposePlanChange } from '../../app/propose-plan-change.js';
import { readConfig } from '../../app/config.js';

interface AskOptions {
  profile?: string;
  title?: string;
  json?: boolean;
  preview?: boolean;
}

function subjectOf(options: AskOptions): CoachRequest['subject'] {
  if (options.profile) return { profileId: options.profile };
  if (options.title) return { occupation: options.title };
  throw new UpskillError('BAD_INPUT', 'Say whom the coach answers: --profile ID or --title "<job>".', {
    hint: 'e.g. upskill coach "which should I learn first?" --title "registered nurse"',
  });
}

function describeStatus(status: CoachStatus): string {
  if (!status.provider) return 'No model is set up: the coach answers offline, from your tasks, plan and resources.';
  const on = status.enabled ? pc.green('on') : pc.yellow('off — nothing is sent until you run `upskill coach on`');
  return `${status.provider.label}, from ${status.provider.source === 'environment' ? 'UPSKILL_LLM_*' : status.settingsFile}: ${on}`;
}

function printAnswer(answer: CoachAnswer): void {
  const out: string[] = ['', ''];
  if (answer.notice) out.push(pc.yellow(answer.notice));
  for (const flag of answer.flags) out.push(pc.yellow(`⚠ ${flag.message}`));
  if (answer.citations.length > 0) {
    out.push(pc.bold('Cited:'));
    for (const citation of answer.citations)
      out.push(
        `  [${citation.id}] ${citation.label}${citation.kind === 'resource' ? ` ${pc.dim(citation.href)}` : ''}`,
      );
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

async function readKey(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  const key = text.split(/\r?\n/)[0]!.trim();
  if (!key)
    throw new UpskillError('BAD_INPUT', 'No API key on standard input.', {
      hint: 'printf %s "$KEY" | upskill coach setup … --api-key-stdin',
    });
  return key;
}

/** `upskill coach "<question>"`, and the coach's settings: setup, on, off, status. */
export function registerCoachCommand(program: Command): void {
  const coach = program
    .command('coach')
    .description('ask the AI coach about your tasks and plan (offline without a model); set up a model provider');

  coach
    .command('ask <question...>', { isDefault: true })
    .description('ask a question: answered from your tasks, plan and resources, with citations')
    .addOption(new Option('--profile <id>', 'a saved profile (its plan and progress)').conflicts('title'))
    .option('--title <job>', 'a job title or O*NET-SOC code, when you have no profile')
    .option('--preview', 'show exactly what would be sent to the model, and send nothing')
    .option('--json', 'print the answer (or preview) as JSON')
    .action(async (words: string[], options: AskOptions) => {
      const request = { subject: subjectOf(options), question: words.join(' ') };
      await withApp(async (app) => {
        const store = coachSettingsStore(app);
        if (options.preview) {
          const preview = await previewCoach(app, store, request, 'cli');
          if (options.json) return printJson(preview);
          process.stderr.write(`${describeStatus(preview.status)}\n`);
          for (const message of preview.messages)
            process.stdout.write(`${pc.bold(`— ${message.role} —`)}\n${message.content}\n\n`);
          return;
        }
        const prepared = await prepareAnswer(app, store, request, 'cli');
        if (!options.json)
          process.stderr.write(
            pc.dim(
              prepared.mode === 'model'
                ? `Asking ${prepared.provider!.label}…\n`
                : 'Offline coach (no model is asked):\n',
            ),
          );
        const answer = await prepared.answer(
          options.json ? {} : { onDelta: (text) => void process.stdout.write(text) },
        );
        if (options.json) return printJson(answer);
        printAnswer(answer);
      });
    });

  coach
    .command('change <request...>')
    .description('ask the model for a change to your plan (validated); applied only with --accept')
    .requiredOption('--profile <id>', 'the saved profile whose plan changes')
    .option('--accept', 'apply the proposed change (without it, nothing changes)')
    .option('--json', 'print the proposal as JSON')
    .action(async (words: string[], options: { profile: string; accept?: boolean; json?: boolean }) => {
      await withApp(async (app) => {
        const proposal = await proposePlanChange(
          app,
          coachSettingsStore(app),
          { profileId: options.profile, request: words.join(' ') },
          'cli',
        );
        if (options.json) printJson(proposal);
        else {
          process.stdout.write(`${proposal.message}\n`);
          const effect = proposal.effect;
          if (effect)
            process.stdout.write(
              `${effect.step.name}: ${effect.step.before.title} (${effect.step.before.format}) → ` +
                `${effect.step.after ? `${effect.step.after.title} (${effect.step.after.format})` : 'no longer in the plan'}; ` +
                `the plan ends ${effect.endDate.after} (now ${effect.endDate.before}).\n`,
            );
        }
        if (proposal.status !== 'proposed') return void (process.exitCode = 1);
        if (!options.accept) {
          if (!options.json) process.stdout.write(pc.dim('Nothing changed: run again with --accept to apply it.\n'));
          return;
        }
        await acceptPlanChange(app, options.profile, proposal.change);
        if (!options.json) process.stdout.write(pc.green('Applied: your plan follows this change.\n'));
      });
    });

  coach
    .command('setup')
    .description('set up the model provider (kept in the data directory, readable by you only); it starts turned off')
    .addOption(
      new Option('--provider <kind>', 'openai (any OpenAI-compatible API) or ollama')
        .choices(['openai', 'ollama'])
        .makeOptionMandatory(),
    )
    .requiredOption('--base-url <url>', 'e.g. http://127.0.0.1:11434 (Ollama) or https://api.openai.com/v1')
    .requiredOption('--model <name>', 'the model, e.g. llama3.2 or gpt-4o-mini')
    .option('--api-key-stdin', 'read the API key from standard input (it is never shown again)')
    .option('--employer <name>', 'also redact this employer’s name from questions')
    .action(
      async (options: {
        provider: 'openai' | 'ollama';
        baseUrl: string;
        model: string;
        apiKeyStdin?: boolean;
        employer?: string;
      }) => {
        const store = coachSettingsStore({ config: readConfig() });
        saveProvider(store, {
          provider: {
            kind: options.provider,
            baseUrl: options.baseUrl,
            model: options.model,
            ...(options.apiKeyStdin ? { apiKey: await readKey() } : {}),
          },
          employer: options.employer,
        });
        process.stdout.write(`${describeStatus(coachStatus(store, 'cli'))}\n`);
      },
    );

  for (const [name, enabled] of [
    ['on', true],
    ['off', false],
  ] as const)
    coach
      .command(name)
      .description(
        enabled
          ? 'turn the coach on for the provider set up: questions are sent to it from now on'
          : 'turn the coach off: nothing is sent',
      )
      .action(() => {
        const store = coachSettingsStore({ config: readConfig() });
        setCoachEnabled(store, enabled);
        process.stdout.write(`${describeStatus(coachStatus(store, 'cli'))}\n`);
      });

  coach
    .command('status')
    .description('the provider, whether it is local or remote, and whether the coach is on (never the key)')
    .option('--json', 'print as JSON')
    .action((options: { json?: boolean }) => {
      const status = coachStatus(coachSettingsStore({ config: readConfig() }), 'cli');
      if (options.json) return printJson(status);
      process.stdout.write(`${describeStatus(status)}\n`);
    });
}
