// The `zuora-sync` command line. Exit codes: 0 done, 1 a check or job failed, 2 bad configuration or usage.
// Each command is a module under commands/; a new one is added to the list below.
import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config/config-error.js';
import { serviceVersion } from '../config/service-version.js';
import type { CliComposition } from './cli-composition.js';
import { cliContext, ExitCode, type CliCommand, type CliIo } from './cli-context.js';
import { backfillCommand } from './commands/backfill-command.js';
import { cleanupCommand } from './commands/cleanup-command.js';
import { cpqCommand } from './commands/cpq-command.js';
import { doctorCommand } from './commands/doctor-command.js';
import { driftCommand } from './commands/drift-command.js';
import { migrateCommand } from './commands/migrate-command.js';
import { orgCommand } from './commands/org-command.js';
import { packageCommand } from './commands/package-command.js';
import { serveCommand } from './commands/serve-command.js';
import { startCommand } from './commands/start-command.js';
import { syncCommand } from './commands/sync-command.js';
import { terminalFor } from './terminal.js';

export type { CliIo } from './cli-context.js';

export const commands: readonly CliCommand[] = [
  migrateCommand,
  doctorCommand,
  packageCommand,
  syncCommand,
  cleanupCommand,
  backfillCommand,
  cpqCommand,
  driftCommand,
  serveCommand,
  startCommand,
  orgCommand,
];

export async function runCli(
  argv: readonly string[],
  composition: CliComposition,
  io: CliIo = process,
): Promise<number> {
  const err = terminalFor(io.stderr, io.env);
  const ctx = cliContext(io, composition, terminalFor(io.stdout, io.env), err);
  const program = new Command()
    .name('zuora-sync')
    .description('Zuora Billing <-> Salesforce connector: sync service, CLI and emulators')
    .version(serviceVersion)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
  for (const command of commands) command.register(program, ctx);

  try {
    await program.parseAsync([...argv]);
    return 0;
  } catch (error) {
    if (error instanceof ExitCode) return error.code;
    // Settings checked once the services are reached (custom field mappings against the org): exit 2 too.
    if (error instanceof ConfigError) {
      io.stderr.write(`${err.bad('zuora-sync: the configuration is invalid')}\n`);
      for (const p of error.problems) io.stderr.write(`  ${p.name}: ${p.message}\n`);
      return 2;
    }
    if (error instanceof CommanderError) {
      if (error.code === 'zuora-sync.usage') io.stderr.write(`zuora-sync: ${error.message}\n`);
      return error.exitCode === 0 ? 0 : 2;
    }
    io.stderr.write(`${err.bad('zuora-sync:')} ${(error as Error).message}\n`);
    return 1;
  }
}
