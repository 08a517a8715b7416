import { DEMO_REPORT_FILE, demoReportFields, readDemoReport } from './demo/demo-document';
import type { DocumentServices } from './documents';

/**
 * Adds the demo library (the meeting report with its PDF) through the same upload path as any file, linked to the
 * Global Centre when the demo directory holds it. Does nothing when a demo document is already there; returns how
 * many documents it added.
 */
export async function seedDemoDocuments(services: DocumentServices, globalCentreId: string | null): Promise<number> {
  for (const document of services.cache.documents.values()) if (document.demo) return 0;
  const bytes = await readDemoReport();
  const ticket = services.uploads.begin(DEMO_REPORT_FILE, bytes.length, 'application/pdf');
  for (let offset = 0; offset < bytes.length; offset += ticket.chunkBytes) {
    await services.uploads.chunk(ticket.uploadId, offset, bytes.subarray(offset, offset + ticket.chunkBytes));
  }
  await services.uploads.finish(ticket.uploadId);
  const fields = { ...demoReportFields, organisationIds: globalCentreId === null ? [] : [globalCentreId] };
  await services.documents.create(fields, ticket.uploadId, '', { demo: true });
  return 1;
}

/** The name the demo directory gives the network's secretariat (electron/core/directory/demo/demo-organisations.ts). */
export const GLOBAL_CENTRE_NAME = 'Global Centre for the Responsibility to Protect';
