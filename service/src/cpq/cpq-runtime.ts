// The CPQ direction as the composition root wires it: its dependencies (the shared sync dependencies, the
// API budget governor, the settings validated at start), the session runner that hands CPQ sessions to this
// room (a CPQ session resumed after a crash runs here, whatever process picks it up), and the poller when
// CPQ_SYNC=on.
import type { CpqSettingsInput } from '../config/cpq-settings-input.js';
import { governorFor, type ApiBudgetSettings } from '../sessions/api-governor.js';
import { findSession } from '../sessions/session-rows.js';
import type { SessionRunner } from '../sessions/session-worker.js';
import type { SyncDeps } from '../sessions/sync-deps.js';
import { cpqSettingsFrom } from './cpq-config.js';
import type { CpqDeps } from './cpq-deps.js';
import { CpqPoller } from './cpq-poller.js';
import { runCpqSession } from './cpq-session.js';

export interface CpqRuntime {
  readonly deps: CpqDeps;
  /** Runs CPQ sessions here and every other session with `others`. */
  runner(others: SessionRunner): SessionRunner;
  start(): void;
  stop(): Promise<void>;
}

export function cpqRuntime(sync: SyncDeps, input: CpqSettingsInput, budget?: ApiBudgetSettings): CpqRuntime {
  const deps: CpqDeps = { ...sync, governor: governorFor(sync, budget), cpq: cpqSettingsFrom(input) };
  const poller = input.pollerEnabled ? new CpqPoller(deps) : undefined;
  return {
    deps,
    runner: (others) => async (d, id) => {
      const session = await findSession(d.store, id);
      if (session?.scope !== 'cpq') return others(d, id);
      return (await runCpqSession({ ...deps, ...d, governor: deps.governor, cpq: deps.cpq }, id)).session;
    },
    start: () => poller?.start(),
    stop: async () => poller?.stop(),
  };
}

const runtimes = new WeakMap<SyncDeps, CpqRuntime>();

/** The process's CPQ runtime for these sync dependencies (made with `config` the first time). */
export function cpqFor(
  sync: SyncDeps,
  config?: { readonly cpq: CpqSettingsInput; readonly apiBudget?: ApiBudgetSettings },
): CpqRuntime {
  let runtime = runtimes.get(sync);
  if (runtime === undefined) {
    if (config === undefined) throw new Error('the CPQ runtime is made with its settings first (startCpq)');
    runtime = cpqRuntime(sync, config.cpq, config.apiBudget);
    runtimes.set(sync, runtime);
  }
  return runtime;
}

/** Makes the CPQ runtime, starts its poller (CPQ_SYNC=on) and answers the session runner that includes it. */
export function startCpq(
  sync: SyncDeps,
  config: { readonly cpq: CpqSettingsInput; readonly apiBudget?: ApiBudgetSettings },
  others: SessionRunner,
): SessionRunner {
  const runtime = cpqFor(sync, config);
  runtime.start();
  return runtime.runner(others);
}

export async function stopCpq(sync: SyncDeps | undefined): Promise<void> {
  if (sync !== undefined) await runtimes.get(sync)?.stop();
}
