import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../../../../shared/api/result';
import type { SyncStatus } from '../../../../shared/api/sync';
import { Field } from '../../components/field';
import { useSyncStore } from '../../stores/use-sync-store';
import { focusFirstInvalid } from '../directory/focus-first-invalid';
import { failureText, isSyncProblemKind, issueText } from './sync-words';

const fields = ['url', 'user', 'password'] as const;
type FormField = (typeof fields)[number];

interface Failure {
  readonly message: string;
  /** Problems no field of the form shows. */
  readonly unplaced: readonly string[];
}

export interface ConfigureFormProps {
  readonly status: SyncStatus;
  /** Shown when a server is already set (changing it): leaves the form, keeping the server as it was. */
  readonly onCancel?: (() => void) | undefined;
  /** Called once the core accepted the new server. */
  readonly onDone?: (() => void) | undefined;
}

/**
 * The first step of sync: the server's address, the user name and the password, checked by the core signing in
 * (`sync.configure`). Enter submits. The core's problems show under their fields, worded in the user's language, and
 * focus moves to the first. The password lives only in this form while typed: it is cleared once sent, whatever the
 * answer, and never shown back. When a machine-wide policy sets the server, its address is shown read-only.
 */
export function ConfigureForm({ status, onCancel, onDone }: ConfigureFormProps) {
  const { t } = useTranslation();
  const configure = useSyncStore((state) => state.configure);
  const [url, setUrl] = useState(status.server ?? '');
  const [user, setUser] = useState(status.user ?? '');
  const [password, setPassword] = useState('');
  const [issues, setIssues] = useState<ReadonlyMap<FormField, FieldIssue>>(new Map());
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const lockedServer = status.serverLocked ? status.server : null;
  const locked = lockedServer !== null;

  const errorOf = (field: FormField): string | null => {
    const issue = issues.get(field);
    return issue === undefined ? null : issueText(issue, t);
  };
  const clearIssue = (field: FormField): void => {
    if (!issues.has(field)) return;
    const next = new Map(issues);
    next.delete(field);
    setIssues(next);
  };

  return (
    <form
      ref={formRef}
      className="sync-form"
      noValidate
      aria-busy={busy}
      onSubmit={(event) => {
        event.preventDefault();
        if (busy) return;
        setBusy(true);
        setFailure(null);
        const sent = { url: lockedServer ?? url, user, password };
        setPassword('');
        void configure(sent).then((result) => {
          setBusy(false);
          if (result.ok) {
            onDone?.();
            return;
          }
          const placed = new Map<FormField, FieldIssue>();
          const unplaced: string[] = [];
          for (const issue of result.error.issues ?? []) {
            const field = fields.find((name) => name === issue.path);
            if (field === undefined) unplaced.push(issueText(issue, t));
            else if (!placed.has(field)) placed.set(field, issue);
          }
          setIssues(placed);
          // A wrong password or an unreachable server is said as such; plain input slips only point at the fields.
          const kindGiven = result.error.issues?.some((issue) => isSyncProblemKind(issue.code)) ?? false;
          const onlyFields = !kindGiven && result.error.code === 'invalid-input' && placed.size > 0 && unplaced.length === 0;
          setFailure({ message: onlyFields ? t('sync.setup.fixFields') : failureText(result.error, t), unplaced });
          // After the render that marks the fields: focus lands on the first one the core found wrong.
          requestAnimationFrame(() => {
            focusFirstInvalid(formRef.current);
          });
        });
      }}
    >
      <h2>{t('sync.setup.title')}</h2>
      <p>{t('sync.setup.intro')}</p>
      <Field label={t('sync.setup.url')} error={errorOf('url')} help={locked ? t('sync.setup.urlLocked') : t('sync.setup.urlHelp')} wide>
        {(control) => (
          <input
            {...control}
            className="field__control field__control--wide"
            type="url"
            inputMode="url"
            autoComplete="url"
            spellCheck={false}
            autoCapitalize="off"
            autoCorrect="off"
            readOnly={locked || busy}
            value={lockedServer ?? url}
            onChange={(event) => {
              setUrl(event.target.value);
              clearIssue('url');
            }}
          />
        )}
      </Field>
      <Field label={t('sync.setup.user')} error={errorOf('user')} wide>
        {(control) => (
          <input
            {...control}
            className="field__control field__control--wide"
            type="text"
            autoComplete="username"
            spellCheck={false}
            autoCapitalize="off"
            autoCorrect="off"
            readOnly={busy}
            value={user}
            onChange={(event) => {
              setUser(event.target.value);
              clearIssue('user');
            }}
          />
        )}
      </Field>
      <Field label={t('sync.setup.password')} error={errorOf('password')} wide>
        {(control) => (
          <input
            {...control}
            className="field__control field__control--wide"
            type="password"
            autoComplete="current-password"
            spellCheck={false}
            autoCapitalize="off"
            autoCorrect="off"
            readOnly={busy}
            value={password}
            onChange={(event) => {
              setPassword(event.target.value);
              clearIssue('password');
            }}
          />
        )}
      </Field>
      {failure === null ? null : (
        <div className="form-failure" role="alert">
          <p>
            {t('sync.setup.failed')} {failure.message}
          </p>
          {failure.unplaced.length === 0 ? null : (
            <ul>
              {failure.unplaced.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="sync-form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('sync.setup.busy') : t('sync.setup.submit')}
        </button>
        {onCancel === undefined ? null : (
          <button type="button" className="button" disabled={busy} onClick={onCancel}>
            {t('sync.setup.cancelChange')}
          </button>
        )}
      </div>
    </form>
  );
}
