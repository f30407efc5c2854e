// Where a benchmarked session's memory peaks (issue 19: peak RSS <= 200 MB at M and L): the process's
// memory is sampled every 25 ms and after each full garbage collection, and the highest of each figure is
// kept with what the session was doing then (the last progress or stage event). The heap right after a full
// collection is what is live; heapUsed between collections also holds garbage not yet collected.
// `snapshotDir`: a heap snapshot each time the live heap passes its highest so far by 4 MB (the last is kept),
// to see what holds it (Chrome DevTools, Memory tab).
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { writeHeapSnapshot } from 'node:v8';

interface Peak {
  mb: number;
  at: string;
}

const mb = (n: number) => n / 2 ** 20;

export class MemoryPeaks {
  readonly rss: Peak = { mb: 0, at: '' };
  readonly heapTotal: Peak = { mb: 0, at: '' };
  readonly heapUsed: Peak = { mb: 0, at: '' };
  readonly external: Peak = { mb: 0, at: '' };
  /** heapUsed right after a full collection: the live heap. */
  readonly live: Peak = { mb: 0, at: '' };
  /** What the session is doing, as the last progress or stage event says. */
  doing = 'start';
  readonly #started = performance.now();
  readonly #timer: NodeJS.Timeout;
  readonly #gc: PerformanceObserver;
  readonly #snapshotDir: string | undefined;
  #snapshot: { file: string; mb: number } | undefined;

  constructor(snapshotDir?: string) {
    this.#snapshotDir = snapshotDir;
    this.#timer = setInterval(() => this.sample(), 25).unref();
    this.#gc = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const kind = (entry as { detail?: { kind?: number } }).detail?.kind;
        if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) this.#afterFullGc();
      }
    });
    this.#gc.observe({ entryTypes: ['gc'] });
  }

  sample(): void {
    const m = process.memoryUsage();
    this.#raise(this.rss, mb(m.rss));
    this.#raise(this.heapTotal, mb(m.heapTotal));
    this.#raise(this.heapUsed, mb(m.heapUsed));
    this.#raise(this.external, mb(m.external));
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#gc.disconnect();
  }

  /** One line per figure: its highest value and when it was reached. */
  report(): string {
    const line = (name: string, p: Peak) =>
      `  ${name.padEnd(26)} ${p.mb.toFixed(1).padStart(7)} MB  at ${p.at}`;
    return [
      line('rss', this.rss),
      line('heap committed', this.heapTotal),
      line('heap used', this.heapUsed),
      line('heap live (after full GC)', this.live),
      line('external (Buffers)', this.external),
      ...(this.#snapshot === undefined
        ? []
        : [`  heap snapshot at ${this.#snapshot.mb.toFixed(1)} MB live: ${this.#snapshot.file}`]),
    ].join('\n');
  }

  #afterFullGc(): void {
    const used = mb(process.memoryUsage().heapUsed);
    this.#raise(this.live, used);
    const dir = this.#snapshotDir;
    if (dir === undefined || used < (this.#snapshot?.mb ?? 0) + 4) return;
    const previous = this.#snapshot?.file;
    this.#snapshot = {
      file: writeHeapSnapshot(join(dir, `live-${used.toFixed(0)}MB.heapsnapshot`)),
      mb: used,
    };
    if (previous !== undefined) rmSync(previous, { force: true });
  }

  #raise(peak: Peak, value: number): void {
    if (value <= peak.mb) return;
    peak.mb = value;
    peak.at = `${((performance.now() - this.#started) / 1000).toFixed(1)} s, ${this.doing}`;
  }
}
