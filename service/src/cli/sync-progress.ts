// Progress bars per object while a session runs: on a TTY only (a log or CI gets the summary alone).
import cliProgress from 'cli-progress';
import type { ProgressEvent } from '../sessions/sync-deps.js';

export interface ProgressView {
  onProgress(event: ProgressEvent): void;
  stop(): void;
}

export function progressView(stream: NodeJS.WriteStream): ProgressView {
  if (stream.isTTY !== true) return { onProgress: () => undefined, stop: () => undefined };
  const multibar = new cliProgress.MultiBar(
    { stream, format: ' {object} |{bar}| {value}/{total} {phase}', hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_grey,
  );
  const bars = new Map<string, cliProgress.SingleBar>();
  return {
    onProgress(event) {
      const name = event.object.padEnd(36).slice(0, 36);
      let bar = bars.get(event.object);
      if (bar === undefined) {
        bar = multibar.create(Math.max(event.records, 1), 0, { object: name, phase: event.phase });
        bars.set(event.object, bar);
      }
      if (event.phase === 'extracted') bar.setTotal(Math.max(event.records, 1));
      bar.update(event.phase === 'extracted' ? 0 : event.records, { object: name, phase: event.phase });
    },
    stop() {
      multibar.stop();
    },
  };
}
