import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { actionStatuses, type ActionStatus } from '../../../../shared/schemas/action-item';
import { ErrorNotice } from '../../components/error-notice';
import { Field } from '../../components/field';
import { useActionsStore, type ActionFilter } from '../../stores/use-actions-store';
import { useMeetingStore } from '../../stores/use-meeting-store';
import { useSettingsStore } from '../../stores/use-settings-store';
import { CountrySelect } from '../directory/country-select';
import { formatCount } from '../directory/format-directory';
import { statusChangeMessage } from './actions-panel';
import { ActionTable, type ActionTableRow } from './action-table';
import { useMeetingNames } from './use-meeting-names';

export interface ActionTrackerProps {
  readonly onOpenMeeting: (meetingId: string) => void;
}

/** The filter without `field` (a choice of "any"). */
function without(filter: ActionFilter, field: keyof ActionFilter): ActionFilter {
  const { [field]: _dropped, ...rest } = filter;
  return rest;
}

/**
 * Every meeting's action items in one table, filtered by the core: status, owner country, owner person, overdue
 * only. Open items come first by due date; each can be closed or reopened here, and its meeting opened. Follows
 * `meetings.changed` while shown.
 */
export function ActionTracker({ onOpenMeeting }: ActionTrackerProps) {
  const { t } = useTranslation();
  const language = useSettingsStore((state) => state.language);
  const filter = useActionsStore((state) => state.filter);
  const status = useActionsStore((state) => state.status);
  const rows = useActionsStore((state) => state.rows);
  const error = useActionsStore((state) => state.error);
  const busyIds = useActionsStore((state) => state.busyIds);
  const owners = useActionsStore((state) => state.ownerContactIds);
  const setFilter = useActionsStore((state) => state.setFilter);
  const resolveContacts = useMeetingStore((state) => state.resolveContacts);
  const names = useMeetingNames();
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    const actions = useActionsStore.getState();
    void actions.load();
    return actions.follow();
  }, []);

  useEffect(() => {
    void resolveContacts(owners);
  }, [owners, resolveContacts]);

  const setStatus = async (row: ActionTableRow, next: ActionStatus): Promise<void> => {
    const result = await useActionsStore.getState().update(row.id, { status: next });
    setAnnouncement(result.ok ? t(statusChangeMessage(next), { title: row.title }) : t('meetings.actions.failed', { message: result.error.message }));
  };

  const filtered = Object.keys(filter).length > 0;

  return (
    <div className="tracker">
      <div className="filters tracker__filters" role="group" aria-label={t('meetings.tracker.filtersLabel')}>
        <Field label={t('meetings.tracker.status')}>
          {(control) => (
            <select
              {...control}
              className="field__control"
              value={filter.status ?? ''}
              onChange={(event) => {
                const next = actionStatuses.find((candidate) => candidate === event.target.value);
                setFilter(next === undefined ? without(filter, 'status') : { ...filter, status: next });
              }}
            >
              <option value="">{t('meetings.tracker.anyStatus')}</option>
              {actionStatuses.map((option) => (
                <option key={option} value={option}>
                  {t(`meetings.actionStatuses.${option}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('meetings.tracker.ownerCountry')}>
          {(control) => (
            <CountrySelect
              control={control}
              value={filter.ownerCountryId ?? ''}
              noneLabel={t('meetings.tracker.anyCountry')}
              onChange={(countryId) => {
                setFilter(countryId === '' ? without(filter, 'ownerCountryId') : { ...filter, ownerCountryId: countryId });
              }}
            />
          )}
        </Field>
        <Field label={t('meetings.tracker.ownerContact')}>
          {(control) => (
            <select
              {...control}
              className="field__control"
              value={filter.ownerContactId ?? ''}
              onChange={(event) => {
                const id = event.target.value;
                setFilter(id === '' ? without(filter, 'ownerContactId') : { ...filter, ownerContactId: id });
              }}
            >
              <option value="">{t('meetings.tracker.anyContact')}</option>
              {owners.map((id) => (
                <option key={id} value={id}>
                  {names.contactWithCountry(id)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <label className="checkbox tracker__overdue">
          <input
            type="checkbox"
            checked={filter.overdue === true}
            onChange={(event) => {
              setFilter(event.target.checked ? { ...filter, overdue: true } : without(filter, 'overdue'));
            }}
          />
          {t('meetings.tracker.overdue')}
        </label>
        <button
          type="button"
          className="button"
          disabled={!filtered}
          onClick={() => {
            setFilter({});
          }}
        >
          {t('meetings.tracker.clear')}
        </button>
      </div>
      <p className="muted" role="status">
        {status === 'loading' && rows.length === 0
          ? t('meetings.tracker.loading')
          : t('meetings.tracker.count', { count: rows.length, formatted: formatCount(rows.length, language) })}
      </p>
      {status === 'error' ? (
        <ErrorNotice
          title={t('meetings.tracker.failed')}
          message={error?.message}
          retryLabel={t('meetings.list.retry')}
          onRetry={() => {
            void useActionsStore.getState().load();
          }}
        />
      ) : null}
      <p className="muted">{t('meetings.actions.keysHint')}</p>
      <ActionTable
        caption={t('meetings.tracker.label')}
        rows={rows}
        busyIds={busyIds}
        readOnly={false}
        onOpenMeeting={onOpenMeeting}
        onSetStatus={setStatus}
      />
      <p className="status-line" role="status">
        {announcement}
      </p>
    </div>
  );
}
