// In-process signal that a session made progress (a checkpoint was written), so a live view in this process
// re-reads it at once instead of at its next poll. Views of sessions running in other processes poll the
// store; the signal carries no data, the store stays the one source.
import { EventEmitter } from 'node:events';

const bus = new EventEmitter();
bus.setMaxListeners(0);

export function signalProgress(sessionId: string): void {
  bus.emit(sessionId);
}

/** Calls `listener` whenever the session signals progress; returns the unsubscribe function. */
export function onProgressSignal(sessionId: string, listener: () => void): () => void {
  bus.on(sessionId, listener);
  return () => bus.off(sessionId, listener);
}
