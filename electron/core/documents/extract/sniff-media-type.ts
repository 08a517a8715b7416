import { classifyText, type TextEncodingName } from './decode-text';
import type { ExtractKind } from './extract-types';
import { readZipDirectory, ZipFormatError, type ZipEntry } from './zip-directory';

/** What a file is, decided from its content and checked against what its name and media type claim. */
export type SniffResult =
  | {
      readonly ok: true;
      readonly kind: ExtractKind;
      /** For text and Markdown: how to decode the whole file. */
      readonly encoding?: TextEncodingName;
      /** For DOCX: the central directory, already read (nothing inflated), so it need not be read twice. */
      readonly zipEntries?: readonly ZipEntry[];
    }
  | {
      readonly ok: false;
      readonly code: 'unsupported' | 'mismatch' | 'malformed' | 'encrypted';
      readonly reason: string;
    };

/** How much of a file decides whether it is text: enough for a verdict, little enough to stay cheap on large files. */
const TEXT_PREFIX_BYTES = 64 * 1024;
/** PDF readers accept junk before the header; Acrobat looks this far. */
const PDF_HEADER_WINDOW = 1024;
const DOCX_MAIN_PART = 'word/document.xml';

/** What the content is, before comparing with the claims. */
type Content =
  | { readonly format: 'pdf' }
  | { readonly format: 'docx'; readonly entries: readonly ZipEntry[] }
  | { readonly format: 'zip'; readonly label: string; readonly damage?: string }
  | { readonly format: 'text'; readonly encoding: TextEncodingName }
  | { readonly format: 'other'; readonly label: string };

/** Supported kinds a name or media type can claim; `legacy` is a known format Focal Desk cannot read. */
type Claim = { readonly kind: ExtractKind; readonly label: string } | { readonly kind: 'legacy'; readonly label: string };

/**
 * Decides what `bytes` are — PDF, Word (.docx), text or Markdown — from the first bytes (and a ZIP's entry names),
 * and compares that with the claims of `fileName`'s extension and `mediaType`. Content decides; claims only catch
 * disguises: a name or media type claiming PDF, Word, text or Markdown must match the content (else `mismatch`, or
 * `unsupported` for binary data named as text); an unknown or missing claim accepts any supported content. Text is
 * Markdown when a claim says so. Never throws; reasons are sentences that name the file.
 */
export function sniffMediaType(bytes: Uint8Array, fileName: string, mediaType?: string): SniffResult {
  const claims = claimsOf(fileName, mediaType);
  const supportedClaim = claims.find((claim): claim is Claim & { kind: ExtractKind } => claim.kind !== 'legacy');
  if (bytes.length === 0) {
    if (supportedClaim !== undefined && (supportedClaim.kind === 'pdf' || supportedClaim.kind === 'docx')) {
      return { ok: false, code: 'malformed', reason: `${fileName} is empty, so it is not ${supportedClaim.label}.` };
    }
    return { ok: true, kind: textKind(claims), encoding: 'utf-8' };
  }

  const claimsText = supportedClaim?.kind === 'text' || supportedClaim?.kind === 'markdown';
  const content = detectContent(bytes, !claimsText);
  const contentKind = content.format === 'pdf' || content.format === 'docx' ? content.format : null;
  if (supportedClaim !== undefined) {
    const claimedText = supportedClaim.kind === 'text' || supportedClaim.kind === 'markdown';
    const matches = claimedText ? content.format === 'text' : contentKind === supportedClaim.kind;
    if (!matches) return refuseClaim(fileName, supportedClaim, content);
  }
  switch (content.format) {
    case 'pdf':
      return { ok: true, kind: 'pdf' };
    case 'docx':
      return { ok: true, kind: 'docx', zipEntries: content.entries };
    case 'text':
      return { ok: true, kind: textKind(claims), encoding: content.encoding };
    case 'zip':
    case 'other': {
      const legacy = claims.find((claim) => claim.kind === 'legacy');
      const what = legacy === undefined ? `${fileName} ${whatItIs(content)}` : `${fileName} is ${legacy.label}`;
      return { ok: false, code: 'unsupported', reason: `${what}, which Focal Desk cannot search (${SUPPORTED}).` };
    }
  }
}

