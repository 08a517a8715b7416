import { sectionIds, type SectionId } from '../stores/use-navigation-store';

/** `aria-keyshortcuts` of the section at `index`: both Ctrl and Cmd work everywhere. */
export function shortcutFor(index: number): string {
  return `Control+${index + 1} Meta+${index + 1}`;
}

/**
 * The section a key press asks for: Ctrl or Cmd with digit 1–6. Reads the physical key (`Digit1`…) first, so it works
 * on layouts where the digits need Shift (AZERTY), and falls back to the typed character.
 */
export function sectionForShortcut(
  event: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey'>,
): SectionId | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  const digit = /^(?:Digit|Numpad)([1-9])$/.exec(event.code)?.[1] ?? (/^[1-9]$/.test(event.key) ? event.key : null);
  if (digit === null) return null;
  return sectionIds[Number(digit) - 1] ?? null;
}
