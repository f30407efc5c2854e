import {
  describeOutcome,
  planSync,
  selectionMessage,
  toggleSelection,
} from '../../force-app/main/default/lwc/syncFromZBilling/syncPlan';

const account = (n) => ({
  id: `a0X00000000000${String(n).padStart(2, '0')}AAA`,
  name: `Billing ${n}`,
  accountNumber: `A-${n}`,
});
const list = (count, uiLimit = 8) => ({
  uiLimit,
  totalCount: count,
  billingAccounts: Array.from({ length: Math.min(count, 200) }, (_, i) => account(i + 1)),
});

describe('planSync', () => {
  it('syncs all billing accounts of an account when there are at most the UI limit', () => {
    expect(planSync(true, list(8))).toEqual({
      mode: 'all',
      message: expect.stringContaining('8 billing accounts'),
    });
    expect(planSync(true, list(1)).message).toBe(
      'The billing account of this account will be synced from Zuora.',
    );
  });

  it('asks the user to choose, and says why, beyond the UI limit', () => {
    const plan = planSync(true, list(9));
    expect(plan.mode).toBe('choose');
    expect(plan.message).toBe(
      'This account has 9 billing accounts, but one sync from Salesforce can include at most 8. Choose up to 8 below.',
    );
  });

  it('explains the empty state of an account without billing accounts', () => {
    expect(planSync(true, list(0))).toEqual({
      mode: 'empty',
      message: expect.stringContaining('CRM Account ID'),
    });
  });

  it('syncs the one billing account of a billing account record, or says it is not visible', () => {
    expect(planSync(false, list(1)).mode).toBe('single');
    expect(planSync(false, list(0)).mode).toBe('unavailable');
  });
});

describe('toggleSelection', () => {
  it('adds and removes ids and refuses beyond the limit', () => {
    let state = toggleSelection([], 'a', true, 2);
    state = toggleSelection(state.selected, 'b', true, 2);
    expect(state).toEqual({ selected: ['a', 'b'], refused: false });
    expect(toggleSelection(state.selected, 'c', true, 2)).toEqual({ selected: ['a', 'b'], refused: true });
    expect(toggleSelection(state.selected, 'a', false, 2)).toEqual({ selected: ['b'], refused: false });
  });

  it('does not duplicate an id checked twice', () => {
    expect(toggleSelection(['a'], 'a', true, 2).selected).toEqual(['a']);
  });

  it('describes the selection', () => {
    expect(selectionMessage(3, 8, false)).toBe('3 of 8 selected.');
    expect(selectionMessage(8, 8, false)).toBe('8 of 8 selected: the most one sync can include.');
    expect(selectionMessage(8, 8, true)).toBe('You can choose at most 8 billing accounts for one sync.');
  });
});

describe('describeOutcome', () => {
  const accounts = [account(1), { ...account(2), zuoraId: '2c92c0f8a1b2c3d4e5f60718293a4b5c' }];

  it('summarises a partial failure and names each billing account', () => {
    const view = describeOutcome(
      {
        queued: false,
        results: [
          { objectId: accounts[0].id, success: true, status: 'Succeeded' },
          {
            objectId: 'x',
            zuoraId: accounts[1].zuoraId,
            success: false,
            status: 'Failed',
            errorCode: 'UNABLE_TO_LOCK_ROW',
            errorMessage: 'unable to obtain exclusive access',
          },
        ],
      },
      accounts,
    );
    expect(view.summary).toBe('1 of 2 billing accounts were synced; 1 failed.');
    expect(view.tone).toBe('error');
    expect(view.rows.map((row) => [row.name, row.statusLabel])).toEqual([
      ['Billing 1 (A-1)', 'Synced'],
      ['Billing 2 (A-2)', 'Failed'],
    ]);
    expect(view.rows[1].message).toMatch(/retried on the next sync/);
  });

  it('reports a request-level failure in plain words without rows', () => {
    const view = describeOutcome(
      { queued: false, errorCode: 'UNAVAILABLE', errorMessage: 'down', results: [] },
      accounts,
    );
    expect(view).toEqual({
      summary: expect.stringMatching(/^Nothing was synced\. .*temporarily unavailable/),
      tone: 'error',
      rows: [],
    });
  });

  it('reports queued, all-synced, none-synced and nothing-found outcomes', () => {
    expect(describeOutcome({ queued: true, results: [] }, accounts).tone).toBe('info');
    expect(
      describeOutcome(
        { queued: false, results: [{ objectId: accounts[0].id, success: true, status: 'Succeeded' }] },
        accounts,
      ).summary,
    ).toBe('The billing account was synced.');
    const none = describeOutcome(
      {
        queued: false,
        results: [
          { objectId: 'unknown-id', success: false, status: 'Failed', errorCode: 'X', errorMessage: 'Bad.' },
        ],
      },
      accounts,
    );
    expect(none.summary).toBe('The billing account could not be synced.');
    expect(none.rows[0].name).toBe('Record unknown-id');
    expect(describeOutcome({ queued: false, results: [] }, accounts).summary).toMatch(/no billing accounts/);
  });
});
