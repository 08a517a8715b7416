import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSyncStore } from '../../stores/use-sync-store';
import { PassphraseField } from '../unlock/passphrase-field';
import { failureText, issueText } from './sync-words';

export interface SignInFormProps {
  readonly server: string;
  readonly user: string;
}

/**
 * Asks for the password again once sync is signed out (after a sign-out, or when the server refused the password).
 * Enter submits. A refused password is cleared and the field takes focus again; the password is never kept or shown.
 * The field takes focus on appearing when nothing else has it (the Sign out button it replaces is gone).
 */
export function SignInForm({ server, user }: SignInFormProps) {
  const { t } = useTranslation();
  const signIn = useSyncStore((state) => state.signIn);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const focused = document.activeElement;
    if (focused === null || focused === document.body) inputRef.current?.focus();
  }, []);

  return (
    <form
      className="sync-form"
      noValidate
      aria-busy={busy}
      onSubmit={(event) => {
        event.preventDefault();
        if (busy) return;
        setBusy(true);
        setError(null);
        const sent = password;
        setPassword('');
        void signIn(sent).then((result) => {
          setBusy(false);
          if (result.ok) return;
          const issue = result.error.issues?.find((candidate) => candidate.path === 'password') ?? result.error.issues?.[0];
          setError(issue === undefined ? `${t('sync.signIn.failed')} ${failureText(result.error, t)}` : issueText(issue, t));
          inputRef.current?.focus();
        });
      }}
    >
      <h3>{t('sync.signIn.title')}</h3>
      <p>{t('sync.signIn.intro', { server, user })}</p>
      <PassphraseField
        label={t('sync.signIn.password')}
        value={password}
        onChange={(value) => {
          setPassword(value);
          setError(null);
        }}
        autoComplete="current-password"
        error={error}
        readOnly={busy}
        inputRef={inputRef}
      />
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? t('sync.signIn.busy') : t('sync.signIn.submit')}
      </button>
    </form>
  );
}