const SUPPORTED = 'it reads PDF, Word .docx, text and Markdown files';

/** Content that does not match a supported claim: a disguise (`mismatch`), damage, or binary data named as text. */
function refuseClaim(fileName: string, claim: { readonly kind: ExtractKind; readonly label: string }, content: Content): SniffResult {
  if (claim.kind === 'docx' && content.format === 'zip' && content.damage !== undefined) {
    return { ok: false, code: 'malformed', reason: `${fileName} is a damaged Word document (${content.damage}).` };
  }
  if (claim.kind === 'docx' && content.format === 'other' && content.label === OLE_LABEL) {
    // Word stores a password-protected .docx inside an OLE container, so this is what such a file looks like.
    return {
      ok: false,
      code: 'encrypted',
      reason: `${fileName} is password-protected (or is an older .doc file renamed); its text cannot be read.`,
    };
  }
  if ((claim.kind === 'text' || claim.kind === 'markdown') && content.format === 'other') {
    return { ok: false, code: 'unsupported', reason: `${fileName} is not ${claim.label}: it ${whatItIs(content)}.` };
  }
  return { ok: false, code: 'mismatch', reason: `${fileName} is not ${claim.label} (it ${startsLike(content)}).` };
}

function textKind(claims: readonly Claim[]): 'text' | 'markdown' {
  return claims.some((claim) => claim.kind === 'markdown') ? 'markdown' : 'text';
}

/** "contains binary data" / "is a ZIP archive", after the file name. */
function whatItIs(content: Content): string {
  if (content.format === 'other' && content.label === BINARY_LABEL) return 'contains binary data';
  return `is ${labelOf(content)}`;
}

/** "starts like a ZIP archive", after "it". */
function startsLike(content: Content): string {
  if (content.format === 'other' && content.label === BINARY_LABEL) return 'contains binary data';
  if (content.format === 'text') return 'looks like plain text';
  return `starts like ${labelOf(content)}`;
}

function labelOf(content: Content): string {
  switch (content.format) {
    case 'pdf':
      return 'a PDF file';
    case 'docx':
      return 'a Word document';
    case 'text':
      return 'plain text';
    case 'zip':
    case 'other':
      return content.label;
  }
}

const BINARY_LABEL = 'binary data';
const OLE_LABEL = 'an older Office file such as .doc or .xls';

/** `pdfAfterJunk`: accept a PDF header found after other bytes (not for files named as text, which may quote one). */
function detectContent(bytes: Uint8Array, pdfAfterJunk: boolean): Content {
  if (indexOfAscii(bytes, '%PDF-', pdfAfterJunk ? PDF_HEADER_WINDOW : 5) >= 0) return { format: 'pdf' };
  if (startsWithBytes(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWithBytes(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    return detectZip(bytes);
  }
  const signature = BINARY_SIGNATURES.find((candidate) => startsWithBytes(bytes, candidate.bytes));
  if (signature !== undefined) return { format: 'other', label: signature.label };
  const prefix = bytes.subarray(0, TEXT_PREFIX_BYTES);
  const verdict = classifyText(prefix, prefix.length === bytes.length);
  if (verdict.isText) {
    if (startsWithAscii(bytes, '{\\rtf')) return { format: 'other', label: 'an RTF document' };
    return { format: 'text', encoding: verdict.encoding };
  }
  return { format: 'other', label: verdict.why === 'utf-32' ? 'UTF-32 text' : BINARY_LABEL };
}

function detectZip(bytes: Uint8Array): Content {
  let entries: readonly ZipEntry[];
  try {
    entries = readZipDirectory(bytes);
  } catch (error: unknown) {
    if (error instanceof ZipFormatError) return { format: 'zip', label: 'a ZIP archive', damage: error.message };
    throw error;
  }
  const names = new Set(entries.map((entry) => entry.name));
  if (names.has(DOCX_MAIN_PART)) return { format: 'docx', entries };
  if (names.has('xl/workbook.xml')) return { format: 'zip', label: 'an Excel workbook' };
  if (names.has('ppt/presentation.xml')) return { format: 'zip', label: 'a PowerPoint presentation' };
  if (names.has('mimetype') && names.has('content.xml')) return { format: 'zip', label: 'an OpenDocument file' };
  return { format: 'zip', label: 'a ZIP archive' };
}

const BINARY_SIGNATURES: readonly { readonly bytes: readonly number[]; readonly label: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], label: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], label: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], label: 'a GIF image' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], label: OLE_LABEL },
  { bytes: [0x1f, 0x8b], label: 'a gzip archive' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], label: 'a 7-Zip archive' },
  { bytes: [0x52, 0x61, 0x72, 0x21], label: 'a RAR archive' },
  { bytes: [0x4d, 0x5a], label: 'a Windows program' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], label: 'a program' },
];

