// `zuora-sync doctor`: configuration, store, Zuora and Salesforce, one line per check; exit 1 on a problem.
import { ConfigError } from '../../config/config-error.js';
import { loadConfig, type Config } from '../../config/load-config.js';
import { ExitCode, type CliCommand } from '../cli-context.js';
import { doctorChecks, runDoctor } from '../doctor.js';

export const doctorCommand: CliCommand = {
  register(program, { io, out }) {
    program
      .command('doctor')
      .description('check configuration, store, Zuora and Salesforce; one line per problem, exit 1 if any')
      .action(async () => {
        let cfg: Config;
        try {
          cfg = loadConfig();
        } catch (error) {
          if (!(error instanceof ConfigError)) throw error;
          for (const p of error.problems)
            io.stdout.write(`${out.bad('FAIL')} config      ${p.name}: ${p.message}\n`);
          throw new ExitCode(1);
        }
        io.stdout.write(`${out.ok('ok  ')} config      valid\n`);
        const results = await runDoctor(doctorChecks(cfg));
        for (const r of results) {
          io.stdout.write(`${r.ok ? out.ok('ok  ') : out.bad('FAIL')} ${r.name.padEnd(11)} ${r.detail}\n`);
        }
        if (results.some((r) => !r.ok)) throw new ExitCode(1);
      });
  },
};
