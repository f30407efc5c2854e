// The sync session state machine as data: every state change is checked against this table.

export const sessionStates = [
  'queued',
  'running',
  'finished',
  'finished_with_errors',
  'failed',
  'cancelled',
] as const;
export type SessionState = (typeof sessionStates)[number];

export const sessionTransitions: Readonly<Record<SessionState, readonly SessionState[]>> = {
  queued: ['running', 'cancelled'],
  // running -> queued: the owner released it (shutdown, lost heartbeat) so another process resumes it.
  running: ['finished', 'finished_with_errors', 'failed', 'cancelled', 'queued'],
  // A failed session can be resumed from its checkpoints.
  failed: ['queued'],
  finished: [],
  finished_with_errors: [],
  cancelled: [],
};

export const terminalStates: readonly SessionState[] = sessionStates.filter(
  (s) => sessionTransitions[s].length === 0,
);

export function canTransition(from: SessionState, to: SessionState): boolean {
  return sessionTransitions[from].includes(to);
}

export class InvalidTransitionError extends Error {
  constructor(sessionId: string, from: SessionState, to: SessionState) {
    super(
      `sync session ${sessionId} cannot go from ${from} to ${to}; allowed: ${sessionTransitions[from].join(', ') || 'none (final state)'}`,
    );
    this.name = 'InvalidTransitionError';
  }
}