const EXTENSION_CLAIMS: Readonly<Record<string, Claim>> = {
  pdf: { kind: 'pdf', label: 'a PDF file' },
  docx: { kind: 'docx', label: 'a Word document' },
  docm: { kind: 'docx', label: 'a Word document' },
  dotx: { kind: 'docx', label: 'a Word document' },
  dotm: { kind: 'docx', label: 'a Word document' },
  txt: { kind: 'text', label: 'a text file' },
  text: { kind: 'text', label: 'a text file' },
  log: { kind: 'text', label: 'a text file' },
  csv: { kind: 'text', label: 'a text file' },
  tsv: { kind: 'text', label: 'a text file' },
  md: { kind: 'markdown', label: 'a Markdown file' },
  markdown: { kind: 'markdown', label: 'a Markdown file' },
  mdown: { kind: 'markdown', label: 'a Markdown file' },
  mkd: { kind: 'markdown', label: 'a Markdown file' },
  doc: { kind: 'legacy', label: 'an older Word document (.doc)' },
  rtf: { kind: 'legacy', label: 'an RTF document' },
  odt: { kind: 'legacy', label: 'an OpenDocument text' },
  xls: { kind: 'legacy', label: 'an Excel workbook' },
  xlsx: { kind: 'legacy', label: 'an Excel workbook' },
  ppt: { kind: 'legacy', label: 'a PowerPoint presentation' },
  pptx: { kind: 'legacy', label: 'a PowerPoint presentation' },
};

const MEDIA_TYPE_CLAIMS: Readonly<Record<string, Claim>> = {
  'application/pdf': { kind: 'pdf', label: 'a PDF file' },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { kind: 'docx', label: 'a Word document' },
  'text/plain': { kind: 'text', label: 'a text file' },
  'text/csv': { kind: 'text', label: 'a text file' },
  'text/markdown': { kind: 'markdown', label: 'a Markdown file' },
  'text/x-markdown': { kind: 'markdown', label: 'a Markdown file' },
  'application/msword': { kind: 'legacy', label: 'an older Word document (.doc)' },
};

/** The extension's claim first (it is what people see), then the media type's. */
function claimsOf(fileName: string, mediaType: string | undefined): readonly Claim[] {
  const claims: Claim[] = [];
  const dot = fileName.lastIndexOf('.');
  const extension = dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
  const byExtension = Object.hasOwn(EXTENSION_CLAIMS, extension) ? EXTENSION_CLAIMS[extension] : undefined;
  if (byExtension !== undefined) claims.push(byExtension);
  const essence = (mediaType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const byMediaType = Object.hasOwn(MEDIA_TYPE_CLAIMS, essence) ? MEDIA_TYPE_CLAIMS[essence] : undefined;
  if (byMediaType !== undefined) claims.push(byMediaType);
  return claims;
}

function indexOfAscii(bytes: Uint8Array, needle: string, window: number): number {
  const limit = Math.min(bytes.length, window) - needle.length;
  for (let at = 0; at <= limit; at += 1) {
    if (matchesAsciiAt(bytes, needle, at)) return at;
  }
  return -1;
}

function startsWithAscii(bytes: Uint8Array, text: string): boolean {
  return matchesAsciiAt(bytes, text, 0);
}

function matchesAsciiAt(bytes: Uint8Array, text: string, at: number): boolean {
  for (let index = 0; index < text.length; index += 1) {
    if (bytes[at + index] !== text.charCodeAt(index)) return false;
  }
  return true;
}

function startsWithBytes(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((value, index) => bytes[index] === value);
}
