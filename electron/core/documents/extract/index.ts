// Text extraction for the documents library's full-text search. The service uses createTextExtractor (or extractText)
// and nothing else from this folder; sniffMediaType is exported for callers that want to check a file before storing it.
export { createTextExtractor, extractText, type ExtractorStats, type TextExtractor, type TextExtractorConfig } from './text-extractor';
export { sniffMediaType, type SniffResult } from './sniff-media-type';
export { BUNDLED_WORKER_FILE, defaultWorkerScript } from './worker-script';
export {
  DEFAULT_EXTRACT_LIMITS,
  type ExtractFailure,
  type ExtractFailureCode,
  type ExtractInput,
  type ExtractKind,
  type ExtractLimits,
  type ExtractOptions,
  type ExtractResult,
  type ExtractSuccess,
} from './extract-types';
