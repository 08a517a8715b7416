import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectApi, installApiClient } from './api/client';
import { App } from './app/app';
import { initI18n } from './i18n/i18n';
import { useSettingsStore } from './stores/use-settings-store';
import './theme.css';

initI18n(useSettingsStore.getState().language);
installApiClient(connectApi());

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
