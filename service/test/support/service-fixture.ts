// A whole service (config -> store -> queue -> HTTP) listening on a random loopback port.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/load-config.js';
import { createLogger } from '../../src/config/logger.js';
import { createService, createSyncRuntime, type Service } from '../../src/main.js';

export const testToken = 'test-token-0123456789abcdefghij';

export interface RunningService {
  readonly service: Service;
  readonly url: string;
  close(): Promise<void>;
}

/** `withSync`: also the sync runtime (embedded XS emulators), so every route the service can serve is there. */
export async function startTestService(
  env: Record<string, string> = {},
  options: { withSync?: boolean } = {},
): Promise<RunningService> {
  const dataDir = mkdtempSync(join(tmpdir(), 'zsync-svc-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    API_TOKEN: testToken,
    PORT: '0',
    LOG_LEVEL: 'silent',
    EMULATOR_SIZE: 'XS',
    // The weekly drift check (Sunday 04:00 UTC by default) would queue a session in any test that happens to run
    // at that minute; a test that wants it says so.
    DRIFT_SCHEDULE: 'off',
    ...env,
  });
  const logger = createLogger('silent');
  const service = await createService(
    config,
    logger,
    options.withSync === true ? { runtime: (store) => createSyncRuntime(config, store, logger) } : {},
  );
  const url = await service.app.listen({ host: '127.0.0.1', port: 0 });
  return {
    service,
    url,
    async close() {
      await service.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
