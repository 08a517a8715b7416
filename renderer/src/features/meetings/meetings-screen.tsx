import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/empty-state';
import { Screen } from '../../components/screen';
import { useDirectoryStore } from '../../stores/use-directory-store';
import { useMeetingStore } from '../../stores/use-meeting-store';
import { useMeetingsStore, type MeetingsTab } from '../../stores/use-meetings-store';
import { isNewShortcut, modalOpen } from '../directory/shortcut-keys';
import { ActionTracker } from './action-tracker';
import { MeetingList } from './meeting-list';
import { NewMeeting } from './new-meeting';
import { MeetingPage } from './meeting-page';
import { SectionTabs } from './section-tabs';
import './meetings.css';

const tabs: readonly MeetingsTab[] = ['meetings', 'actions'];

/**
 * Meetings with their agendas, attendance and follow-ups. Two views: the meetings (a list, latest first, from which a
 * meeting's page opens, and the form for a new one — also Ctrl+N) and every meeting's action items in one tracker.
 * The list, the open meeting and the tracker follow `meetings.changed` while the screen is on.
 */
export function MeetingsScreen() {
  const { t } = useTranslation();
  const tab = useMeetingsStore((state) => state.tab);
  const page = useMeetingsStore((state) => state.page);
  const setTab = useMeetingsStore((state) => state.setTab);
  const show = useMeetingsStore((state) => state.show);
  const includeDeleted = useMeetingsStore((state) => state.includeDeleted);
  const setIncludeDeleted = useMeetingsStore((state) => state.setIncludeDeleted);
  const empty = useMeetingsStore((state) => state.list.status === 'loaded' && state.list.rows.length === 0 && !state.includeDeleted);
  const count = useMeetingsStore((state) => state.list.rows.length);
  const [announcement, setAnnouncement] = useState('');
  // Back from a meeting, its title in the list takes focus, so the keyboard resumes where it left.
  const returnTo = useRef<string | null>(null);
  const newButton = useRef<HTMLButtonElement>(null);
  const focusNew = useRef(false);
  const onList = tab === 'meetings' && page.mode === 'list';

  useEffect(() => {
    const meetings = useMeetingsStore.getState();
    void meetings.load();
    const stopList = meetings.follow();
    const stopMeeting = useMeetingStore.getState().follow();
    // Country and organisation names, and the pickers' choices, come from the directory.
    const directory = useDirectoryStore.getState();
    if (directory.countries.status !== 'loaded') void directory.loadCountries();
    if (directory.organisations.status !== 'loaded') void directory.loadOrganisations();
    const stopDirectory = directory.follow();
    return () => {
      stopDirectory();
      stopMeeting();
      stopList();
    };
  }, []);

  useEffect(() => {
    if (!onList) return undefined;
    const onKeyDown = (event: KeyboardEvent): void => {
      if (!isNewShortcut(event) || modalOpen()) return;
      event.preventDefault();
      useMeetingsStore.getState().show({ mode: 'new' });
    };
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
    };
  }, [onList]);

  useEffect(() => {
    if (!onList || !focusNew.current) return;
    focusNew.current = false;
    newButton.current?.focus();
  }, [onList]);

  const back = (): void => {
    if (page.mode === 'meeting') returnTo.current = page.id;
    useMeetingStore.getState().close();
    show({ mode: 'list' });
    void useMeetingsStore.getState().load();
  };

  const meetingsView = () => {
    if (page.mode === 'new') {
      return (
        <NewMeeting
          onCreated={(detail) => {
            setAnnouncement(t('meetings.form.created', { title: detail.meeting.title }));
            show({ mode: 'meeting', id: detail.meeting.id });
          }}
          onCancel={() => {
            focusNew.current = true;
            show({ mode: 'list' });
          }}
        />
      );
    }
    if (page.mode === 'meeting') return <MeetingPage key={page.id} id={page.id} onBack={back} />;
    return (
      <>
        <div className="toolbar" role="toolbar" aria-label={t('meetings.list.toolbar')}>
          <button
            ref={newButton}
            type="button"
            className="button button--primary"
            aria-keyshortcuts="Control+N Meta+N"
            onClick={() => {
              show({ mode: 'new' });
            }}
          >
            {t('meetings.list.new')}
          </button>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={includeDeleted}
              onChange={(event) => {
                setIncludeDeleted(event.target.checked);
              }}
            />
            {t('meetings.list.showDeleted')}
          </label>
          <span className="muted">{t('meetings.list.count', { count })}</span>
        </div>
        {empty ? <EmptyState title={t('meetings.emptyTitle')} body={t('meetings.emptyBody')} /> : null}
        {empty ? null : (
          <MeetingList
            focusRef={returnTo}
            onOpen={(row) => {
              show({ mode: 'meeting', id: row.id });
            }}
          />
        )}
      </>
    );
  };

  return (
    <Screen title={t('sections.meetings')} wide>
      <p className="status-line" role="status">
        {announcement}
      </p>
      <SectionTabs label={t('meetings.tabsLabel')} tabs={tabs} selected={tab} labelOf={(id) => t(`meetings.tabs.${id}`)} onSelect={setTab}>
        {tab === 'meetings' ? (
          meetingsView()
        ) : (
          <ActionTracker
            onOpenMeeting={(id) => {
              show({ mode: 'meeting', id });
            }}
          />
        )}
      </SectionTabs>
    </Screen>
  );
}
