import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ok } from '../../../shared/api/result';
import { clientFromBridge, installApiClient, type ApiClient } from '../api/client';
import { App } from '../app/app';
import { fakeBridge, sampleAppInfo, type FakeHandlers } from './fake-bridge';

const defaultHandlers: FakeHandlers = { 'app.info': () => Promise.resolve(ok(sampleAppInfo())) };

/** Renders the whole app over a fake bridge installed through the api module, as main.tsx installs the real one. */
export function renderApp(handlers: FakeHandlers = defaultHandlers) {
  const fake = fakeBridge(handlers);
  installApiClient(clientFromBridge(fake.bridge));
  const user = userEvent.setup();
  return { fake, user, ...render(<App />) };
}

/** Renders the whole app over a client the test built itself (e.g. one whose connection it controls). */
export function renderAppWith(client: ApiClient | null) {
  installApiClient(client);
  const user = userEvent.setup();
  return { user, ...render(<App />) };
}
