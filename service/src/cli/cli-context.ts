// What every command shares: the configuration (exit 2 with one line per problem), exit codes, the
// composition root's factories and the process's streams.
import { CommanderError, type Command } from 'commander';
import { loadConfig, type Config } from '../config/load-config.js';
import type { CliComposition } from './cli-composition.js';
import type { Terminal } from './terminal.js';

export interface CliIo {
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
  readonly env: NodeJS.ProcessEnv;
}

/** Ends the command with this exit code (after it printed why). */
export class ExitCode extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

/** A usage error: printed as one line, exit code 2. */
export function usage(message: string): CommanderError {
  return new CommanderError(2, 'zuora-sync.usage', message);
}

export interface CliContext {
  readonly io: CliIo;
  readonly out: Terminal;
  readonly err: Terminal;
  readonly composition: CliComposition;
  /** The validated configuration; a problem throws ConfigError (one line per setting, exit 2). */
  config(): Config;
}

export function cliContext(io: CliIo, composition: CliComposition, out: Terminal, err: Terminal): CliContext {
  // A ConfigError reaches runCli, which prints one line per problem and exits 2.
  return { io, out, err, composition, config: () => loadConfig() };
}

/** Emulators start fresh with the process: so must the store, or its watermarks would not match them. */
export function isEmulated(config: Config): boolean {
  return config.zuora.kind === 'emulator' || config.salesforce.kind === 'emulator';
}

/** One command of the CLI: a module under commands/ registers itself on the program. */
export interface CliCommand {
  register(program: Command, ctx: CliContext): void;
}
