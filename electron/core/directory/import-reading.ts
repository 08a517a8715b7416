import { MAX_RECORDS, parseVCardFile, type ParsedFile, type ParsedRecord } from './interchange';
import { checkImportText } from './interchange/text-checks';

/**
 * Reads a large vCard file a piece at a time, so an import preview can say how far it got and other calls get their
 * turn in between (reading 20,000 cards takes over a second). The interchange reader is whole-file and stays the one
 * source of truth: each piece is a run of whole cards, cut only where that reader is between cards, and is read by it
 * with blank lines in front so that every line number it reports (record lines, issue messages and params) is the one
 * in the whole file. The result equals `parseVCardFile(text)` — the tests beside this file hold it to that.
 */

/** About how much text one step reads before yielding (some 1,000 cards of a typical export). */
export const READ_STEP_CHARS = 256 * 1024;

/**
 * Blank space put on the first padding line, longer than the window the reader sniffs for binary content (64 KiB), so
 * a piece is judged as text the way the whole file was — never on content the whole file's sniff did not look at.
 */
const SNIFF_SHIELD = ' '.repeat(128 * 1024);

/** A run of whole cards of a vCard text. */
export interface VCardPiece {
  /** Offset in the whole text where the piece starts (0, or the start of a BEGIN:VCARD line). */
  readonly start: number;
  readonly end: number;
  /** Lines of the whole text before the piece. */
  readonly lineOffset: number;
}

export interface StepOptions {
  /** Called after each step with the cards read so far and the cards the file holds (`done` only grows). */
  readonly onProgress: (done: number, total: number) => void;
  /** Lets the event loop run (other calls, the progress events); resolves when this read may go on. */
  readonly pause: () => Promise<void>;
  readonly stepChars?: number;
}

const BEGIN_LINES = /^BEGIN:VCARD[ \t]*$/gim;
const END_LINE = /^END:VCARD[ \t]*$/i;

/** How many cards a text holds, counted as the reader counts them for its record limit. */
export function countVCards(text: string): number {
  return text.match(BEGIN_LINES)?.length ?? 0;
}

/**
 * Cuts `text` into pieces of at least `stepChars` characters (the last may be shorter). A cut is made only before a
 * BEGIN:VCARD line at which the reader is certainly between cards: the previous non-blank line is an END:VCARD that
 * did not continue a quoted-printable value. Where that is not certain the piece simply grows.
 */
export function splitVCardText(text: string, stepChars: number = READ_STEP_CHARS): VCardPiece[] {
  const pieces: VCardPiece[] = [];
  let start = 0;
  let lineOffset = 0;
  for (const match of text.matchAll(BEGIN_LINES)) {
    const at = match.index;
    if (at - start < stepChars || !betweenCards(text, at)) continue;
    pieces.push({ start, end: at, lineOffset });
    lineOffset += countLineBreaks(text, start, at);
    start = at;
  }
  pieces.push({ start, end: text.length, lineOffset });
  return pieces;
}

/**
 * `parseVCardFile(text)`, read in steps of about `stepChars`, pausing between them.
 * @throws InterchangeFileError exactly as `parseVCardFile` does (the whole-file checks run first, on the whole file).
 */
export async function readVCardInSteps(text: string, options: StepOptions): Promise<ParsedFile> {
  checkImportText(text, 'vCard');
  const total = countVCards(text);
  const pieces = total === 0 || total > MAX_RECORDS ? [] : splitVCardText(text, options.stepChars);
  // A refused file, or one that fits in one step, is read whole: the same answer and the same errors, at once.
  if (pieces.length <= 1) {
    const whole = parseVCardFile(text);
    options.onProgress(whole.records.length, whole.records.length);
    return whole;
  }
  options.onProgress(0, total);
  const records: ParsedRecord[] = [];
  let facts: Omit<ParsedFile, 'records'> | null = null;
  for (const piece of pieces) {
    await options.pause();
    const padding = piece.lineOffset === 0 ? '' : `${SNIFF_SHIELD}${'\n'.repeat(piece.lineOffset)}`;
    const read = parseVCardFile(padding + text.slice(piece.start, piece.end));
    facts ??= read;
    const before = records.length;
    for (const record of read.records) records.push({ ...record, record: record.record + before });
    // `total` counts BEGIN lines; a file the reader splits otherwise (a BEGIN inside a value) must not overshoot it.
    options.onProgress(Math.min(records.length, total), total);
  }
  if (facts === null) throw new Error('A vCard text split into pieces had none');
  options.onProgress(records.length, records.length);
  return { format: facts.format, columns: facts.columns, mapping: facts.mapping, delimiter: facts.delimiter, records };
}

/**
 * Whether the reader, reaching the line that starts at `at`, is certainly between cards — as it is at the start of a
 * text, so a piece starting there reads the same alone.
 */
function betweenCards(text: string, at: number): boolean {
  let previous = lineBefore(text, at);
  while (previous !== null && previous.text.trim() === '') previous = lineBefore(text, previous.start);
  if (previous === null || !END_LINE.test(previous.text)) return false;
  // An END:VCARD right after a line ending in '=' may have continued a quoted-printable value instead of ending a card.
  const beforeEnd = lineBefore(text, previous.start);
  return beforeEnd !== null && !beforeEnd.text.endsWith('=');
}

/** The physical line before the one starting at `lineStart`; null at the start of the text or mid-line. */
function lineBefore(text: string, lineStart: number): { start: number; text: string } | null {
  let end = lineStart;
  if (text[end - 1] === '\n') {
    end -= 1;
    if (text[end - 1] === '\r') end -= 1;
  } else if (text[end - 1] === '\r') {
    end -= 1;
  } else {
    return null;
  }
  let start = end;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start -= 1;
  return { start, text: text.slice(start, end) };
}

/** Line breaks (CRLF, LF or a lone CR, as the reader splits lines) in text[from, to). */
function countLineBreaks(text: string, from: number, to: number): number {
  let breaks = 0;
  for (let at = from; at < to; at += 1) {
    const code = text.charCodeAt(at);
    if (code === 0x0a) breaks += 1;
    else if (code === 0x0d) {
      breaks += 1;
      if (text.charCodeAt(at + 1) === 0x0a) at += 1;
    }
  }
  return breaks;
}
