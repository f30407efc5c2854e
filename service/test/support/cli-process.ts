// The `zuora-sync` command run as a user runs it, in a child process, with real credentials pointing at the test's
// emulators: what the crash tests kill with SIGKILL and start again. Every child is remembered so a test that
// fails or times out leaves nothing running (`killLeftoverCli` in afterAll).
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import {
  DEFAULT_CLIENT_ID,
  DEFAULT_CLIENT_SECRET,
  DEFAULT_PASSWORD,
  DEFAULT_USERNAME,
} from '../../../emulators/salesforce/src/index.js';
import { DEFAULT_ZUORA_CLIENT_ID, DEFAULT_ZUORA_CLIENT_SECRET } from '../../../emulators/zuora/src/index.js';

export const cliPath = join(import.meta.dirname, '../../../bin/zuora-sync.js');

export interface CliOptions {
  /** The service's DATA_DIR (spool, PGlite on disk when there is no database URL). */
  readonly dataDir: string;
  /** API_TOKEN of the process (at least 24 characters). */
  readonly apiToken: string;
  /** PostgreSQL for the store; undefined: the embedded PGlite under DATA_DIR. */
  readonly databaseUrl?: string | undefined;
  /** More environment (settings of the command under test). */
  readonly env?: Readonly<Record<string, string>>;
}

export interface CliRun {
  readonly child: ChildProcess;
  /** Resolves when the process exits: its code (null when killed) and its stdout and stderr together. */
  readonly done: Promise<{ code: number | null; out: string }>;
}

const children: ChildProcess[] = [];

/** Where the test's emulators listen (a SyncHarness, a CpqHarness). */
export interface EmulatorUrls {
  readonly zuora: { readonly url: string };
  readonly salesforce: { readonly url: string };
}

/** The environment of a `zuora-sync` child: the emulators' credentials, no inherited DATABASE_URL. */
export function cliEnv(h: EmulatorUrls, options: CliOptions): NodeJS.ProcessEnv {
  const { DATABASE_URL: _inherited, ...env } = process.env;
  return {
    ...env,
    ZUORA_BASE_URL: h.zuora.url,
    ZUORA_CLIENT_ID: DEFAULT_ZUORA_CLIENT_ID,
    ZUORA_CLIENT_SECRET: DEFAULT_ZUORA_CLIENT_SECRET,
    SF_LOGIN_URL: h.salesforce.url,
    SF_CLIENT_ID: DEFAULT_CLIENT_ID,
    SF_CLIENT_SECRET: DEFAULT_CLIENT_SECRET,
    SF_USERNAME: DEFAULT_USERNAME,
    SF_PASSWORD: DEFAULT_PASSWORD,
    API_TOKEN: options.apiToken,
    ...(options.databaseUrl === undefined ? {} : { DATABASE_URL: options.databaseUrl }),
    DATA_DIR: options.dataDir,
    LOG_LEVEL: 'silent',
    DRIFT_SCHEDULE: 'off',
    ...options.env,
  };
}

/** Starts `zuora-sync <args>` against the harness's emulators. */
export function runCli(h: EmulatorUrls, args: readonly string[], options: CliOptions): CliRun {
  const child = spawn(process.execPath, [cliPath, ...args], {
    env: cliEnv(h, options),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const done = new Promise<{ code: number | null; out: string }>((resolve) => {
    child.on('exit', (code) => resolve({ code, out }));
  });
  return { child, done };
}

/** Kills every child `runCli` started that is still running (a failed or timed-out test). */
export function killLeftoverCli(): void {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
}
