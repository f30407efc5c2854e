// The HTTP service in this process, until SIGINT or SIGTERM (`serve`, and `start` after its first syncs).
import type { Logger } from 'pino';
import type { Config } from '../../config/load-config.js';
import { serviceVersion } from '../../config/service-version.js';
import type { CliService } from '../cli-composition.js';
import { isEmulated, type CliContext } from '../cli-context.js';
import { refuseStoreWithEmulators } from '../emulated-store.js';
import { openMemoryStore } from '../../store/open-store.js';

/** Emulators start fresh with the process: so must the store, or its watermarks would not match them. */
export async function serviceFor(ctx: CliContext, cfg: Config, logger: Logger): Promise<CliService> {
  refuseStoreWithEmulators(cfg);
  const store = isEmulated(cfg) ? await openMemoryStore() : undefined;
  return ctx.composition.createService(cfg, logger, store);
}

export async function listenAndWait(ctx: CliContext, service: CliService, cfg: Config): Promise<void> {
  const address = await service.app.listen({ host: cfg.host, port: cfg.port });
  ctx.io.stdout.write(`zuora-sync ${serviceVersion} listening on ${address}\n`);
  if (service.apiTokenFile !== undefined) {
    ctx.io.stdout.write(`API token (generated, no API_TOKEN set): ${service.apiTokenFile}\n`);
  }
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await service.close();
}
