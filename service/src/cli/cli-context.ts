// What every command shares: the configuration (exit 2 with one line per problem), exit codes, the
// composition root's factories and the process's streams.
import { CommanderError, type Command } from 'commander';
import { ConfigError } from '../config/config-error.js';
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
  /** The validated configuration; on a problem prints one line per setting and exits 2. */
  config(): Config;
}

export function cliContext(io: CliIo, composition: CliComposition, out: Terminal, err: Terminal): CliContext {
  return {
    io,
    out,
    err,
    composition,
    config() {
      try {
        return loadConfig();
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        io.stderr.write(`${err.bad('zuora-sync: the configuration is invalid')}\n`);
        for (const p of error.problems) io.stderr.write(`  ${p.name}: ${p.message}\n`);
        throw new ExitCode(2);
      }
    },
  };
}

/** Emulators start fresh with the process: so must the store, or its watermarks would not match them. */
export function isEmulated(config: Config): boolean {
  return config.zuora.kind === 'emulator' || config.salesforce.kind === 'emulator';
}

/** One command of the CLI: a module under commands/ registers itself on the program. */
export interface CliCommand {
  register(program: Command, ctx: CliContext): void;
}
