/**
 * Rules for a file's name as the library stores it: a plain base name. A name with a folder part (`../`, `a/b`), a
 * control character or a bidirectional override (which can make `report‮fdp.exe` read as `reportexe.pdf`) is refused
 * with a message, never silently rewritten: the person sees what was wrong.
 */

/** C0/C1 controls and DEL (Unicode's Cc category). */
const CONTROL = /\p{Cc}/u;
/** Bidirectional embedding, override and isolate controls, and the implicit marks. */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

export type FileNameProblem = 'empty' | 'too-long' | 'folder' | 'control' | 'bidi' | 'dots';

/** Why `name` cannot be stored as a file name, or null when it can. */
export function fileNameProblem(name: string): FileNameProblem | null {
  if (name.trim() === '') return 'empty';
  if (name.length > 255) return 'too-long';
  if (CONTROL.test(name)) return 'control';
  if (BIDI.test(name)) return 'bidi';
  if (name.includes('/') || name.includes('\\')) return 'folder';
  if (/^\.+$/u.test(name.trim())) return 'dots';
  return null;
}

const messages: Readonly<Record<FileNameProblem, string>> = {
  empty: 'The file has no name.',
  'too-long': 'The file name is longer than 255 characters.',
  folder: 'The file name must not contain folders (/, \\ or ../).',
  control: 'The file name contains control characters.',
  bidi: 'The file name contains right-to-left override or other direction-changing characters, which can disguise its type.',
  dots: 'The file name cannot be only dots.',
};

/** An English sentence for a problem (the renderer words the `code` itself). */
export function fileNameMessage(problem: FileNameProblem): string {
  return messages[problem];
}
