// `zuora-sync package check-org`: what of the package the target org already holds with another definition.
import { defaultForceAppDir, runCheckOrg } from '../../package-check/check-org.js';
import { ExitCode, type CliCommand } from '../cli-context.js';

export const packageCommand: CliCommand = {
  register(program, ctx) {
    program
      .command('package')
      .description('the Salesforce package (force-app)')
      .command('check-org')
      .description(
        'list every object, field, relationship name and Apex class of the package that the target org already has with another definition; exit 1 if any',
      )
      .option('--force-app <dir>', 'the package directory', defaultForceAppDir)
      .action(async (opts: { forceApp: string }) => {
        const code = await runCheckOrg(ctx.config(), opts.forceApp, ctx.io.stdout);
        if (code !== 0) throw new ExitCode(code);
      });
  },
};
