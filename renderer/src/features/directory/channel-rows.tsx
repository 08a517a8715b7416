import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { channelKinds } from '../../../../shared/schemas/contact';
import type { ChannelKind, ChannelValue } from './contact-form-values';
import type { FieldMessages } from './use-field-messages';

/** The most addresses or numbers a contact holds (the schema's limit). */
const MAX_ROWS = 10;

export interface ChannelRowsProps {
  readonly field: 'emails' | 'phones';
  readonly rows: readonly ChannelValue[];
  readonly messages: FieldMessages;
  readonly onChange: (rows: readonly ChannelValue[]) => void;
}

/**
 * Repeated rows for e-mail addresses or phone numbers: a value and its kind each, with Remove, and an Add button.
 * Adding moves focus into the new row; removing moves it to the group's Add button, never into nowhere.
 */
export function ChannelRows({ field, rows, messages, onChange }: ChannelRowsProps) {
  const { t } = useTranslation();
  const legendId = useId();
  const baseId = useId();
  const addRef = useRef<HTMLButtonElement>(null);
  const focusRow = useRef<number | null>(null);
  const email = field === 'emails';

  useEffect(() => {
    if (focusRow.current === null) return;
    document.getElementById(`${baseId}-${focusRow.current}`)?.focus();
    focusRow.current = null;
  }, [rows.length, baseId]);

  const update = (index: number, change: Partial<ChannelValue>): void => {
    onChange(rows.map((row, at) => (at === index ? { ...row, ...change } : row)));
  };
  const groupError = messages.exact(field);

  return (
    <fieldset className="channel-rows" aria-labelledby={legendId}>
      <legend className="field__label" id={legendId}>
        {t(email ? 'directory.form.emails' : 'directory.form.phones')}
      </legend>
      {rows.map((row, index) => {
        const n = index + 1;
        const inputId = `${baseId}-${index}`;
        const errorId = `${inputId}-error`;
        const error = messages.at(`${field}.${index}`);
        return (
          <div className="channel-rows__row" key={index}>
            <div className="channel-rows__value">
              <label className="visually-hidden" htmlFor={inputId}>
                {t(email ? 'directory.form.address' : 'directory.form.number', { n })}
              </label>
              <input
                id={inputId}
                className="field__control field__control--wide"
                type={email ? 'email' : 'tel'}
                value={row.value}
                autoComplete="off"
                spellCheck={false}
                aria-invalid={error !== null}
                aria-describedby={error === null ? undefined : errorId}
                onChange={(event) => {
                  update(index, { value: event.target.value });
                }}
              />
              {error === null ? null : (
                <p className="field__error" id={errorId}>
                  {error}
                </p>
              )}
            </div>
            <select
              className="field__control"
              aria-label={t(email ? 'directory.form.addressKind' : 'directory.form.numberKind', { n })}
              value={row.kind}
              onChange={(event) => {
                update(index, { kind: event.target.value as ChannelKind });
              }}
            >
              {channelKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`directory.channelKinds.${kind}`)}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="button"
              onClick={() => {
                onChange(rows.filter((_row, at) => at !== index));
                addRef.current?.focus();
              }}
            >
              {t(email ? 'directory.form.removeEmail' : 'directory.form.removePhone', { n })}
            </button>
          </div>
        );
      })}
      {groupError === null ? null : <p className="field__error">{groupError}</p>}
      <button
        ref={addRef}
        type="button"
        className="button"
        disabled={rows.length >= MAX_ROWS}
        onClick={() => {
          focusRow.current = rows.length;
          onChange([...rows, { value: '', kind: 'work' }]);
        }}
      >
        {t(email ? 'directory.form.addEmail' : 'directory.form.addPhone')}
      </button>
    </fieldset>
  );
}
