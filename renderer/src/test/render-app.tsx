import { render, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ok } from '../../../shared/api/result';
import { clientFromBridge, installApiClient, type ApiClient } from '../api/client';
import { App } from '../app/app';
import { useLockStore } from '../stores/use-lock-store';
import { fakeBridge, sampleAppInfo, type FakeHandlers } from './fake-bridge';
import { fakeDirectory, type FakeDirectory } from './fake-directory';

/** An open store, the sample app.info and an empty directory: what a healthy core answers on first run. */
const defaultHandlers = (): FakeHandlers => ({
  'app.info': () => Promise.resolve(ok(sampleAppInfo())),
  'app.lockState': () => Promise.resolve(ok({ state: 'open' })),
  ...fakeDirectory().handlers,
});

/**
 * Renders the whole app over a fake bridge installed through the api module, as main.tsx installs the real one, and
 * waits until the window knows whether the store is locked (a moment, as in the real app). `handlers` replace the
 * default answers one method at a time.
 */
export async function renderApp(handlers: FakeHandlers = {}) {
  const fake = fakeBridge({ ...defaultHandlers(), ...handlers });
  installApiClient(clientFromBridge(fake.bridge));
  const user = userEvent.setup();
  const rendered = render(<App />);
  await lockStateKnown();
  return { fake, user, ...rendered };
}

/**
 * Renders the whole app over `directory` (an in-memory core directory), wired so its changes push events to the page
 * as the core's do. `handlers` replace any method, e.g. to make a save fail.
 */
export async function renderWithDirectory(directory: FakeDirectory, handlers: FakeHandlers = {}) {
  const rendered = await renderApp({ ...directory.handlers, ...handlers });
  directory.connect(rendered.fake.emit);
  return rendered;
}

/** Renders the whole app over a client the test built itself (e.g. one whose connection it controls). */
export async function renderAppWith(client: ApiClient | null) {
  installApiClient(client);
  const user = userEvent.setup();
  const rendered = render(<App />);
  if (client !== null) await lockStateKnown();
  return { user, ...rendered };
}

async function lockStateKnown(): Promise<void> {
  await waitFor(() => {
    if (useLockStore.getState().view.state === 'checking') throw new Error('The lock state is not known yet');
  });
}
