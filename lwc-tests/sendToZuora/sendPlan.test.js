import {
  describeSend,
  describeSendError,
  moreThanListed,
  orderLines,
  planSend,
  updatedRecordIds,
} from '../../force-app-cpq/main/default/lwc/sendToZuora/sendPlan';

const order = (n, extra = {}) => ({
  id: `80100000000000${n}AAA`,
  orderNumber: `0000010${n}`,
  status: 'Activated',
  activated: true,
  ...extra,
});

describe('planSend', () => {
  it('names the order, and hints when it is not activated', () => {
    expect(planSend({ objectName: 'Order', totalCount: 1, maxOrders: 50, orders: [order(1)] })).toEqual({
      message: 'Order 00000101 (Activated) will be sent to Zuora Billing.',
      hint: '',
    });
    expect(
      planSend({
        objectName: 'Order',
        totalCount: 1,
        maxOrders: 50,
        orders: [order(1, { activated: false })],
      }).hint,
    ).toMatch(/^Only activated orders go to Zuora/);
  });

  it('explains an account send and its limit, or that there is nothing to see', () => {
    expect(
      planSend({ objectName: 'Account', totalCount: 2, maxOrders: 50, orders: [order(1), order(2)] }).message,
    ).toBe(
      'Every activated order of this account that is not in Zuora yet will be sent to Zuora Billing (at most 50 in one send).',
    );
    expect(planSend({ objectName: 'Account', totalCount: 0, maxOrders: 50, orders: [] }).message).toBe(
      'This account has no orders you can see.',
    );
  });
});

describe('orderLines and moreThanListed', () => {
  it('gives each order its status and where it stands in Zuora', () => {
    const context = {
      objectName: 'Account',
      totalCount: 73,
      maxOrders: 50,
      orders: [order(1, { zuoraSyncStatus: 'Failed' }), order(2, { status: null })],
    };
    expect(orderLines(context)).toEqual([
      { id: order(1).id, label: 'Order 00000101', detail: 'Activated · Zuora: Failed' },
      { id: order(2).id, label: 'Order 00000102', detail: 'Not sent to Zuora yet' },
    ]);
    expect(moreThanListed(context)).toBe('Showing the 2 most recent of 73 orders.');
    expect(moreThanListed({ ...context, totalCount: 2 })).toBe('');
  });
});

describe('describeSendError', () => {
  it('says the service could not be reached for 503 and unreachable, else uses the shared words or the message', () => {
    expect(describeSendError('UNAVAILABLE', 'x')).toMatch(/^The sync service could not be reached/);
    expect(describeSendError('service_unreachable', null)).toMatch(/^The sync service could not be reached/);
    expect(describeSendError('UNAUTHORIZED', null)).toMatch(/did not accept the credentials/);
    expect(describeSendError('INVALID_REQUEST', 'orderIds: at most 50 orders (HTTP 400)')).toBe(
      'orderIds: at most 50 orders (HTTP 400)',
    );
  });
});

describe('describeSend', () => {
  const outcome = (results, extra = {}) => ({ dryRun: false, queued: false, results, ...extra });
  const result = (n, status, extra = {}) => ({
    orderId: order(n).id,
    orderNumber: order(n).orderNumber,
    status,
    ...extra,
  });

  it('sums up several orders by status, with the tone of the worst', () => {
    const view = describeSend(outcome([result(1, 'Synced'), result(2, 'Synced'), result(3, 'Waiting')]));
    expect(view.summary).toBe('2 of 3 orders are in Zuora. 1 waiting.');
    expect(view.tone).toBe('warning');
    expect(describeSend(outcome([result(1, 'Synced'), result(2, 'Synced')])).summary).toBe(
      'All 2 orders are in Zuora.',
    );
    expect(describeSend(outcome([result(1, 'Failed')])).summary).toBe(
      'The order could not be sent to Zuora.',
    );
    expect(describeSend(outcome([result(1, 'Waiting')])).summary).toMatch(
      /^The order is not ready for Zuora yet/,
    );
  });

  it('falls back to the shared words for a failure without a message, and prefixes the fix', () => {
    const [row] = describeSend(
      outcome([result(1, 'Failed', { errorCode: 'UNABLE_TO_LOCK_ROW', fix: '  Send it again.  ' })]),
    ).rows;
    expect(row.message).toMatch(/Another process was updating this record/);
    expect(row.fix).toBe('What to do: Send it again.');
    expect(row.tone).toBe('error');
  });

  it('reports a queued send and a refused one without rows', () => {
    expect(describeSend(outcome([], { queued: true })).summary).toMatch(/^The send was queued/);
    const refused = describeSend(outcome([], { errorCode: 'FORBIDDEN', errorMessage: 'this token may not' }));
    expect(refused.summary).toMatch(
      /^Nothing was sent to Zuora\. The Zuora sync service refused this request/,
    );
    expect(refused.rows).toEqual([]);
  });

  it('describes a preview with nothing to send', () => {
    expect(describeSend(outcome([], { dryRun: true })).summary).toBe(
      'Nothing would be sent: no order of this record needs sending.',
    );
  });
});

describe('updatedRecordIds', () => {
  it('lists the record and the orders the service wrote, and nothing for a preview or a failure', () => {
    const results = [
      { orderId: 'o1', status: 'Synced' },
      { orderId: 'o1', status: 'Synced' },
    ];
    expect(updatedRecordIds('a1', { dryRun: false, queued: false, results })).toEqual(['a1', 'o1']);
    expect(updatedRecordIds('a1', { dryRun: true, queued: false, results })).toEqual([]);
    expect(
      updatedRecordIds('a1', { dryRun: false, queued: false, errorCode: 'UNAVAILABLE', results: [] }),
    ).toEqual([]);
  });
});
