import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingDetail } from '../../../../shared/api/meetings';
import { Badge } from '../../components/badge';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorNotice } from '../../components/error-notice';
import { useMeetingStore, type MeetingSection } from '../../stores/use-meeting-store';
import { useSettingsStore } from '../../stores/use-settings-store';
import { changedFields } from '../directory/changed-fields';
import { downloadText } from '../directory/download';
import { isTextEntry } from '../directory/shortcut-keys';
import { ActionsPanel } from './actions-panel';
import { AgendaBuilder } from './agenda-builder';
import { AttendancePanel } from './attendance-panel';
import { MeetingForm } from './meeting-form';
import { valuesFromMeeting } from './meeting-form-values';
import { MeetingHeader } from './meeting-header';
import { meetingWarnings } from './meeting-warnings';
import { PrintAgenda } from './print-agenda';
import { SectionTabs } from './section-tabs';

const sections: readonly MeetingSection[] = ['agenda', 'attendance', 'actions'];

export interface MeetingPageProps {
  readonly id: string;
  /** Back to the list (Escape, or "Back to meetings"). */
  readonly onBack: () => void;
}

/**
 * One meeting: its heading and classification marking, what and when, its actions (edit, export to a calendar,
 * print the agenda, delete or restore), the warnings its agenda and references raise, and three sections — Agenda,
 * Attendance, Action items. Everything shown comes from the core's answer (`meetings.get` and each write's reply);
 * the page follows `meetings.changed` for this meeting. The heading takes focus when the meeting opens.
 */
