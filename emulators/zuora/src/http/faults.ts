// Faults injected through /__emulator/faults: latency, a share of 5xx answers, a 429 storm, dropped
// callouts, records whose AQuA export is refused (poison records for the connector's dead-letter tests). Random draws come from a seeded stream so a test run is reproducible.
import { seededRandom } from '../tenant/seeded-random.js';

export interface FaultSettings {
  latencyMs: number;
  errorRate: number;
  /** Every API request is answered 429 until this time (epoch ms). */
  rateLimitStormUntil: number;
  dropCalloutRate: number;
  /** Record ids an AQuA query may not name: the job is refused, as for a record Zuora cannot export. */
  refusedRecordIds: ReadonlySet<string>;
}

export const noFaults: FaultSettings = {
  latencyMs: 0,
  errorRate: 0,
  rateLimitStormUntil: 0,
  dropCalloutRate: 0,
  refusedRecordIds: new Set(),
};

export class Faults {
  settings: FaultSettings = { ...noFaults };
  private rng = seededRandom(0xfa017);

  draw(p: number): boolean {
    return p > 0 && this.rng.next() < p;
  }

  reset(): void {
    this.settings = { ...noFaults };
    this.rng = seededRandom(0xfa017);
  }
}
