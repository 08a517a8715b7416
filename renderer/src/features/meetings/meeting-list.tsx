import { useEffect, useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingRow } from '../../../../shared/api/meetings';
import { Badge } from '../../components/badge';
import { ErrorNotice } from '../../components/error-notice';
import { useMeetingsStore } from '../../stores/use-meetings-store';
import { useSettingsStore } from '../../stores/use-settings-store';
import { formatCount } from '../directory/format-directory';
import { countriesAttendedText } from './meeting-counts';
import { MeetingWhenText } from './meeting-when-text';
import { useMeetingNames } from './use-meeting-names';

export interface MeetingListProps {
  readonly onOpen: (row: MeetingRow) => void;
  /** The meeting whose title takes focus once listed (the one just left), cleared once it has. */
  readonly focusRef: RefObject<string | null>;
}

/**
 * The meetings, latest first, as a table: title (a button that opens the meeting) with its kind, when (in the
 * meeting's zone and the user's), where and who hosts, status, agenda items, countries attended and open action
 * items. Deleted meetings, when shown, are marked.
 */
export function MeetingList({ onOpen, focusRef }: MeetingListProps) {
  const { t } = useTranslation();
  const language = useSettingsStore((state) => state.language);
  const list = useMeetingsStore((state) => state.list);
  const load = useMeetingsStore((state) => state.load);
  const names = useMeetingNames();
  const titles = useRef(new Map<string, HTMLButtonElement>());

  useEffect(() => {
    const id = focusRef.current;
    const button = id === null ? undefined : titles.current.get(id);
    if (button === undefined) return;
    focusRef.current = null;
    button.focus();
  }, [list.rows, focusRef]);

  if (list.status === 'error' && list.rows.length === 0) {
    return (
      <ErrorNotice
        title={t('meetings.list.failed')}
        message={list.error?.message}
        retryLabel={t('meetings.list.retry')}
        onRetry={() => {
          void load();
        }}
      />
    );
  }
  if (list.status !== 'loaded' && list.rows.length === 0) {
    return (
      <p className="muted" role="status">
        {t('meetings.list.loading')}
      </p>
    );
  }

  return (
    <table className="table meeting-table">
      <caption className="visually-hidden">{t('meetings.list.label')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('meetings.list.columns.title')}</th>
          <th scope="col">{t('meetings.list.columns.when')}</th>
          <th scope="col">{t('meetings.list.columns.where')}</th>
          <th scope="col">{t('meetings.list.columns.status')}</th>
          <th scope="col">{t('meetings.list.columns.agenda')}</th>
          <th scope="col">{t('meetings.list.columns.attendance')}</th>
          <th scope="col">{t('meetings.list.columns.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {list.rows.map((row) => {
          const hosts = row.hostCountryIds.map(names.country).join(', ');
          return (
            <tr key={row.id} className={row.deleted ? 'meeting-table__row meeting-table__row--deleted' : 'meeting-table__row'}>
              <th scope="row">
                <button
                  ref={(element) => {
                    if (element === null) titles.current.delete(row.id);
                    else titles.current.set(row.id, element);
                  }}
                  type="button"
                  className="link-button meeting-table__title"
                  onClick={() => {
                    onOpen(row);
                  }}
                >
                  {row.title}
                </button>
                <span className="badges">
                  <Badge label={t(`meetings.kinds.${row.kind}`)} tone="role" />
                  {row.demo ? <Badge label={t('meetings.list.demo')} tone="demo" /> : null}
                  {row.deleted ? <Badge label={t('meetings.list.deleted')} tone="deleted" /> : null}
                </span>
              </th>
              <td>
                <MeetingWhenText timing={row} />
              </td>
              <td>
                <span className="meeting-table__place">{row.location === '' ? t('meetings.list.noPlace') : row.location}</span>
                {hosts === '' ? null : <span className="muted meeting-table__hosts">{t('meetings.list.hostedBy', { hosts })}</span>}
              </td>
              <td>{t(`meetings.statuses.${row.status}`)}</td>
              <td className="table__number">
                {row.itemCount === 0 ? t('meetings.list.noItems') : t('meetings.list.items', { count: row.itemCount, formatted: formatCount(row.itemCount, language) })}
              </td>
              <td>{countriesAttendedText(row.countriesAttended, row.statedCountryCount, language, t)}</td>
              <td className="table__number">
                {row.openActions === 0
                  ? t('meetings.list.noOpenActions')
                  : t('meetings.list.openActions', { count: row.openActions, formatted: formatCount(row.openActions, language) })}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
