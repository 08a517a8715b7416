import { useEffect, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { UnlockScreen } from '../features/unlock/unlock-screen';
import { startStores } from '../stores/start-stores';
import { useConnectionStore } from '../stores/use-connection-store';
import { useLockStore } from '../stores/use-lock-store';
import { useNavigationStore } from '../stores/use-navigation-store';
import { CheckingScreen } from './checking-screen';
import { ConnectionBanner } from './connection-banner';
import { ErrorBoundary } from './error-boundary';
import { NoCoreScreen } from './no-core-screen';
import { SectionNav } from './section-nav';
import { sectionForShortcut } from './section-shortcuts';
import { sectionScreens } from './sections';
import { StatusBar } from './status-bar';

/**
 * The window's layout: skip link, section navigation, connection banner, the current screen (inside its own error
 * boundary, so one broken screen leaves the rest usable) and the status bar. Ctrl/Cmd+1…6 jump between sections.
 * While the store waits for its passphrase, the unlock screen (with the connection banner) replaces all of it.
 */
export function AppShell() {
  const { t } = useTranslation();
  const noCore = useConnectionStore((state) => state.status.state === 'no-core');
  const lock = useLockStore((state) => state.view.state);
  const section = useNavigationStore((state) => state.section);
  const mainRef = useRef<HTMLElement>(null);
  const focusHeadingNext = useRef(false);

  // Before paint, so the first frame already knows whether there is a core (no flash of the wrong screen).
  useLayoutEffect(() => startStores(), []);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      const target = sectionForShortcut(event);
      if (target === null) return;
      event.preventDefault();
      focusHeadingNext.current = true;
      useNavigationStore.getState().go(target);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
    };
  }, []);

  useEffect(() => {
    // A keyboard jump moves focus to the new screen's heading, so screen readers announce where the user landed.
    if (!focusHeadingNext.current) return;
    focusHeadingNext.current = false;
    mainRef.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [section]);

  if (noCore) return <NoCoreScreen />;
  if (lock === 'checking') return <CheckingScreen />;
  if (lock === 'locked' || lock === 'needs-passphrase-setup') {
    return (
      <div className="locked-window">
        <ConnectionBanner />
        <UnlockScreen state={lock} />
      </div>
    );
  }

  const CurrentScreen = sectionScreens[section];
  return (
    <div className="shell">
      <a
        className="skip-link"
        href="#main-content"
        onClick={(event) => {
          // Focus the content without touching the URL fragment, which belongs to the host's token.
          event.preventDefault();
          mainRef.current?.focus();
        }}
      >
        {t('shell.skipToContent')}
      </a>
      <aside className="shell__sidebar">
        <p className="shell__brand">{t('app.name')}</p>
        <SectionNav />
      </aside>
      <div className="shell__body">
        <ConnectionBanner />
        <main className="shell__main" id="main-content" ref={mainRef} tabIndex={-1}>
          <ErrorBoundary key={section} scope="screen">
            <CurrentScreen />
          </ErrorBoundary>
        </main>
      </div>
      <StatusBar />
    </div>
  );
}
