import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingDetail } from '../../../../shared/api/meetings';
import type { ActionStatus } from '../../../../shared/schemas/action-item';
import { useMeetingStore } from '../../stores/use-meeting-store';
import { ActionAddForm } from './action-add-form';
import { ActionTable, type ActionTableRow } from './action-table';

export interface ActionsPanelProps {
  readonly detail: MeetingDetail;
  readonly readOnly: boolean;
}

/** What changing an item's status did, in the user's words. */
export function statusChangeMessage(status: ActionStatus): 'meetings.actions.closedDone' | 'meetings.actions.closedDropped' | 'meetings.actions.reopened' {
  if (status === 'done') return 'meetings.actions.closedDone';
  return status === 'dropped' ? 'meetings.actions.closedDropped' : 'meetings.actions.reopened';
}

/**
 * The Action items section: the meeting's follow-ups (open ones first, by due date, as the core orders them; overdue
 * ones marked), each closed or reopened with one action, and the form that adds one.
 */
export function ActionsPanel({ detail, readOnly }: ActionsPanelProps) {
  const { t } = useTranslation();
  const overdueIds = useMeetingStore((state) => state.overdueIds);
  const updateAction = useMeetingStore((state) => state.updateAction);
  const [busyIds, setBusyIds] = useState<ReadonlySet<string>>(new Set());
  const [announcement, setAnnouncement] = useState('');
  const rows: ActionTableRow[] = detail.actions.map((action) => ({ ...action, overdue: overdueIds.has(action.id) }));

  const setStatus = async (row: ActionTableRow, status: ActionStatus): Promise<void> => {
    setBusyIds((previous) => new Set([...previous, row.id]));
    const result = await updateAction(row.id, { status });
    setBusyIds((previous) => new Set([...previous].filter((id) => id !== row.id)));
    setAnnouncement(result.ok ? t(statusChangeMessage(status), { title: row.title }) : t('meetings.actions.failed', { message: result.error.message }));
  };

  return (
    <div className="actions-panel">
      {readOnly ? null : <p className="muted">{t('meetings.actions.keysHint')}</p>}
      <ActionTable caption={t('meetings.actions.label')} rows={rows} busyIds={busyIds} readOnly={readOnly} onSetStatus={setStatus} />
      <p className="status-line" role="status">
        {announcement}
      </p>
      {readOnly ? null : <ActionAddForm detail={detail} announce={setAnnouncement} />}
    </div>
  );
}
