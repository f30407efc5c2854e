// Sign-in with the service's API token; a wrong token is refused and said so.
import { useState } from 'preact/hooks';
import { ApiError, post } from '../api.js';
import { Alert, Card, TextInput } from '../components/ui.js';

export function Login(props: { expired: boolean; onSignedIn: (csrf: string) => void }) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const s = await post<{ csrfToken: string }>('/console/session', { token });
      props.onSignedIn(s.csrfToken);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'the service could not be reached');
    } finally {
      setBusy(false);
    }
  };
  return (
    <main class="console-login" id="main">
      <h1 class="slds-text-heading_large slds-m-bottom_medium">zuora-salesforce-sync console</h1>
      <Card title="Sign in">
        {props.expired && error === undefined ? (
          <Alert kind="warning">Your sign-in expired; sign in again.</Alert>
        ) : null}
        {error === undefined ? null : <Alert kind="error">Sign-in refused: {error}</Alert>}
        <form onSubmit={(e) => void submit(e)}>
          <TextInput
            id="token"
            label="API token"
            type="password"
            value={token}
            onInput={setToken}
            required
            help="The service's API_TOKEN (with the embedded default, the contents of .data/api-token)."
          />
          <button
            class="slds-button slds-button_brand slds-m-top_medium"
            type="submit"
            disabled={busy || token === ''}
          >
            Sign in
          </button>
        </form>
      </Card>
    </main>
  );
}
