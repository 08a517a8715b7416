import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganisationDetail } from '../../../../shared/api/directory';
import { organisationInput, type OrganisationFields } from '../../../../shared/domain/directory-input';
import { organisationKinds, type OrganisationKind } from '../../../../shared/schemas/organisation';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Field } from '../../components/field';
import { useDirectoryStore } from '../../stores/use-directory-store';
import { useOrganisationStore } from '../../stores/use-organisation-store';
import { changedFields } from './changed-fields';
import { issuesFromZod } from './field-issues';
import { CountrySelect } from './country-select';
import { focusFirstInvalid } from './focus-first-invalid';
import { selfAndDescendants } from './organisation-groups';
import { OrganisationSelect } from './organisation-select';
import { isSaveShortcut } from './shortcut-keys';
import { useFieldMessages } from './use-field-messages';

/** The organisation form's state, field by field. */
export interface OrganisationFormValues {
  readonly name: string;
  readonly acronym: string;
  readonly kind: OrganisationKind;
  readonly parentId: string;
  readonly countryId: string;
  readonly notes: string;
}

export interface OrganisationFormProps {
  /** The organisation to edit; null creates one with `start`'s parent and country. */
  readonly organisation: OrganisationDetail | null;
  readonly start?: { readonly parentId: string; readonly countryId: string };
  readonly onSaved: (organisation: OrganisationDetail) => void;
  readonly onCancel: () => void;
}

const fields = ['name', 'acronym', 'kind', 'parentId', 'countryId', 'notes'] as const;

/**
 * Creates or edits an organisation: name, acronym, kind, the organisation it sits inside and its country. Checked as
 * the user types against the core's schema; the core's issues (unknown parent, a parent cycle) show beside their
 * field. Ctrl+S saves, Escape cancels (asking first when something changed).
 */
