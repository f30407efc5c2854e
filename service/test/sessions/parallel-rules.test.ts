// Seed 000's parallel-session rules, case by case.
import { describe, expect, it } from 'vitest';
import { blockingSession, type ActiveSession } from '../../src/sessions/parallel-rules.js';

const active = (
  scope: 'accounts' | 'catalog',
  trigger: ActiveSession['trigger'],
  entityId = '',
): ActiveSession => ({
  id: `${scope}-${trigger}`,
  scope,
  trigger,
  entityId,
});

describe('parallel sync sessions', () => {
  it('a running manual catalog session blocks a new catalog session', () => {
    expect(
      blockingSession({ scope: 'catalog', trigger: 'manual', entityId: '' }, [active('catalog', 'manual')]),
    ).toBeDefined();
  });
  it('a running manual or scheduled accounts session blocks manual and real-time accounts sessions', () => {
    for (const running of ['manual', 'scheduled'] as const) {
      for (const requested of ['manual', 'realtime', 'scheduled'] as const) {
        expect(
          blockingSession({ scope: 'accounts', trigger: requested, entityId: '' }, [
            active('accounts', running),
          ]),
          `${running} blocks ${requested}`,
        ).toBeDefined();
      }
    }
  });
  it('catalog and accounts sessions run side by side', () => {
    expect(
      blockingSession({ scope: 'catalog', trigger: 'manual', entityId: '' }, [active('accounts', 'manual')]),
    ).toBeUndefined();
    expect(
      blockingSession({ scope: 'accounts', trigger: 'manual', entityId: '' }, [active('catalog', 'manual')]),
    ).toBeUndefined();
  });
  it('on-demand sessions run in parallel with anything', () => {
    const all = [active('accounts', 'manual'), active('catalog', 'manual'), active('accounts', 'realtime')];
    expect(blockingSession({ scope: 'accounts', trigger: 'on_demand', entityId: '' }, all)).toBeUndefined();
    expect(blockingSession({ scope: 'catalog', trigger: 'on_demand', entityId: '' }, all)).toBeUndefined();
    expect(
      blockingSession({ scope: 'accounts', trigger: 'manual', entityId: '' }, [
        active('accounts', 'on_demand'),
      ]),
    ).toBeUndefined();
  });
  it('sessions of different entities never block each other', () => {
    expect(
      blockingSession({ scope: 'accounts', trigger: 'manual', entityId: 'e2' }, [
        active('accounts', 'manual', 'e1'),
      ]),
    ).toBeUndefined();
  });
});
