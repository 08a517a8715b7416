import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionItem, ActionStatus } from '../../../../shared/schemas/action-item';
import { Badge } from '../../components/badge';
import { useSettingsStore } from '../../stores/use-settings-store';
import { isTextEntry } from '../directory/shortcut-keys';
import { formatDate } from './meeting-format';
import { useMeetingNames } from './use-meeting-names';

/** An action item as a table row shows it: whether it is overdue (the core's judgement) and, across meetings, where from. */
export interface ActionTableRow extends ActionItem {
  readonly overdue: boolean;
  readonly meetingTitle?: string;
}

export interface ActionTableProps {
  readonly caption: string;
  readonly rows: readonly ActionTableRow[];
  /** The tracker names each item's meeting, as a button that opens it. */
  readonly onOpenMeeting?: (meetingId: string) => void;
  /** Items whose change is on its way: their buttons wait. */
  readonly busyIds: ReadonlySet<string>;
  readonly readOnly: boolean;
  /** Closes (done, dropped) or reopens an item; resolves once the change is answered. */
  readonly onSetStatus: (row: ActionTableRow, status: ActionStatus) => Promise<void>;
}

/** Who owes an action item: the person (with their country), the country, the organisation — those known. */
export function useOwnerText(): (row: Pick<ActionItem, 'ownerContactId' | 'ownerCountryId' | 'ownerOrganisationId'>) => string {
  const { t } = useTranslation();
  const names = useMeetingNames();
  return (row) => {
    const parts = [
      row.ownerContactId === null ? null : names.contact(row.ownerContactId),
      row.ownerCountryId === null ? null : names.country(row.ownerCountryId),
      row.ownerOrganisationId === null ? null : names.organisation(row.ownerOrganisationId),
    ].filter((part): part is string => part !== null);
    return parts.length === 0 ? t('meetings.actions.noOwner') : parts.join(' · ');
  };
}

/**
 * Action items as a table: what, owner, due date (marked when overdue), status, and the one action that closes or
 * reopens each (Mark done, Drop, Reopen). A row is a tab stop too: D marks it done, X drops it, R reopens it.
 */
export function ActionTable({ caption, rows, onOpenMeeting, busyIds, readOnly, onSetStatus }: ActionTableProps) {
  const { t } = useTranslation();
  const language = useSettingsStore((state) => state.language);
  const ownerText = useOwnerText();
  const columns = 5 + (onOpenMeeting === undefined ? 0 : 1) - (readOnly ? 1 : 0);
  const bodyRef = useRef<HTMLTableSectionElement>(null);

  /**
   * Changes an item's status with focus on its row, so it is not lost when the button pressed gives way to another;
   * when the row leaves the table (a filter no longer matches), the row that takes its place gets focus.
   */
  const setStatus = (row: ActionTableRow, status: ActionStatus, element: HTMLElement | null): void => {
    const tr = element?.closest('tr') ?? null;
    const index = tr === null ? -1 : [...(bodyRef.current?.rows ?? [])].indexOf(tr);
    tr?.focus();
    void onSetStatus(row, status).then(() => {
      if (tr === null || tr.isConnected) return;
      const remaining = [...(bodyRef.current?.querySelectorAll<HTMLTableRowElement>('tr[tabindex]') ?? [])];
      remaining[Math.min(index, remaining.length - 1)]?.focus();
    });
  };

  const onRowKeyDown = (event: KeyboardEvent<HTMLTableRowElement>, row: ActionTableRow): void => {
    if (readOnly || event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented || isTextEntry(event.target)) return;
    if (busyIds.has(row.id)) return;
    const key = event.key.toLowerCase();
    if (key === 'd' && row.status !== 'done') setStatus(row, 'done', event.currentTarget);
    else if (key === 'x' && row.status !== 'dropped') setStatus(row, 'dropped', event.currentTarget);
    else if (key === 'r' && row.status !== 'open') setStatus(row, 'open', event.currentTarget);
    else return;
    event.preventDefault();
  };

  return (
    <table className="table action-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('meetings.actions.columns.title')}</th>
          {onOpenMeeting === undefined ? null : <th scope="col">{t('meetings.actions.columns.meeting')}</th>}
          <th scope="col">{t('meetings.actions.columns.owner')}</th>
          <th scope="col">{t('meetings.actions.columns.due')}</th>
          <th scope="col">{t('meetings.actions.columns.status')}</th>
          {readOnly ? null : <th scope="col">{t('meetings.actions.columns.actions')}</th>}
        </tr>
      </thead>
      <tbody ref={bodyRef}>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={columns} className="muted">
              {t('meetings.actions.empty')}
            </td>
          </tr>
        ) : null}
        {rows.map((row) => {
          const busy = busyIds.has(row.id);
          const button = (status: ActionStatus, label: string, named: string, key: string) => (
            <button
              type="button"
              className="button button--small"
              aria-label={named}
              aria-keyshortcuts={key}
              disabled={busy}
              onClick={(event) => {
                setStatus(row, status, event.currentTarget);
              }}
            >
              {label}
            </button>
          );
          return (
            <tr
              key={row.id}
              className={row.status === 'open' ? 'action-row' : 'action-row action-row--closed'}
              tabIndex={readOnly ? undefined : 0}
              aria-label={row.title}
              onKeyDown={(event) => {
                onRowKeyDown(event, row);
              }}
            >
              <th scope="row">
                <span className="action-row__title">{row.title}</span>
                {row.notes === '' ? null : <span className="muted action-row__notes">{row.notes}</span>}
              </th>
              {onOpenMeeting === undefined ? null : (
                <td>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => {
                      onOpenMeeting(row.meetingId);
                    }}
                  >
                    {row.meetingTitle ?? row.meetingId}
                  </button>
                </td>
              )}
              <td>{ownerText(row)}</td>
              <td>
                {row.due === null ? <span className="muted">{t('meetings.actions.noDue')}</span> : formatDate(row.due, language)}
                {row.overdue ? (
                  <>
                    {' '}
                    <Badge label={t('meetings.actions.overdue')} tone="deleted" />
                  </>
                ) : null}
              </td>
              <td>{t(`meetings.actionStatuses.${row.status}`)}</td>
              {readOnly ? null : (
                <td className="action-row__buttons">
                  {row.status === 'open' ? (
                    <>
                      {button('done', t('meetings.actions.markDone'), t('meetings.actions.markDoneLabel', { title: row.title }), 'D')}
                      {button('dropped', t('meetings.actions.drop'), t('meetings.actions.dropLabel', { title: row.title }), 'X')}
                    </>
                  ) : (
                    button('open', t('meetings.actions.reopen'), t('meetings.actions.reopenLabel', { title: row.title }), 'R')
                  )}
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
