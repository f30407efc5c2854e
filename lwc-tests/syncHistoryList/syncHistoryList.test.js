import { createElement } from 'lwc';
import SyncHistoryList from 'c/syncHistoryList';
import getRecentHistory from '@salesforce/apex/SyncHistoryController.getRecentHistory';
import {
  clampMaxRows,
  failureToggleLabel,
  toHistoryRows,
} from '../../force-app/main/default/lwc/syncHistoryList/historyView';

jest.mock('@salesforce/apex/SyncHistoryController.getRecentHistory', () => ({ default: jest.fn() }), {
  virtual: true,
});

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const q = (element, id) => element.shadowRoot.querySelector(`[data-id="${id}"]`);
const qa = (element, id) => [...element.shadowRoot.querySelectorAll(`[data-id="${id}"]`)];

const finished = {
  id: 'a0Y000000000001AAA',
  name: 'SH-0001',
  syncType: 'On-demand',
  scope: 'Accounts & Related Objects',
  status: 'Finished',
  startedOn: '2026-11-23T10:00:00.000Z',
  processed: 2,
  succeeded: 2,
  failed: 0,
  failures: [],
};
const withErrors = {
  id: 'a0Y000000000002AAA',
  name: 'SH-0002',
  syncType: 'Scheduled',
  scope: 'Accounts & Related Objects',
  status: 'Finished with Errors',
  startedOn: '2026-11-23T08:00:00.000Z',
  processed: 3,
  succeeded: 1,
  failed: 2,
  failures: [
    {
      id: 'a0Z1',
      objectType: 'CustomerAccount__c',
      salesforceId: 'a0X000000000009AAA',
      errorCode: 'UNABLE_TO_LOCK_ROW',
      errorMessage: 'lock',
    },
    {
      id: 'a0Z2',
      objectType: 'Invoice__c',
      zuoraId: '2c92c0f8a1b2c3d4e5f60718293a4b5c',
      errorCode: 'STRING_TOO_LONG',
      errorMessage: 'too long',
    },
  ],
};
const failure = {
  id: 'a0Y000000000003AAA',
  name: 'SH-0003',
  syncType: 'On-demand',
  status: 'Failure',
  processed: 1,
  succeeded: 0,
  failed: 1,
  syncError: 'The Zuora sync service could not be reached.',
  failures: [],
};

async function mount(maxRows) {
  const element = createElement('c-sync-history-list', { is: SyncHistoryList });
  if (maxRows !== undefined) element.maxRows = maxRows;
  document.body.appendChild(element);
  await flush();
  return element;
}

afterEach(() => {
  while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  jest.clearAllMocks();
});

describe('historyView', () => {
  it('clamps the row count to 1..50, defaulting to 10', () => {
    expect(clampMaxRows(undefined)).toBe(10);
    expect(clampMaxRows('abc')).toBe(10);
    expect(clampMaxRows(0)).toBe(10);
    expect(clampMaxRows('25')).toBe(25);
    expect(clampMaxRows(500)).toBe(50);
  });

  it('labels failures and fills defaults', () => {
    const [row] = toHistoryRows([{ id: 'h1', failures: [{ id: 'f1', errorCode: 'X' }] }]);
    expect(row).toMatchObject({ status: 'Unknown', syncType: '—', processed: 0, hasFailures: true });
    expect(row.failures[0]).toEqual({ id: 'f1', label: 'Record', message: 'The sync failed (X).' });
    expect(failureToggleLabel(1, false)).toBe('Show 1 failure');
    expect(failureToggleLabel(2, true)).toBe('Hide 2 failures');
  });
});

describe('c-sync-history-list', () => {
  it('lists recent sessions with type, status and counts in an accessible table', async () => {
    getRecentHistory.mockResolvedValue([finished, withErrors, failure]);
    const element = await mount(5);

    expect(getRecentHistory).toHaveBeenCalledWith({ maxRows: 5 });
    const table = q(element, 'history-table');
    expect(table.querySelector('caption').textContent).toMatch(/Recent Zuora sync sessions/);
    expect([...table.querySelectorAll('thead th')].every((th) => th.getAttribute('scope') === 'col')).toBe(
      true,
    );
    const rows = qa(element, 'history-row');
    expect(rows).toHaveLength(3);
    const cells = [...rows[1].querySelectorAll('td')].map((td) => td.textContent.trim());
    expect(cells.slice(0, 5)).toEqual([
      'Scheduled',
      'Accounts & Related Objects',
      'Finished with Errors',
      '3',
      '1',
    ]);
    expect(rows[1].querySelector('a').getAttribute('href')).toBe(
      '/lightning/r/Sync_History__c/a0Y000000000002AAA/view',
    );
    expect(rows[2].querySelector('[data-id="sync-error"]').textContent).toMatch(/could not be reached/);
  });

  it('shows and hides the failures of a partially failed session', async () => {
    getRecentHistory.mockResolvedValue([finished, withErrors]);
    const element = await mount();

    const toggles = qa(element, 'toggle-failures');
    expect(toggles).toHaveLength(1);
    expect(toggles[0].getAttribute('aria-expanded')).toBe('false');
    expect(toggles[0].textContent.trim()).toBe('Show 2 failures');
    expect(q(element, 'failures')).toBeNull();

    toggles[0].click();
    await flush();
    const items = [...q(element, 'failures').querySelectorAll('li')].map((li) => li.textContent);
    expect(items[0]).toMatch(/^CustomerAccount__c a0X000000000009AAA: .*retried on the next sync/);
    expect(items[1]).toMatch(
      /^Invoice__c 2c92c0f8a1b2c3d4e5f60718293a4b5c: .*longer than the Salesforce field allows/,
    );
    expect(q(element, 'toggle-failures').getAttribute('aria-expanded')).toBe('true');
    expect(q(element, 'toggle-failures').textContent.trim()).toBe('Hide 2 failures');

    q(element, 'toggle-failures').click();
    await flush();
    expect(q(element, 'failures')).toBeNull();
  });

  it('has an empty state', async () => {
    getRecentHistory.mockResolvedValue([]);
    const element = await mount();

    expect(q(element, 'empty').textContent).toBe('No sync sessions yet.');
    expect(q(element, 'history-table')).toBeNull();
  });

  it('shows why the history could not be read', async () => {
    getRecentHistory.mockRejectedValue({
      status: 500,
      body: { message: 'Insufficient access to Sync_History__c' },
    });
    const element = await mount();

    expect(q(element, 'error').getAttribute('role')).toBe('alert');
    expect(q(element, 'error').textContent).toBe('Insufficient access to Sync_History__c');
    expect(q(element, 'empty')).toBeNull();
  });

  it('reloads when refreshed', async () => {
    getRecentHistory.mockResolvedValueOnce([]);
    getRecentHistory.mockResolvedValue([finished]);
    const element = await mount();
    expect(q(element, 'empty')).not.toBeNull();

    q(element, 'refresh').click();
    await flush();
    expect(qa(element, 'history-row')).toHaveLength(1);
  });
});
