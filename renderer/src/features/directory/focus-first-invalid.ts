/** Moves focus to the first control of a form marked invalid, so the keyboard lands where the problem is. */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}
