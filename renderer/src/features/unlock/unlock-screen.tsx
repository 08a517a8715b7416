import { SetupForm } from './setup-form';
import { UnlockForm } from './unlock-form';

export interface UnlockScreenProps {
  /** `locked`: ask for the passphrase; `needs-passphrase-setup`: choose the first one. */
  readonly state: 'locked' | 'needs-passphrase-setup';
}

/** What the window shows instead of the app while the store waits for its passphrase. */
export function UnlockScreen({ state }: UnlockScreenProps) {
  return (
    <main className="unlock" id="main-content">
      <div className="unlock__card">{state === 'locked' ? <UnlockForm /> : <SetupForm />}</div>
    </main>
  );
}
