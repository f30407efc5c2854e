// `zuora-sync migrate`: applies pending store migrations (also done at every start).
import { migrate } from '../../store/migrate.js';
import { openStore } from '../../store/open-store.js';
import type { CliCommand } from '../cli-context.js';

export const migrateCommand: CliCommand = {
  register(program, ctx) {
    program
      .command('migrate')
      .description('apply pending store migrations (PGlite in DATA_DIR, or PostgreSQL at DATABASE_URL)')
      .action(async () => {
        const store = await openStore(ctx.config());
        try {
          const report = await migrate(store);
          ctx.io.stdout.write(
            report.applied.length === 0
              ? `store is current (migration ${report.current})\n`
              : `applied ${report.applied.join(', ')}\n`,
          );
        } finally {
          await store.close();
        }
      });
  },
};
