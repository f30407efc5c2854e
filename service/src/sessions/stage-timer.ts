// Times one stage of a session for `SyncDeps.onStage` (the benchmarks' `--trace`): wall and CPU milliseconds,
// so a trace shows which stages wait (on Zuora, Salesforce or the store) and which compute.
import type { SyncDeps } from './sync-deps.js';

export async function timedStage<T>(deps: SyncDeps, stage: string, work: () => Promise<T>): Promise<T> {
  if (deps.onStage === undefined) return work();
  const started = performance.now();
  const cpu = process.cpuUsage();
  try {
    return await work();
  } finally {
    const used = process.cpuUsage(cpu);
    deps.onStage({
      stage,
      wallMs: performance.now() - started,
      cpuMs: (used.user + used.system) / 1000,
    });
  }
}
