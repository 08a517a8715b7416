import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganisationDetail } from '../../../../shared/api/directory';
import { organisationInput, type OrganisationFields } from '../../../../shared/domain/directory-input';
import { organisationKinds, type OrganisationKind } from '../../../../shared/schemas/organisation';
import { textBinding } from '../../components/bind-text-field';
import { ChoiceField } from '../../components/choice-field';
import { Field } from '../../components/field';
import { EditForm } from '../../components/edit-form';
import { FormFooter } from '../../components/form-footer';
import { TextAreaField, TextField } from '../../components/text-field';
import { useDirectoryStore } from '../../stores/use-directory-store';
import { useOrganisationStore } from '../../stores/use-organisation-store';
import { changedFields } from './changed-fields';
import { issuesFromZod } from './field-issues';
import { CountrySelect } from './country-select';
import { focusFirstInvalid } from './focus-first-invalid';
import { selfAndDescendants } from './organisation-groups';
import { OrganisationSelect } from './organisation-select';
import { useDiscardGuard } from './use-discard-guard';
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

  const parsed = organisationInput.safeParse(values);
  const messages = useFieldMessages(parsed.success ? [] : issuesFromZod(parsed.error.issues), fields);
  const dirty = JSON.stringify(values) !== JSON.stringify(initial);
  const excluded =
    organisation === null || rows.status !== 'loaded' ? new Set<string>() : selfAndDescendants(rows.items, organisation.id);

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

  const guard = useDiscardGuard({ dirty, onSave: submit, onCancel, wording: 'directory' });
  const bind = textBinding(values, change, messages);

  return (
    <EditForm
      className="organisation-form"
      title={organisation === null ? t('directory.organisationForm.createTitle') : t('directory.organisationForm.editTitle', { name: organisation.name })}
      titleLevel={2}
      titleClassName="detail__title"
      hint={t('directory.organisationForm.keysHint')}
      busy={busy}
      formRef={formRef}
      onSubmit={submit}
      onKeyDown={guard.onKeyDown}
    >
      <TextField label={t('directory.organisationForm.name')} wide {...bind('name')} />
      <div className="form-grid">
        <TextField label={t('directory.organisationForm.acronym')} {...bind('acronym')} />
        <ChoiceField
          label={t('directory.organisationForm.kind')}
          error={messages.at('kind')}
          value={values.kind}
          choices={organisationKinds}
          labelOf={(kind) => t(`directory.organisationKinds.${kind}`)}
          onChange={(kind) => {
            change('kind', kind);
          }}
        />
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
      <TextAreaField label={t('directory.organisationForm.notes')} wide rows={3} {...bind('notes')} />
      <FormFooter
        {...guard.footer}
        failure={failure}
        unplaced={messages.unplaced}
        busy={busy}
        saveLabel={t('directory.organisationForm.save')}
        busyLabel={t('directory.organisationForm.saving')}
        cancelLabel={t('directory.organisationForm.cancel')}
      />
    </EditForm>
  );
}
