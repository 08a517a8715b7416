import { useRef, useState, type DragEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface DropZoneProps {
  readonly onFiles: (files: readonly File[]) => void;
  readonly children: ReactNode;
}

function carriesFiles(event: DragEvent<HTMLElement>): boolean {
  return [...event.dataTransfer.types].includes('Files');
}

/**
 * Lets files dragged from the desktop be dropped anywhere on the library, several at once; while they hover, a frame
 * says what dropping will do. The same is always possible with the "Add files" button, which the keyboard reaches.
 */
export function DropZone({ onFiles, children }: DropZoneProps) {
  const { t } = useTranslation();
  const [over, setOver] = useState(false);
  // dragenter/dragleave fire for every child crossed: count them so the frame does not flicker.
  const depth = useRef(0);

  return (
    <div
      className={over ? 'drop-zone drop-zone--over' : 'drop-zone'}
      onDragEnter={(event) => {
        if (!carriesFiles(event)) return;
        event.preventDefault();
        depth.current += 1;
        setOver(true);
      }}
      onDragOver={(event) => {
        if (!carriesFiles(event)) return;
        // Without this the browser would open the file instead of letting it drop here.
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
      }}
      onDragLeave={(event) => {
        if (!carriesFiles(event)) return;
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setOver(false);
      }}
      onDrop={(event) => {
        event.preventDefault();
        depth.current = 0;
        setOver(false);
        const files = [...event.dataTransfer.files];
        if (files.length > 0) onFiles(files);
      }}
    >
      {over ? (
        <p className="drop-zone__hint" aria-hidden="true">
          {t('documents.drop.hint')}
        </p>
      ) : null}
      {children}
    </div>
  );
}
