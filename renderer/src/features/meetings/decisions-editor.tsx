import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface DecisionsEditorProps {
  readonly decisions: readonly string[];
  readonly onChange: (decisions: readonly string[]) => void;
  readonly error?: string | null;
}

/**
 * What an agenda item decided, one text per decision: each with its Remove button, and "Add decision", which adds an
 * empty one and puts the cursor in it. Blank decisions are left out when the item is saved.
 */
export function DecisionsEditor({ decisions, onChange, error = null }: DecisionsEditorProps) {
  const { t } = useTranslation();
  const listRef = useRef<HTMLOListElement>(null);
  const focusLast = useRef(false);

  useEffect(() => {
    if (!focusLast.current) return;
    focusLast.current = false;
    const fields = listRef.current?.querySelectorAll('textarea');
    fields?.[fields.length - 1]?.focus();
  }, [decisions.length]);

  return (
    <fieldset className="decisions">
      <legend className="field__label">{t('meetings.item.decisions')}</legend>
      {decisions.length === 0 ? <p className="muted">{t('meetings.item.noDecisions')}</p> : null}
      <ol ref={listRef} className="decisions__list">
        {decisions.map((decision, index) => {
          const number = index + 1;
          return (
            // Decisions have no ids of their own: their place is what names them.
            <li key={index} className="decisions__item">
              <textarea
                className="field__control field__control--wide"
                aria-label={t('meetings.item.decision', { number })}
                rows={2}
                value={decision}
                onChange={(event) => {
                  onChange(decisions.map((held, at) => (at === index ? event.target.value : held)));
                }}
              />
              <button
                type="button"
                className="link-button"
                aria-label={t('meetings.item.removeDecision', { number })}
                onClick={() => {
                  onChange(decisions.filter((_held, at) => at !== index));
                }}
              >
                {t('meetings.lookup.remove')}
              </button>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="button"
        onClick={() => {
          focusLast.current = true;
          onChange([...decisions, '']);
        }}
      >
        {t('meetings.item.addDecision')}
      </button>
      {error === null ? null : <p className="field__error">{error}</p>}
    </fieldset>
  );
}
