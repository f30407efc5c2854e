// Where a benchmarked session's memory peaks (issue 19: peak RSS <= 200 MB at M and L): the process's
// memory is sampled every 25 ms and after each full garbage collection, and the highest of each figure is
// kept with what the session was doing then (the last progress or stage event). The heap right after a full
// collection is what is live; heapUsed between collections also holds garbage not yet collected.
// Sampled without process.memoryUsage(): its RSS comes from opening and formatting /proc/self/stat, where a
// CPU profile of the connector charged it 0.28-0.39 s at M (off-CPU gaps landing there; 3.6 us of CPU a call).
// Here /proc/self/statm is read in place (1 us) and the heap figures come from V8 directly (0.4 us).
// `snapshotDir`: a heap snapshot each time the live heap passes its highest so far by 4 MB (the last is kept),
// to see what holds it (Chrome DevTools, Memory tab).
import { closeSync, mkdirSync, openSync, readSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { getHeapStatistics, writeHeapSnapshot } from 'node:v8';

interface Peak {
  mb: number;
  at: string;
}

const mb = (n: number) => n / 2 ** 20;

/** This process's RSS in bytes, from /proc/self/statm (resident pages) where there is one. */
class RssReader {
  #fd: number | undefined;
  readonly #buf = Buffer.alloc(128);
  readonly #pageBytes: number = 0;

  constructor() {
    try {
      this.#fd = openSync('/proc/self/statm', 'r');
    } catch {
      return;
    }
    this.#pageBytes = 2 ** Math.round(Math.log2(process.memoryUsage.rss() / this.#pages(this.#fd)));
  }

  read(): number {
    return this.#fd === undefined ? process.memoryUsage.rss() : this.#pages(this.#fd) * this.#pageBytes;
  }

  /** Once only (stop() may be called again): the descriptor's number could be another file's by then. */
  close(): void {
    if (this.#fd !== undefined) closeSync(this.#fd);
    this.#fd = undefined;
  }

  /** statm's second figure: "size resident shared text lib data dt", in pages. */
  #pages(fd: number): number {
    const n = readSync(fd, this.#buf, 0, this.#buf.length, 0);
    return Number(this.#buf.toString('latin1', 0, n).split(' ')[1]);
  }
}

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
  readonly #rss = new RssReader();

  constructor(snapshotDir?: string) {
    this.#snapshotDir = snapshotDir;
    // Made here, not at the first snapshot: a missing directory would end the run after its tenant was generated.
    if (snapshotDir !== undefined) mkdirSync(snapshotDir, { recursive: true, mode: 0o700 });
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
    this.#raise(this.rss, mb(this.#rss.read()));
    const heap = getHeapStatistics();
    this.#raise(this.heapTotal, mb(heap.total_heap_size));
    this.#raise(this.heapUsed, mb(heap.used_heap_size));
    this.#raise(this.external, mb(heap.external_memory));
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#gc.disconnect();
    this.#rss.close();
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
    const used = mb(getHeapStatistics().used_heap_size);
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
