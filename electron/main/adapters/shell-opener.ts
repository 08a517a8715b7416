import { AppFailure } from '../../core/app-failure';
import type { SystemOpener } from '../../core/ports';

/** The part of Electron's `shell` this adapter uses: `openPath` resolves to '' on success, else an error text. */
export interface ShellLike {
  openPath(path: string): Promise<string>;
}

/** `documents.file.open` in the desktop app: the OS's application for the file's type, via Electron's shell. */
export function shellOpener(shell: ShellLike): SystemOpener {
  return {
    async openPath(path) {
      const error = await shell.openPath(path);
      if (error !== '') throw new AppFailure('unavailable', `No application on this computer could open the file (${error}).`);
    },
  };
}
