import { createElement } from 'lwc';
import BillingAccountSyncStatus from 'c/billingAccountSyncStatus';
import getSyncStatus from '@salesforce/apex/OnDemandSyncController.getSyncStatus';
import { registerRefreshHandler, unregisterRefreshHandler } from 'lightning/refresh';
import {
  plainLastError,
  toStatusView,
} from '../../force-app/main/default/lwc/billingAccountSyncStatus/statusView';

jest.mock('@salesforce/apex/OnDemandSyncController.getSyncStatus', () => ({ default: jest.fn() }), {
  virtual: true,
});

const BILLING_ACCOUNT_ID = 'a0X000000000001AAA';
const HISTORY_ID = 'a0Y000000000001AAA';
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const q = (element, id) => element.shadowRoot.querySelector(`[data-id="${id}"]`);

async function mount() {
  const element = createElement('c-billing-account-sync-status', { is: BillingAccountSyncStatus });
  element.recordId = BILLING_ACCOUNT_ID;
  document.body.appendChild(element);
  await flush();
  return element;
}

afterEach(() => {
  while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  jest.clearAllMocks();
});

describe('statusView', () => {
  it('turns the stored "CODE: message" error into plain words', () => {
    expect(plainLastError('SERVICE_UNREACHABLE: Unable to tunnel')).toMatch(
      /could not reach the Zuora sync service/,
    );
    expect(plainLastError('ZUORA_123: Account is closed.')).toBe('Account is closed.');
    expect(plainLastError('free text without code')).toBe('free text without code');
    expect(plainLastError('  ')).toBeNull();
  });

  it('shows the error only when the last sync failed', () => {
    const view = toStatusView({
      id: BILLING_ACCOUNT_ID,
      name: 'B',
      lastSyncStatus: 'Synced',
      lastSyncError: 'X: old',
    });
    expect(view.errorText).toBeNull();
    expect(view.badgeClass).toContain('success');
  });
});

describe('c-billing-account-sync-status', () => {
  it('shows the last sync time, status and a link to its history', async () => {
    getSyncStatus.mockResolvedValue({
      id: BILLING_ACCOUNT_ID,
      name: 'Acme billing',
      lastSyncStatus: 'Synced',
      lastSyncedAt: '2026-11-23T10:15:00.000Z',
      lastSyncHistoryId: HISTORY_ID,
    });
    const element = await mount();

    expect(getSyncStatus).toHaveBeenCalledWith({ billingAccountId: BILLING_ACCOUNT_ID });
    expect(q(element, 'status').textContent).toBe('Synced');
    expect(q(element, 'last-synced').querySelector('lightning-formatted-date-time').value).toBe(
      '2026-11-23T10:15:00.000Z',
    );
    expect(q(element, 'history-link').getAttribute('href')).toBe(
      `/lightning/r/Sync_History__c/${HISTORY_ID}/view`,
    );
    expect(q(element, 'last-error')).toBeNull();
    expect(q(element, 'refresh').alternativeText).toBe('Refresh sync status');
  });

  it('shows the last error of a failed sync in plain words', async () => {
    getSyncStatus.mockResolvedValue({
      id: BILLING_ACCOUNT_ID,
      name: 'Acme billing',
      lastSyncStatus: 'Failed',
      lastSyncError: 'UNAUTHORIZED: invalid token (HTTP 401)',
      lastSyncHistoryId: HISTORY_ID,
    });
    const element = await mount();

    expect(q(element, 'status').textContent).toBe('Failed');
    expect(q(element, 'last-error').textContent).toMatch(/did not accept the credentials/);
  });

  it('has an empty state for a billing account never synced on demand', async () => {
    getSyncStatus.mockResolvedValue({ id: BILLING_ACCOUNT_ID, name: 'New' });
    const element = await mount();

    expect(q(element, 'status').textContent).toBe('Not synced on demand yet');
    expect(q(element, 'last-synced').textContent).toBe('Never');
    expect(q(element, 'never-synced')).not.toBeNull();
    expect(q(element, 'history-link')).toBeNull();
  });

  it('shows why the status could not be read', async () => {
    getSyncStatus.mockRejectedValue({
      status: 500,
      body: { message: 'Billing account a0X was not found or is not visible to you.' },
    });
    const element = await mount();

    expect(q(element, 'error').getAttribute('role')).toBe('alert');
    expect(q(element, 'error').textContent).toMatch(/not visible to you/);
    expect(q(element, 'status')).toBeNull();
  });

  it('reloads on refresh (button and record page RefreshEvent) and unregisters when removed', async () => {
    getSyncStatus.mockResolvedValueOnce({ id: BILLING_ACCOUNT_ID, name: 'B', lastSyncStatus: 'Pending' });
    getSyncStatus.mockResolvedValue({ id: BILLING_ACCOUNT_ID, name: 'B', lastSyncStatus: 'Synced' });
    const element = await mount();
    expect(q(element, 'status').textContent).toBe('Pending');

    q(element, 'refresh').click();
    await flush();
    expect(q(element, 'status').textContent).toBe('Synced');

    // The Lightning Locker form, which works under Lightning Web Security too: the host element, and a
    // handler that does not depend on how it is called.
    const [context, handler] = registerRefreshHandler.mock.calls.at(-1);
    expect(context).toBe(element);
    await expect(handler.call(undefined)).resolves.toBe(true);
    expect(getSyncStatus).toHaveBeenCalledTimes(3);

    document.body.removeChild(element);
    expect(unregisterRefreshHandler).toHaveBeenCalled();
  });
});
