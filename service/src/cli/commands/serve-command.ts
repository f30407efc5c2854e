// `zuora-sync serve`: the HTTP service, its sync sessions and schedules, until interrupted.
import { createLogger } from '../../config/logger.js';
import type { CliCommand } from '../cli-context.js';
import { listenAndWait, serviceFor } from './serve-here.js';

export const serveCommand: CliCommand = {
  register(program, ctx) {
    program
      .command('serve')
      .description('run the HTTP service, its sync sessions and schedules until interrupted')
      .action(async () => {
        const cfg = ctx.config();
        await listenAndWait(ctx, await serviceFor(ctx, cfg, createLogger(cfg.logLevel)), cfg);
      });
  },
};