export function MeetingPage({ id, onBack }: MeetingPageProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const language = useSettingsStore((state) => state.language);
  const open = useMeetingStore((state) => state.open);
  const section = useMeetingStore((state) => state.section);
  const busy = useMeetingStore((state) => state.pending > 0);
  const load = useMeetingStore((state) => state.load);
  const setSection = useMeetingStore((state) => state.setSection);
  const [mode, setMode] = useState<'view' | 'edit' | 'print'>('view');
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    void load(id);
  }, [id, load]);

  const detail = open.status === 'loaded' && open.detail.meeting.id === id ? open.detail : null;
  const shownId = detail?.meeting.id;
  useEffect(() => {
    if (shownId !== undefined && mode === 'view') headingRef.current?.focus();
    // Only when another meeting opens or a form or print view closes, not on each refresh of the same page.
  }, [shownId, mode]);

  if (detail === null) {
    if (open.status === 'error' && open.id === id) {
      return (
        <div className="meeting-page">
          <button type="button" className="button" onClick={onBack}>
            {t('meetings.page.back')}
          </button>
          <ErrorNotice
            title={t('meetings.page.failed')}
            message={open.error.message}
            retryLabel={t('meetings.page.retry')}
            onRetry={() => {
              void load(id);
            }}
          />
        </div>
      );
    }
    return (
      <p className="muted" role="status">
        {t('meetings.page.loading')}
      </p>
    );
  }

  const { meeting } = detail;
  const deleted = meeting.deletedAt !== null;
  const warnings = meetingWarnings(detail, language, t);

  if (mode === 'print') {
    return (
      <PrintAgenda
        detail={detail}
        onClose={() => {
          setMode('view');
        }}
      />
    );
  }
  if (mode === 'edit') {
    return (
      <MeetingForm
        title={t('meetings.form.editTitle', { title: meeting.title })}
        initial={valuesFromMeeting(meeting)}
        saveLabel={t('meetings.form.save')}
        busyLabel={t('meetings.form.saving')}
        save={async (input, baseline) => {
          const changes = baseline === null ? input : changedFields(baseline, input);
          if (Object.keys(changes).length === 0) return null;
          return useMeetingStore.getState().update(changes);
        }}
        onSaved={(saved: MeetingDetail | null) => {
          if (saved !== null) setAnnouncement(t('meetings.form.saved'));
          setMode('view');
        }}
        onCancel={() => {
          setMode('view');
        }}
      />
    );
  }

  const exportIcs = async (scope: 'meeting' | 'agenda'): Promise<void> => {
    const result = await useMeetingStore.getState().exportIcs(scope);
    if (!result.ok) {
      setAnnouncement(t('meetings.page.exportFailed', { message: result.error.message }));
      return;
    }
    downloadText(result.value.text, result.value.fileName, 'text/calendar;charset=utf-8');
    setAnnouncement(t('meetings.page.exported', { file: result.value.fileName }));
  };
  const restore = async (): Promise<void> => {
    const result = await useMeetingStore.getState().restore();
    setAnnouncement(result.ok ? t('meetings.page.restored', { title: meeting.title }) : t('meetings.page.actionFailed', { message: result.error.message }));
  };
  const confirmDelete = async (): Promise<void> => {
    const result = await useMeetingStore.getState().remove();
    setConfirmingDelete(false);
    setAnnouncement(result.ok ? t('meetings.page.deleted', { title: meeting.title }) : t('meetings.page.actionFailed', { message: result.error.message }));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>): void => {
    if (event.key !== 'Escape' || event.defaultPrevented || isTextEntry(event.target)) return;
    event.preventDefault();
    onBack();
  };

  return (
    <section className="meeting-page" aria-labelledby={headingId} onKeyDown={onKeyDown}>
      <button type="button" className="link-button meeting-page__back" aria-keyshortcuts="Escape" onClick={onBack}>
        {t('meetings.page.back')}
      </button>
      {meeting.classification === '' ? null : (
        <p className="meeting-page__marking" aria-label={t('meetings.page.classificationLabel', { marking: meeting.classification })}>
          {meeting.classification}
        </p>
      )}
      <div className="detail__header">
        <h2 className="detail__title" id={headingId} ref={headingRef} tabIndex={-1}>
          {meeting.title}
        </h2>
        <span className="badges">
          <Badge label={t(`meetings.statuses.${meeting.status}`)} tone="role" />
          {meeting.demo ? <Badge label={t('meetings.list.demo')} tone="demo" /> : null}
          {deleted ? <Badge label={t('meetings.list.deleted')} tone="deleted" /> : null}
        </span>
      </div>
      {meeting.demo ? <p className="notice">{t('meetings.page.demoNotice')}</p> : null}
      {deleted ? <p className="notice notice--warning">{t('meetings.page.deletedNotice')}</p> : null}
      <div className="detail__actions" role="toolbar" aria-label={t('meetings.page.actionsLabel')}>
        {deleted ? (
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={() => {
              void restore();
            }}
          >
            {t('meetings.page.restore')}
          </button>
        ) : (
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              setMode('edit');
            }}
          >
            {t('meetings.page.edit')}
          </button>
        )}
        <button
          type="button"
          className="button"
          onClick={() => {
            void exportIcs('meeting');
          }}
        >
          {t('meetings.page.exportMeeting')}
        </button>
        <button
          type="button"
          className="button"
          disabled={detail.agenda.length === 0}
          onClick={() => {
            void exportIcs('agenda');
          }}
        >
          {t('meetings.page.exportAgenda')}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            setMode('print');
          }}
        >
          {t('meetings.page.print')}
        </button>
        {deleted ? null : (
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => {
              setConfirmingDelete(true);
            }}
          >
            {t('meetings.page.delete')}
          </button>
        )}
      </div>
      <p className="status-line" role="status">
        {announcement}
      </p>
      <MeetingHeader detail={detail} />
      {warnings.length === 0 ? null : (
        <section className="meeting-warnings notice notice--warning" aria-label={t('meetings.warnings.label')}>
          <h3 className="meeting-warnings__heading">{t('meetings.warnings.heading', { count: warnings.length })}</h3>
          <ul>
            {warnings.map((warning) => (
              <li key={warning.key}>{warning.text}</li>
            ))}
          </ul>
        </section>
      )}
      <SectionTabs
        label={t('meetings.page.sectionsLabel')}
        tabs={sections}
        selected={section}
        labelOf={(tab) => t(`meetings.page.sections.${tab}`)}
        onSelect={setSection}
      >
        {section === 'agenda' ? <AgendaBuilder detail={detail} warnings={warnings} readOnly={deleted} /> : null}
        {section === 'attendance' ? <AttendancePanel detail={detail} readOnly={deleted} /> : null}
        {section === 'actions' ? <ActionsPanel detail={detail} readOnly={deleted} /> : null}
      </SectionTabs>
      {confirmingDelete ? (
        <ConfirmDialog
          title={t('meetings.delete.title')}
          message={t('meetings.delete.message', { title: meeting.title })}
          confirmLabel={t('meetings.delete.confirm')}
          cancelLabel={t('meetings.delete.cancel')}
          busy={busy}
          returnFocusTo={headingRef}
          onConfirm={() => {
            void confirmDelete();
          }}
          onCancel={() => {
            setConfirmingDelete(false);
          }}
        />
      ) : null}
    </section>
  );
}
