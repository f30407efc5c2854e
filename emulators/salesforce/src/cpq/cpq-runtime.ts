import type { Faults } from '../http/faults.js';
import type { RecordStore } from '../store/record-store.js';
import type { ChildIndex } from './child-index.js';
import type { ContractingQueue } from './contracting-queue.js';
import type { CpqObjects } from './cpq-objects.js';
import type { CpqScenarioManifest } from './scenario/scenario-manifest.js';
import type { CpqScenarioOptions } from './scenario/scenario-options.js';

/** What CPQ automation and the sales-user actions share: the org's data and the contracting queue. */
export interface CpqRuntime {
  store: RecordStore;
  objects: CpqObjects;
  queue: ContractingQueue;
  children: ChildIndex;
  faults: Faults;
  actingUserId: () => string;
  /** The generated scenario the org's seed includes (loaded on start and on every reset). */
  scenarioOptions: CpqScenarioOptions | null;
  /** What the loaded scenario holds (null when the seed has none). */
  scenario: CpqScenarioManifest | null;
}
