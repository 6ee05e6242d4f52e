import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';
import type { Command } from 'commander';
import pc from 'picocolors';
import {
  accountByEmail,
  changeAccount,
  createAdministrator,
  listAllAccounts,
  passwordResetLink,
} from '../../app/accounts.js';
import type { Actor } from '../../app/audit.js';
import { printJson, withApp } from '../with-app.js';

/** Whoever runs the CLI on the server's own store acts with the store's own authority (it is their data folder). */
const CONSOLE: Actor & { accountId: null } = {
  principal: { kind: 'personal' },
  address: 'command line',
  accountId: null,
};

/**
 * A password typed on the terminal without echo, or one line of piped input (so it can be scripted:
 * `printf '%s\n' "$PASSWORD" | upskill accounts create-admin …`). Never an option: those end up in
 * the shell history.
 */
async function readPassword(question: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const prompt = createInterface({ input: process.stdin, output, terminal: Boolean(process.stdin.isTTY) });
  try {
    if (!process.stdin.isTTY) {
      for await (const line of prompt) return String(line);
      return '';
    }
    process.stderr.write(question);
    muted = true;
    const answer = await prompt.question('');
    muted = false;
    process.stderr.write('\n');
    return answer;
  } finally {
    prompt.close();
  }
}

export function registerAccountCommands(program: Command): void {
  const accounts = program
    .command('accounts')
    .description('team mode: administrators and accounts on this server’s store');
  accounts
    .command('create-admin')
    .description(
      'create an administrator (the first one takes the profiles of a personal store); asks for the password',
    )
    .requiredOption('--email <address>', 'their e-mail address (they sign in with it)')
    .requiredOption('--name <name>', 'their name')
    .action(async (options: { email: string; name: string }) => {
      const password = await readPassword('Password (at least 12 characters): ');
      await withApp(async (app) => {
        const account = await createAdministrator(app, { email: options.email, name: options.name, password });
        process.stdout.write(
          `${pc.green('✓')} ${account.email} is an administrator; \`upskill serve --team\` serves it.\n`,
        );
      });
    });
  accounts
    .command('list')
    .description('every account with its role and manager')
    .option('--json', 'print as JSON')
    .action(async (options: { json?: boolean }) => {
      await withApp(async (app) => {
        const all = await listAllAccounts(app);
        if (options.json) return printJson(all);
        const emails = new Map(all.map((account) => [account.id, account.email]));
        for (const account of all)
          process.stdout.write(
            `${account.email}  ${account.role}${account.managerId ? `  reports to ${emails.get(account.managerId)}` : ''}\n`,
          );
        if (all.length === 0) process.stdout.write('no accounts yet — `upskill serve --team` prints a setup link\n');
      });
    });
  accounts
    .command('set <email>')
    .description('change an account’s role or manager (the manager sees their reports’ profiles and plans)')
    .option('--role <role>', 'administrator, manager, employee or analyst')
    .option('--manager <email>', 'who they report to ("none" for nobody)')
    .action(async (email: string, options: { role?: string; manager?: string }) => {
      await withApp(async (app) => {
        const account = await accountByEmail(app, email);
        const managerId =
          options.manager === undefined
            ? undefined
            : options.manager === 'none'
              ? null
              : (await accountByEmail(app, options.manager)).id;
        const changed = await changeAccount(app, CONSOLE, account.id, { role: options.role, managerId });
        process.stdout.write(`${pc.green('✓')} ${changed.email}: ${changed.role}\n`);
      });
    });
  accounts
    .command('reset-link <email>')
    .description('a one-time password-reset link (24 hours) to give to the person')
    .option('--origin <url>', 'the address people open the server at', 'http://127.0.0.1:3000')
    .action(async (email: string, options: { origin: string }) => {
      await withApp(async (app) => {
        const account = await accountByEmail(app, email);
        const { token, expiresAt } = await passwordResetLink(app, CONSOLE, account.id);
        process.stdout.write(`${options.origin.replace(/\/$/, '')}/welcome#${token}  (until ${expiresAt})\n`);
      });
    });
}
