import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { connectApi, installApiClient } from './api/client';
import { App } from './app/app';
import { initI18n } from './i18n/i18n';
import { useSettingsStore } from './stores/use-settings-store';
import './theme.css';

// The page's CSP forbids eval: zod must not even probe for it (a caught probe is still reported as a violation).
z.config({ jitless: true });
initI18n(useSettingsStore.getState().language);
installApiClient(connectApi());

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
