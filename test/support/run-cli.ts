import { spawnSync } from 'node:child_process';

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * A runner of the real CLI as a child process, with its own UPSKILL_HOME, the embedded store, no
 * data folder of the environment and no colours: what a user's shell would run.
 */
export function cliIn(home: string): (args: string[], input?: string) => CliResult {
  return (args, input) => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      env: { ...process.env, UPSKILL_HOME: home, DATABASE_URL: '', UPSKILL_DATA_DIR: '', NO_COLOR: '1' },
      input,
      encoding: 'utf8',
      timeout: 120_000,
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };
}
