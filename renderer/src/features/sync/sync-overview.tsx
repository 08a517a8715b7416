import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../../shared/api/sync';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Panel } from '../../components/panel';
import { formatDateTime } from '../../i18n/format';
import { useSettingsStore } from '../../stores/use-settings-store';
import { useSyncStore } from '../../stores/use-sync-store';
import { formatCount } from '../directory/format-directory';
import { SignInForm } from './sign-in-form';
import { SyncProgress } from './sync-progress';
import { SyncStateBadge } from './sync-state-badge';
import { scopedProblemText, stateLabel, statusText } from './sync-words';

export interface SyncOverviewProps {
  readonly status: SyncStatus;
}

/**
 * Where sync stands once a server is set: the state in words (with the first sync's progress), the last problem in
 * plain words, the server and account, the last successful sync, the local changes waiting, and the buttons Sync now,
 * Pause/Resume and Sign out — or, while signed out, the password prompt. The state and its problem are announced as
 * they change; the counts and progress are not, so a screen reader is not flooded during a sync.
 */
export function SyncOverview({ status }: SyncOverviewProps) {
  const { t } = useTranslation();
  const language = useSettingsStore((state) => state.language);
  const busy = useSyncStore((state) => state.busy);
  const actionError = useSyncStore((state) => state.actionError);
  const run = useSyncStore((state) => state.run);
  const [askSignOut, setAskSignOut] = useState(false);
  const signedOut = status.state === 'signed-out';
  const paused = status.state === 'paused';
  const problem = status.lastError === null ? null : scopedProblemText(status.lastError, t);

  return (
    <Panel heading={t('sync.overview.heading')}>
      <p className="sync-overview__state">
        <SyncStateBadge state={status.state} label={statusText(status, t, language)} />
      </p>
      <p className="visually-hidden" role="status">
        {problem === null ? stateLabel(status.state, t) : `${stateLabel(status.state, t)}. ${problem}`}
      </p>
      {status.state === 'first-sync' && status.firstSync !== null ? (
        <SyncProgress
          label={t('sync.firstSyncLabel')}
          value={status.firstSync.done}
          max={status.firstSync.total}
          text={statusText(status, t, language)}
        />
      ) : null}
      {problem === null ? null : <p className="sync-problem">{problem}</p>}
      {paused ? <p className="notice">{t('sync.overview.pausedHint')}</p> : null}
      <dl className="details">
        <div className="details__row">
          <dt>{t('sync.overview.server')}</dt>
          <dd>{status.server}</dd>
        </div>
        <div className="details__row">
          <dt>{t('sync.overview.user')}</dt>
          <dd>{status.user}</dd>
        </div>
        <div className="details__row">
          <dt>{t('sync.overview.lastSuccess')}</dt>
          <dd>{status.lastSuccessAt === null ? t('sync.overview.never') : formatDateTime(status.lastSuccessAt, language)}</dd>
        </div>
        <div className="details__row">
          <dt>{t('sync.overview.pending')}</dt>
          <dd>
            {status.pendingLocal === 0
              ? t('sync.overview.pendingNone')
              : t('sync.overview.pendingCount', { count: status.pendingLocal, formatted: formatCount(status.pendingLocal, language) })}
          </dd>
        </div>
      </dl>
      {signedOut ? (
        <SignInForm server={status.server ?? ''} user={status.user ?? ''} />
      ) : (
        // aria-disabled rather than disabled while an action runs: a disabled button would drop the keyboard focus.
        <div className="sync-actions">
          <button
            type="button"
            className="button button--primary"
            aria-disabled={busy !== null || paused}
            onClick={() => {
              if (busy === null && !paused) void run('now');
            }}
          >
            {busy === 'now' ? t('sync.overview.syncingNow') : t('sync.overview.syncNow')}
          </button>
          <button
            type="button"
            className="button"
            aria-disabled={busy !== null}
            onClick={() => {
              if (busy === null) void run(paused ? 'resume' : 'pause');
            }}
          >
            {paused ? t('sync.overview.resume') : t('sync.overview.pause')}
          </button>
          <button
            type="button"
            className="button"
            aria-disabled={busy !== null}
            onClick={() => {
              if (busy === null) setAskSignOut(true);
            }}
          >
            {t('sync.overview.signOut')}
          </button>
        </div>
      )}
      {actionError === null ? null : (
        <p className="form-failure" role="alert">
          {t('sync.overview.actionFailed', { message: actionError.message })}
        </p>
      )}
      {askSignOut ? (
        <ConfirmDialog
          title={t('sync.overview.signOutTitle')}
          message={t('sync.overview.signOutMessage')}
          confirmLabel={t('sync.overview.signOutConfirm')}
          cancelLabel={t('sync.overview.cancel')}
          onCancel={() => {
            setAskSignOut(false);
          }}
          onConfirm={() => {
            // Closed first, so focus is back on Sign out; once that button gives way, the password prompt takes it.
            setAskSignOut(false);
            void run('sign-out');
          }}
        />
      ) : null}
    </Panel>
  );
}
