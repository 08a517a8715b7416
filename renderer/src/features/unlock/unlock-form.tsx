import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLockStore } from '../../stores/use-lock-store';
import { useSettingsStore } from '../../stores/use-settings-store';
import { issueMessage, lockFailureMessage } from './lock-messages';
import { PassphraseField } from './passphrase-field';

/**
 * Asks for the passphrase of a locked store. Enter submits; the field has focus from the start and again after a
 * wrong passphrase (cleared, so the next attempt starts afresh). While the core derives the key the button says so;
 * after too many wrong passphrases it stays disabled for as long as the core asks to wait.
 */
export function UnlockForm() {
  const { t } = useTranslation();
  const language = useSettingsStore((state) => state.language);
  const busy = useLockStore((state) => state.busy);
  const failure = useLockStore((state) => state.failure);
  const mustWait = useLockStore((state) => state.mustWait);
  const unlock = useLockStore((state) => state.unlock);
  const [passphrase, setPassphrase] = useState('');
  const [empty, setEmpty] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    inputRef.current?.focus();
  }, []);

  let error: string | null = null;
  if (empty) error = issueMessage('required', t);
  else if (failure !== null) error = lockFailureMessage(failure, t, language);

  return (
    <form
      className="unlock__form"
      aria-busy={busy}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (busy || mustWait) return;
        // An empty field is a slip, not an attempt: it never reaches the core, so it never counts as a wrong passphrase.
        if (passphrase === '') {
          setEmpty(true);
          return;
        }
        void unlock(passphrase).then((opened) => {
          if (opened) return;
          setPassphrase('');
          inputRef.current?.focus();
        });
      }}
    >
      <h1 className="unlock__title">{t('unlock.form.title')}</h1>
      <p>{t('unlock.form.intro')}</p>
      <PassphraseField
        label={t('unlock.form.passphraseLabel')}
        value={passphrase}
        onChange={(value) => {
          setPassphrase(value);
          setEmpty(false);
        }}
        autoComplete="current-password"
        error={error}
        readOnly={busy}
        inputRef={inputRef}
      />
      <button type="submit" className="button button--primary" disabled={busy || mustWait}>
        {busy ? t('unlock.form.busy') : t('unlock.form.submit')}
      </button>
    </form>
  );
}
