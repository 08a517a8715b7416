import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import { installApiClient } from '../api/client';
import { initI18n } from '../i18n/i18n';
import { useAppInfoStore } from '../stores/use-app-info-store';
import { useConnectionStore } from '../stores/use-connection-store';
import { resetContactList, useContactListStore } from '../stores/use-contact-list-store';
import { useContactStore } from '../stores/use-contact-store';
import { useCountryStore } from '../stores/use-country-store';
import { useDirectoryStore } from '../stores/use-directory-store';
import { useDirectoryViewStore } from '../stores/use-directory-view-store';
import { resetDocumentStores } from './fake-documents';
import { resetMeetingStores } from './fake-meetings';
import { resetSync } from '../stores/use-sync-store';
import { useImportStore } from '../stores/use-import-store';
import { resetLockTimers, useLockStore } from '../stores/use-lock-store';
import { useNavigationStore } from '../stores/use-navigation-store';
import { useOrganisationStore } from '../stores/use-organisation-store';
import { useSearchStore } from '../stores/use-search-store';
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
  useDirectoryStore.setState(useDirectoryStore.getInitialState());
  useDirectoryViewStore.setState(useDirectoryViewStore.getInitialState());
  useContactStore.setState(useContactStore.getInitialState());
  useCountryStore.setState(useCountryStore.getInitialState());
  useOrganisationStore.setState(useOrganisationStore.getInitialState());
  useImportStore.setState(useImportStore.getInitialState());
  useSearchStore.setState(useSearchStore.getInitialState());
  useContactListStore.setState(useContactListStore.getInitialState());
  resetContactList();
  resetDocumentStores();
  resetMeetingStores();
  resetSync();
  installApiClient(null);
});

afterEach(() => {
  // Without vitest globals Testing Library cannot register its own cleanup.
  cleanup();
  vi.restoreAllMocks();
  vi.useRealTimers();
});
