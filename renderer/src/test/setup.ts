import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import { installApiClient } from '../api/client';
import { initI18n } from '../i18n/i18n';
import { useAppInfoStore } from '../stores/use-app-info-store';
import { useConnectionStore } from '../stores/use-connection-store';
import { resetLockTimers, useLockStore } from '../stores/use-lock-store';
import { useNavigationStore } from '../stores/use-navigation-store';
import { useSettingsStore } from '../stores/use-settings-store';

// Every test starts from the state a fresh window would have: English, first section, no client, empty storage.
initI18n('en');

beforeEach(() => {
  useSettingsStore.getState().setLanguage('en');
  localStorage.clear();
  sessionStorage.clear();
  useNavigationStore.setState(useNavigationStore.getInitialState());
  useAppInfoStore.setState(useAppInfoStore.getInitialState());
  useConnectionStore.setState(useConnectionStore.getInitialState());
  useLockStore.setState(useLockStore.getInitialState());
  resetLockTimers();
  installApiClient(null);
});

afterEach(() => {
  // Without vitest globals Testing Library cannot register its own cleanup.
  cleanup();
  vi.restoreAllMocks();
  vi.useRealTimers();
});
