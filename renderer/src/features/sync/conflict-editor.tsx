import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncRecordRow } from '../../../../shared/api/sync';
import { formatDateTime } from '../../i18n/format';
import { useSettingsStore } from '../../stores/use-settings-store';
import { useSyncStore } from '../../stores/use-sync-store';
import { conflictFieldsOf, fieldLabel, valueText, type ConflictField } from './conflict-detail';
import { collectionLabel, failureText, issueText } from './sync-words';

type Side = 'local' | 'remote';

export interface ConflictEditorProps {
  readonly row: SyncRecordRow;
  /** Back to the list without saving (the Back button, or Escape). */
  readonly onBack: () => void;
  /** The choice was saved (`sync.conflicts.resolve` answered). */
  readonly onSaved: () => void;
}

/**
 * One conflict, field by field: this computer's value against the server's (with the value both started from, small),
 * a radio per side — the server's preselected, since it is the one kept now — and Save. The radios of a field are one
 * native group (arrow keys move between them); Escape goes back. Values are shown as text only.
 */
export function ConflictEditor({ row, onBack, onSaved }: ConflictEditorProps) {
  const { t } = useTranslation();
  const language = useSettingsStore((state) => state.language);
  const resolve = useSyncStore((state) => state.resolve);
  const fields = useMemo(() => conflictFieldsOf(row.detail), [row.detail]);
  const [choices, setChoices] = useState<Readonly<Record<string, Side>>>(() =>
    Object.fromEntries((fields ?? []).map((field) => [field.field, 'remote' as const])),
  );
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const baseId = useId();

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const collection = collectionLabel(row.collection, t);
  const chooseAll = (side: Side): void => {
    setChoices(Object.fromEntries((fields ?? []).map((field) => [field.field, side])));
  };

  return (
    <div
      className="sync-conflict"
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || busy) return;
        event.preventDefault();
        onBack();
      }}
    >
      <h2 ref={headingRef} tabIndex={-1}>
        {t('sync.editor.title', { collection, id: row.documentId })}
      </h2>
      <p className="muted">{formatDateTime(row.detectedAt, language)}</p>
      {fields === null ? (
        <p className="sync-problem">{t('sync.conflicts.unreadable')}</p>
      ) : (
        <form
          noValidate
          aria-busy={busy}
          onSubmit={(event) => {
            event.preventDefault();
            if (busy) return;
            setBusy(true);
            setFailure(null);
            void resolve(row.id, choices).then((result) => {
              setBusy(false);
              if (result.ok) {
                onSaved();
                return;
              }
              const issue = result.error.issues?.[0];
              setFailure(t('sync.editor.failed', { message: issue === undefined ? failureText(result.error, t) : issueText(issue, t) }));
            });
          }}
        >
          <p>{t('sync.editor.intro')}</p>
          <div className="toolbar">
            <button
              type="button"
              className="button"
              onClick={() => {
                chooseAll('local');
              }}
            >
              {t('sync.editor.allLocal')}
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                chooseAll('remote');
              }}
            >
              {t('sync.editor.allRemote')}
            </button>
          </div>
          <div className="sync-table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('sync.editor.field')}</th>
                  <th scope="col">{t('sync.editor.local')}</th>
                  <th scope="col">{t('sync.editor.remote')}</th>
                </tr>
              </thead>
              <tbody>
                {fields.map((field, index) => (
                  <FieldRow
                    key={field.field}
                    field={field}
                    name={`${baseId}-field-${String(index)}`}
                    choice={choices[field.field] ?? 'remote'}
                    disabled={busy}
                    onChoose={(side) => {
                      setChoices({ ...choices, [field.field]: side });
                    }}
                  />
                ))}
              </tbody>
            </table>
          </div>
          {failure === null ? null : (
            <p className="form-failure" role="alert">
              {failure}
            </p>
          )}
          <div className="detail__actions">
            <button type="submit" className="button button--primary" aria-disabled={busy}>
              {busy ? t('sync.editor.saving') : t('sync.editor.save')}
            </button>
            <button type="button" className="button" onClick={onBack}>
              {t('sync.editor.back')}
            </button>
          </div>
        </form>
      )}
      {fields === null ? (
        <button type="button" className="button" onClick={onBack}>
          {t('sync.editor.back')}
        </button>
      ) : null}
    </div>
  );
}

interface FieldRowProps {
  readonly field: ConflictField;
  /** The radio group's name, unique on the page. */
  readonly name: string;
  readonly choice: Side;
  readonly disabled: boolean;
  readonly onChoose: (side: Side) => void;
}

/** One conflicting field: its name and base value, then a radio per side labelled with that side's value. */
function FieldRow({ field, name, choice, disabled, onChoose }: FieldRowProps) {
  const { t } = useTranslation();
  const headerId = useId();
  const label = fieldLabel(field.field, t);
  const option = (side: Side) => {
    const text = valueText(field[side], field.field, t);
    return (
      <td>
        <label className="sync-choice">
          <input
            type="radio"
            name={name}
            value={side}
            checked={choice === side}
            disabled={disabled}
            aria-label={t('sync.editor.choice', { side: side === 'local' ? t('sync.editor.local') : t('sync.editor.remote'), value: text })}
            aria-describedby={headerId}
            onChange={() => {
              onChoose(side);
            }}
          />
          <span className="sync-value">{text}</span>
        </label>
      </td>
    );
  };
  return (
    <tr>
      <th scope="row" id={headerId}>
        <code>{label}</code>
        <span className="sync-base">{t('sync.editor.base', { value: valueText(field.base, field.field, t) })}</span>
      </th>
      {option('local')}
      {option('remote')}
    </tr>
  );
}
