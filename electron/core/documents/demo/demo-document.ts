import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DocumentFields } from '../../../../shared/domain/document-input';

/** The demo library's one document: the network's own meeting report, as ../shared/domain gives it (typeset PDF). */
export const DEMO_REPORT_FILE = 'r2p-focal-points-second-annual-meeting-2012.pdf';

/**
 * Its description, only from what the report states: the title on its first page, the date of the meeting, the four
 * co-hosts, the pillars it discusses ("All participants discussed operationalization of R2P from a Pillar I and Pillar
 * II perspective"), themes it names, and its opening sentence as the summary.
 */
export const demoReportFields: DocumentFields = {
  title: 'Second Annual Meeting of the Network of National R2P Focal Points',
  kind: 'meeting-report',
  countryIds: ['au', 'cr', 'dk', 'gh'],
  pillars: ['I', 'II'],
  themes: ['prevention', 'early-warning', 'rule-of-law', 'security-sector-reform'],
  language: 'en',
  date: '2012-09-29',
  summary:
    'On 29 September 2012 the governments of Australia, Costa Rica, Denmark and Ghana, in association with the Global ' +
    'Centre for the Responsibility to Protect, co-hosted the second annual meeting of the network of national R2P Focal Points.',
  organisationIds: [],
  contactIds: [],
  visibility: 'network',
};

/** This module's own location: import.meta.url when run as ESM; esbuild's CommonJS bundle leaves it empty. */
function hereUrl(): string | undefined {
  const meta: { readonly url?: string } = import.meta;
  return meta.url;
}

/**
 * The report's bytes. From source (tsx, vitest) it sits beside this file; in the bundled app scripts/build.mjs copies
 * it to `demo/` beside main.cjs.
 */
export function readDemoReport(): Promise<Buffer> {
  const here = hereUrl();
  const path = here?.endsWith('.ts') === true ? fileURLToPath(new URL(`./${DEMO_REPORT_FILE}`, here)) : join(here === undefined ? __dirname : dirname(fileURLToPath(here)), 'demo', DEMO_REPORT_FILE);
  return readFile(path);
}