export function OrganisationForm({ organisation, start, onSaved, onCancel }: OrganisationFormProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const rows = useDirectoryStore((state) => state.organisations);
  const busy = useOrganisationStore((state) => state.busy);
  const save = useOrganisationStore((state) => state.save);
  const [initial] = useState<OrganisationFormValues>(() =>
    organisation === null
      ? { name: '', acronym: '', kind: 'ministry', parentId: start?.parentId ?? '', countryId: start?.countryId ?? '', notes: '' }
      : {
          name: organisation.name,
          acronym: organisation.acronym,
          kind: organisation.kind,
          parentId: organisation.parentId,
          countryId: organisation.countryId,
          notes: organisation.notes,
        },
  );
  const [values, setValues] = useState(initial);
  const [failure, setFailure] = useState<string | null>(null);
  const [askDiscard, setAskDiscard] = useState(false);

  const parsed = organisationInput.safeParse(values);
  const messages = useFieldMessages(parsed.success ? [] : issuesFromZod(parsed.error.issues), fields);
  const dirty = JSON.stringify(values) !== JSON.stringify(initial);
  const excluded =
    organisation === null || rows.status !== 'loaded' ? new Set<string>() : selfAndDescendants(rows.items, organisation.id);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const change = <K extends keyof OrganisationFormValues>(field: K, value: OrganisationFormValues[K]): void => {
    messages.touch(field);
    setFailure(null);
    setValues((previous) => ({ ...previous, [field]: value }));
  };

  const submit = async (): Promise<void> => {
    if (busy) return;
    messages.submit();
    if (!parsed.success) {
      setFailure(t('directory.organisationForm.fixFields'));
      focusFirstInvalid(formRef.current);
      return;
    }
    const baseline = organisationInput.safeParse(initial);
    const input: Partial<OrganisationFields> =
      organisation === null || !baseline.success ? parsed.data : changedFields(baseline.data, parsed.data);
    if (organisation !== null && Object.keys(input).length === 0) {
      onSaved(organisation);
      return;
    }
    const result = await save(organisation?.id ?? null, input);
    if (result.ok) {
      onSaved(result.value);
      return;
    }
    messages.setCoreIssues(result.error.issues);
    setFailure(t('directory.organisationForm.failed', { message: result.error.message }));
    requestAnimationFrame(() => {
      focusFirstInvalid(formRef.current);
    });
  };

  const cancel = (): void => {
    if (dirty) setAskDiscard(true);
    else onCancel();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>): void => {
    if (isSaveShortcut(event)) {
      event.preventDefault();
      void submit();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      cancel();
    }
  };

  return (
    <form
      ref={formRef}
      className="organisation-form"
      aria-labelledby={headingId}
      aria-busy={busy}
      noValidate
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h2 className="detail__title" id={headingId} ref={headingRef} tabIndex={-1}>
        {organisation === null
          ? t('directory.organisationForm.createTitle')
          : t('directory.organisationForm.editTitle', { name: organisation.name })}
      </h2>
      <p className="muted">{t('directory.organisationForm.keysHint')}</p>
      <Field label={t('directory.organisationForm.name')} error={messages.at('name')} wide>
        {(control) => (
          <input
            {...control}
            className="field__control field__control--wide"
            type="text"
            value={values.name}
            onChange={(event) => {
              change('name', event.target.value);
            }}
          />
        )}
      </Field>
      <div className="form-grid">
        <Field label={t('directory.organisationForm.acronym')} error={messages.at('acronym')}>
          {(control) => (
            <input
              {...control}
              className="field__control"
              type="text"
              value={values.acronym}
              onChange={(event) => {
                change('acronym', event.target.value);
              }}
            />
          )}
        </Field>
        <Field label={t('directory.organisationForm.kind')} error={messages.at('kind')}>
          {(control) => (
            <select
              {...control}
              className="field__control"
              value={values.kind}
              onChange={(event) => {
                change('kind', event.target.value as OrganisationKind);
              }}
            >
              {organisationKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`directory.organisationKinds.${kind}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('directory.organisationForm.country')} error={messages.at('countryId')}>
          {(control) => (
            <CountrySelect
              control={control}
              value={values.countryId}
              noneLabel={t('directory.organisationForm.countryNone')}
              onChange={(countryId) => {
                change('countryId', countryId);
              }}
            />
          )}
        </Field>
      </div>
      <Field label={t('directory.organisationForm.parent')} error={messages.at('parentId')} wide>
        {(control) => (
          <OrganisationSelect
            control={control}
            value={values.parentId}
            countryId={values.countryId}
            exclude={excluded}
            noneLabel={t('directory.organisationForm.parentNone')}
            onChange={(parentId) => {
              change('parentId', parentId);
            }}
          />
        )}
      </Field>
      <Field label={t('directory.organisationForm.notes')} error={messages.at('notes')} wide>
        {(control) => (
          <textarea
            {...control}
            className="field__control field__control--wide"
            rows={3}
            value={values.notes}
            onChange={(event) => {
              change('notes', event.target.value);
            }}
          />
        )}
      </Field>
      {failure === null ? null : (
        <div className="form-failure" role="alert">
          <p>{failure}</p>
          {messages.unplaced.length === 0 ? null : (
            <ul>
              {messages.unplaced.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="detail__actions">
        <button type="submit" className="button button--primary" disabled={busy} aria-keyshortcuts="Control+S Meta+S">
          {busy ? t('directory.organisationForm.saving') : t('directory.organisationForm.save')}
        </button>
        <button type="button" className="button" onClick={cancel} aria-keyshortcuts="Escape">
          {t('directory.organisationForm.cancel')}
        </button>
      </div>
      {askDiscard ? (
        <ConfirmDialog
          title={t('directory.discard.title')}
          message={t('directory.discard.message')}
          confirmLabel={t('directory.discard.confirm')}
          cancelLabel={t('directory.discard.cancel')}
          onConfirm={() => {
            setAskDiscard(false);
            onCancel();
          }}
          onCancel={() => {
            setAskDiscard(false);
          }}
        />
      ) : null}
    </form>
  );
}
