import type { Page } from '@playwright/test';

/**
 * Records what the page reports as broken: console errors (CSP violations, failed loads, React errors) and uncaught
 * exceptions. A spec asserts the list is empty at its end, so a regression no assertion looked at still fails it.
 */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const where = message.location().url;
    errors.push(`console: ${message.text()}${where === '' ? '' : ` (${where})`}`);
  });
  page.on('pageerror', (error) => {
    errors.push(`pageerror: ${error.message}`);
  });
  return errors;
}
