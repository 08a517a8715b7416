import { useTranslation } from 'react-i18next';
import type { DocumentDetail } from '../../../../shared/api/documents';
import { formatBytes } from '../../i18n/format';
import { useDocumentStore } from '../../stores/use-document-store';
import { useSettingsStore } from '../../stores/use-settings-store';
import { settledStatuses, useUploadStore, type UploadItem } from '../../stores/use-upload-store';
import { DescribeUploadForm } from './describe-upload-form';
import { uploadProblemMessage } from './upload-problem';
import { VersionNoteForm } from './version-note-form';

export interface UploadItemViewProps {
  readonly item: UploadItem;
  /** This is the finished file whose description form is open (one at a time, in the order the files came). */
  readonly describing: boolean;
  readonly onAdded: (detail: DocumentDetail) => void;
}

/**
 * One file being added: its name and destination, how far it has been sent (a progress bar with its figures in
 * text), the question when the same bytes are already in the library, its description form when its turn has come,
 * and why it failed when it did. Cancel and Dismiss are plain buttons, so everything works from the keyboard.
 */
export function UploadItemView({ item, describing, onAdded }: UploadItemViewProps) {
  const { t } = useTranslation();
  const language = useSettingsStore((state) => state.language);
  const cancel = useUploadStore((state) => state.cancel);
  const dismiss = useUploadStore((state) => state.dismiss);
  const resolveDuplicate = useUploadStore((state) => state.resolveDuplicate);
  const show = useDocumentStore((state) => state.show);
  const bytes = (value: number): string => formatBytes(value, language);
  const progressText = t('documents.upload.progress', { sent: bytes(item.sentBytes), total: bytes(item.size) });
  const newVersion = item.target.kind === 'version';
  const cancellable = item.status === 'queued' || item.status === 'sending' || item.status === 'ready' || item.status === 'duplicate';

  return (
    <li className={`upload-item upload-item--${item.status}`} aria-label={item.fileName}>
      <div className="upload-item__header">
        <span className="upload-item__name">{item.fileName}</span>
        <span className="muted">
          {item.target.kind === 'version' ? t('documents.upload.asVersion', { title: item.target.title }) : t('documents.upload.asNew')}
          {' · '}
          {bytes(item.size)}
        </span>
      </div>
      {item.status === 'queued' || item.status === 'sending' ? (
        <div className="upload-item__progress">
          <progress
            max={Math.max(item.size, 1)}
            value={item.sentBytes}
            aria-label={t('documents.upload.progressLabel', { name: item.fileName })}
            aria-valuetext={progressText}
          />
          <span>{item.status === 'queued' ? t('documents.upload.queued') : progressText}</span>
        </div>
      ) : null}
      {item.status === 'duplicate' && item.uploaded !== null ? (
        <div className="notice notice--warning upload-item__duplicate">
          <p>
            {t('documents.upload.duplicate', {
              places: item.uploaded.alreadyIn
                .map((place) => t('documents.upload.duplicatePlace', { title: place.title, version: place.version }))
                .join(', '),
            })}
          </p>
          <div className="detail__actions">
            <button
              type="button"
              className="button button--primary"
              onClick={() => {
                void resolveDuplicate(item.key, 'add');
              }}
            >
              {newVersion ? t('documents.upload.addAnywayVersion') : t('documents.upload.addAnyway')}
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                void resolveDuplicate(item.key, 'skip');
              }}
            >
              {t('documents.upload.skip')}
            </button>
          </div>
        </div>
      ) : null}
      {item.status === 'ready' && !describing ? <p className="muted">{t('documents.upload.waitingForDescription')}</p> : null}
      {item.status === 'done' ? (
        <p className="upload-item__done">
          {newVersion ? t('documents.upload.doneVersion') : t('documents.upload.done')}{' '}
          {item.documentId === null ? null : (
            <button
              type="button"
              className="link-button"
              onClick={() => {
                if (item.documentId !== null) show({ mode: 'detail', id: item.documentId });
              }}
            >
              {t('documents.upload.open')}
            </button>
          )}
        </p>
      ) : null}
      {item.status === 'cancelled' ? <p className="muted">{t('documents.upload.cancelled')}</p> : null}
      {item.status === 'failed' && item.problem !== null ? (
        <p className="upload-item__error" role="alert">
          {t('documents.upload.failed', { message: uploadProblemMessage(item.problem, t) })}
        </p>
      ) : null}
      <div className="upload-item__actions">
        {cancellable ? (
          <button
            type="button"
            className="button"
            aria-label={t('documents.upload.cancelFile', { name: item.fileName })}
            onClick={() => {
              void cancel(item.key);
            }}
          >
            {t('documents.upload.cancel')}
          </button>
        ) : null}
        {settledStatuses.has(item.status) ? (
          <button
            type="button"
            className="button"
            aria-label={t('documents.upload.dismissFile', { name: item.fileName })}
            onClick={() => {
              dismiss(item.key);
            }}
          >
            {t('documents.upload.dismiss')}
          </button>
        ) : null}
      </div>
      {describing && (item.status === 'ready' || item.status === 'saving') ? (
        newVersion ? (
          <VersionNoteForm item={item} onAdded={onAdded} />
        ) : (
          <DescribeUploadForm item={item} onAdded={onAdded} />
        )
      ) : null}
    </li>
  );
}
