/** The modifier keys of an event, as keyboard handlers of React and of the DOM both give them. */
type Keys = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>;

/** Ctrl+S, or ⌘S on macOS: save the form. */
export function isSaveShortcut(event: Keys): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's';
}

/** Ctrl+N, or ⌘N on macOS: a new contact or organisation. */
export function isNewShortcut(event: Keys): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'n';
}

/** `/`, or Ctrl+F / ⌘F: focus the search box. */
export function isSearchShortcut(event: Keys): boolean {
  if (event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey) return true;
  return (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'f';
}

/** Whether typing in this element is text entry, where `/`, E and Delete are characters, not commands. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (!(target instanceof HTMLInputElement)) return false;
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'file'].includes(target.type);
}

/** Whether a modal dialog is open: the screen's shortcuts then wait, since the dialog hides what they would act on. */
export function modalOpen(): boolean {
  return document.querySelector('[aria-modal="true"]') !== null;
}
