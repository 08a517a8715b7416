// pdfjs-dist ships no types for its worker module; the extractor only hands the module to pdf.js itself.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
