/**
 * How the global setup hands the running host to specs: environment variables, which Playwright's workers inherit
 * from the runner process that ran the setup.
 */
export const HOST_URL_ENV = 'FOCAL_HOST_URL';
export const HOST_DATA_DIR_ENV = 'FOCAL_HOST_DATA_DIR';

/** `http://127.0.0.1:PORT/#token=TOKEN` of the host started by tests/e2e/global-setup.ts. */
export function hostPageUrl(): string {
  return required(HOST_URL_ENV);
}

/** The data directory that host runs on (what its `app.info` reports). */
export function hostDataDir(): string {
  return required(HOST_DATA_DIR_ENV);
}

function required(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') {
    throw new Error(`${name} is not set: run the specs through tests/e2e/playwright.config.ts, whose global setup starts the host.`);
  }
  return value;
}
