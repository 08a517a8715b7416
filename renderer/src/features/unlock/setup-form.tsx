import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  checkNewPassphrase,
  MIN_PASSPHRASE_LENGTH,
  normalizePassphrase,
  passphraseLength,
  passphraseStrength,
  type PassphraseIssue,
} from '../../../../shared/domain/passphrase-policy';
import { useLockStore } from '../../stores/use-lock-store';
import { useSettingsStore } from '../../stores/use-settings-store';
import { fieldIssueMessage, issueMessage, lockFailureMessage } from './lock-messages';
import { PassphraseField } from './passphrase-field';

/**
 * Chooses the passphrase of a new store: the passphrase and its confirmation, the rules and a strength hint as it is
 * typed, and the warning that nobody can recover it. The rules are checked here for immediate, field-level feedback
 * and again by the core, whose field issues are shown the same way.
 */
export function SetupForm() {
  const { t } = useTranslation();
  const language = useSettingsStore((state) => state.language);
  const busy = useLockStore((state) => state.busy);
  const failure = useLockStore((state) => state.failure);
  const setPassphraseInCore = useLockStore((state) => state.setPassphrase);
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  // Rules are enforced from the first submission on, so nobody is scolded for a passphrase they are still typing.
  const [submitted, setSubmitted] = useState(false);
  const passphraseRef = useRef<HTMLInputElement>(null);
  const confirmationRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    passphraseRef.current?.focus();
  }, []);

  const localIssues: PassphraseIssue[] = submitted ? checkNewPassphrase(passphrase, confirmation) : [];
  const fieldError = (field: PassphraseIssue['field']): string | null => {
    const local = localIssues.find((issue) => issue.field === field);
    if (local !== undefined) return issueMessage(local.code, t);
    const fromCore = failure?.issues?.find((issue) => issue.path === field);
    return fromCore === undefined ? null : fieldIssueMessage(fromCore, t);
  };
  const generalError = failure !== null && failure.issues === undefined ? lockFailureMessage(failure, t, language) : null;
  const strength = passphraseStrength(passphrase);
  const length = passphraseLength(normalizePassphrase(passphrase));

  return (
    <form
      className="unlock__form"
      aria-busy={busy}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (busy) return;
        setSubmitted(true);
        const issues = checkNewPassphrase(passphrase, confirmation);
        if (issues.length > 0) {
          (issues[0]?.field === 'confirmation' ? confirmationRef : passphraseRef).current?.focus();
          return;
        }
        void setPassphraseInCore(passphrase, confirmation);
      }}
    >
      <h1 className="unlock__title">{t('unlock.setup.title')}</h1>
      <p>{t('unlock.setup.intro')}</p>
      <p className="unlock__warning">{t('unlock.setup.warning')}</p>
      <PassphraseField
        label={t('unlock.setup.passphraseLabel')}
        value={passphrase}
        onChange={setPassphrase}
        autoComplete="new-password"
        error={fieldError('passphrase')}
        readOnly={busy}
        inputRef={passphraseRef}
        help={
          <>
            <p>{t('unlock.setup.rules', { min: MIN_PASSPHRASE_LENGTH })}</p>
            <p className="unlock__strength" data-strength={strength} aria-live="polite">
              {t(`unlock.strength.${strength}`, { length, min: MIN_PASSPHRASE_LENGTH })}
            </p>
          </>
        }
      />
      <PassphraseField
        label={t('unlock.setup.confirmationLabel')}
        value={confirmation}
        onChange={setConfirmation}
        autoComplete="new-password"
        error={fieldError('confirmation')}
        readOnly={busy}
        inputRef={confirmationRef}
      />
      {generalError === null ? null : (
        <p className="unlock__error" role="alert">
          {generalError}
        </p>
      )}
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? t('unlock.setup.busy') : t('unlock.setup.submit')}
      </button>
    </form>
  );
}
