import { AppShell } from './app-shell';
import { ErrorBoundary } from './error-boundary';

/** The whole renderer: the shell inside a last-resort error boundary. */
export function App() {
  return (
    <ErrorBoundary scope="app">
      <AppShell />
    </ErrorBoundary>
  );
}
