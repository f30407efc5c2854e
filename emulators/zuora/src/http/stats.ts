// Request counters per route, for API-call accounting in benchmarks and tests.
export interface EmulatorStats {
  requests: number;
  byRoute: Record<string, number>;
  byStatus: Record<string, number>;
  rateLimited: number;
  callouts: { delivered: number; failed: number; dropped: number; attempts: number };
}

export function emptyStats(): EmulatorStats {
  return {
    requests: 0,
    byRoute: {},
    byStatus: {},
    rateLimited: 0,
    callouts: { delivered: 0, failed: 0, dropped: 0, attempts: 0 },
  };
}
