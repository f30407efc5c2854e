// Numbers, durations and times as the console shows them.
const nf = new Intl.NumberFormat('en-US');

export const num = (n: number | null | undefined): string =>
  n === null || n === undefined ? '–' : nf.format(n);

/** hh:mm:ss.ms for latencies (as Zuora's Median Latency tile), or ms/s under a minute. */
export function duration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '–';
  if (ms < 1000) return `${String(Math.round(ms))} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.floor(ms / 1000);
  const pad = (v: number) => String(v).padStart(2, '0');
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}.${String(Math.round(ms % 1000)).padStart(3, '0')}`;
}

export function when(iso: string | null | undefined): string {
  if (iso === null || iso === undefined) return '–';
  return new Date(iso).toISOString().replace('T', ' ').slice(0, 19) + ' UTC';
}

/** Change against the previous period, in percent, or undefined without a base. */
export function change(now: number | null, before: number | null): string {
  if (now === null || before === null) return 'no previous data';
  if (before === 0) return now === 0 ? 'no change' : 'new';
  const pct = ((now - before) / before) * 100;
  return `${pct > 0 ? '+' : ''}${pct.toFixed(1)}% vs previous period`;
}

export const triggerLabel: Record<string, string> = {
  manual: 'Manual',
  scheduled: 'Scheduled',
  on_demand: 'On-demand',
  realtime: 'Real-time',
  backfill: 'Backfill',
  cleanup: 'Clean-up',
  all: 'All modes',
};

export const stateLabel: Record<string, string> = {
  queued: 'Queued',
  running: 'Running',
  finished: 'Finished',
  finished_with_errors: 'Finished with errors',
  failed: 'Failed',
  cancelled: 'Cancelled',
};
