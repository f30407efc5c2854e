// The operations console: sign-in, then Overview, Sessions, Failures, Performance, Notifications,
// Real-time (stats and dead letters), CPQ and Drift.
import '@salesforce-ux/design-system/assets/styles/salesforce-lightning-design-system.min.css';
import './console.css';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, get, setCsrf, whenSignedOut } from './api.js';
import { navigate, usePath, linkProps } from './router.js';
import { Login } from './pages/Login.js';
import { Overview } from './pages/Overview.js';
import { Sessions } from './pages/Sessions.js';
import { SessionDetail } from './pages/SessionDetail.js';
import { Failures } from './pages/Failures.js';
import { Performance } from './pages/Performance.js';
import { Notifications } from './pages/Notifications.js';
import { Realtime } from './pages/Realtime.js';
import { Cpq } from './pages/Cpq.js';
import { Drift } from './pages/Drift.js';

const tabs = [
  ['/console', 'Overview'],
  ['/console/sessions', 'Sessions'],
  ['/console/failures', 'Failures'],
  ['/console/performance', 'Performance'],
  ['/console/notifications', 'Notifications'],
  ['/console/realtime', 'Real-time'],
  ['/console/cpq', 'CPQ'],
  ['/console/drift', 'Drift'],
] as const;

function Page(props: { path: string }) {
  const p = props.path.split('?')[0] ?? '';
  const session = /^\/console\/sessions\/([0-9a-f-]{36})$/.exec(p);
  if (session?.[1] !== undefined) return <SessionDetail id={session[1]} />;
  if (p.startsWith('/console/sessions')) return <Sessions />;
  if (p.startsWith('/console/failures')) return <Failures />;
  if (p.startsWith('/console/performance')) return <Performance />;
  if (p.startsWith('/console/notifications')) return <Notifications />;
  if (p.startsWith('/console/realtime')) return <Realtime />;
  if (p.startsWith('/console/cpq')) return <Cpq />;
  if (p.startsWith('/console/drift')) return <Drift />;
  return <Overview />;
}

function App() {
  const path = usePath();
  const [signedIn, setSignedIn] = useState<boolean | undefined>(undefined);
  useEffect(() => {
    whenSignedOut(() => {
      setCsrf(undefined);
      setSignedIn(false);
    });
    get<{ csrfToken: string }>('/console/session').then(
      (s) => {
        setCsrf(s.csrfToken);
        setSignedIn(true);
      },
      () => setSignedIn(false),
    );
  }, []);
  if (signedIn === undefined) return null;
  if (!signedIn || path.startsWith('/console/login'))
    return (
      <Login
        expired={path.includes('expired=1')}
        onSignedIn={(csrf) => {
          setCsrf(csrf);
          setSignedIn(true);
          navigate('/console');
        }}
      />
    );
  const current = path.split('?')[0] ?? '';
  const active = (href: string) => (href === '/console' ? current === '/console' : current.startsWith(href));
  const signOut = async () => {
    await api('DELETE', '/console/session').catch(() => undefined);
    setCsrf(undefined);
    setSignedIn(false);
    navigate('/console/login');
  };
  return (
    <div class="console">
      <a class="slds-assistive-text slds-assistive-text_focus" href="#main">
        Skip to content
      </a>
      <header class="slds-global-header slds-grid slds-grid_align-spread console-header">
        <p class="slds-text-heading_medium slds-p-around_small">zuora-salesforce-sync · Operations console</p>
        <button
          type="button"
          class="slds-button slds-button_neutral slds-m-around_small"
          onClick={() => void signOut()}
        >
          Sign out
        </button>
      </header>
      <nav class="slds-tabs_default" aria-label="Console pages">
        <ul class="slds-tabs_default__nav">
          {tabs.map(([href, label]) => (
            <li class={`slds-tabs_default__item${active(href) ? ' slds-is-active' : ''}`} key={href}>
              <a
                class="slds-tabs_default__link"
                {...linkProps(href)}
                aria-current={active(href) ? 'page' : undefined}
              >
                {label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" class="slds-p-around_medium">
        <Page path={path} />
      </main>
    </div>
  );
}

const root = document.getElementById('app');
if (root !== null) render(<App />, root);
