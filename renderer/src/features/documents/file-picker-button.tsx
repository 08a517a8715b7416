import { useRef } from 'react';

export interface FilePickerButtonProps {
  readonly label: string;
  readonly multiple: boolean;
  readonly onFiles: (files: readonly File[]) => void;
  readonly primary?: boolean;
  readonly disabled?: boolean;
  readonly keyShortcuts?: string;
}

/**
 * A button that opens the system's file chooser: a real button (focusable, labelled) in front of a hidden file input,
 * whose value is cleared after each choice so choosing the same file again still counts.
 */
export function FilePickerButton({ label, multiple, onFiles, primary = false, disabled = false, keyShortcuts }: FilePickerButtonProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        className={primary ? 'button button--primary' : 'button'}
        disabled={disabled}
        aria-keyshortcuts={keyShortcuts}
        onClick={() => {
          inputRef.current?.click();
        }}
      >
        {label}
      </button>
      <input
        ref={inputRef}
        type="file"
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        multiple={multiple}
        onChange={(event) => {
          const chosen = [...(event.target.files ?? [])];
          event.target.value = '';
          if (chosen.length > 0) onFiles(chosen);
        }}
      />
    </>
  );
}
