import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { takeTokenFragment } from './app/router';
import { useSession } from './app/session';
import { useI18n } from './i18n';

// browser host: take the API token out of the address (#token=…) before the router reads the address
takeTokenFragment();
// ask the backend where to start (app.info) while React renders the loading screen, not after
void useSession.getState().boot();

document.documentElement.lang = useI18n.getState().locale;
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
