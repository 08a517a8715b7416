import type { ImportIssue } from '../../../../shared/api/import-issues';
import { decodeQuotedPrintable } from './quoted-printable';
import { splitLines } from './text-checks';

/**
 * The line layer under the vCard reader: finds the cards of a file (BEGIN:VCARD … END:VCARD) with the line each
 * starts on, unfolds their content lines keeping each one's line number (so an error can name it), and rewrites the
 * vCard 2.1 forms ical.js does not read — quoted-printable values and bare parameters (`TEL;WORK;VOICE:`) — into the
 * 3.0 form. Everything else (parameters, quoting, groups, escapes, structured values) is left to ical.js.
 */

/** One unfolded content line and the 1-based line of the file it starts on. */
export interface ContentLine {
  readonly line: number;
  readonly text: string;
}

/** The content lines of one card, between its BEGIN and END lines. */
export interface RawCard {
  /** 1-based number of the card in the file. */
  readonly record: number;
  /** 1-based line of its BEGIN:VCARD. */
  readonly line: number;
  readonly lines: readonly ContentLine[];
  /** Structural problems (a card without END:VCARD). */
  readonly problems: readonly ImportIssue[];
}

const BEGIN = /^BEGIN:VCARD[ \t]*$/i;
const END = /^END:VCARD[ \t]*$/i;
/** A property line starts with a name (optionally `group.`) followed by `;` or `:`. */
const PROPERTY_START = /^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)?[;:]/;

/** How many cards a text holds (counts BEGIN:VCARD lines), for the record limit. */
export function countCards(text: string): number {
  return text.match(/^BEGIN:VCARD[ \t]*$/gim)?.length ?? 0;
}

/** The parts of a content line: `group.NAME;param;param:value`. Null when the line has no name or no `:`. */
export interface LineParts {
  readonly group: string;
  readonly name: string;
  readonly params: readonly string[];
  readonly value: string;
}

/** Splits a content line at its first `:` and its `;` outside double quotes (parameter values may be quoted). */
export function splitContentLine(text: string): LineParts | null {
  const cuts: number[] = [];
  let colon = -1;
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === ';') cuts.push(i);
    else if (!quoted && char === ':') {
      colon = i;
      break;
    }
  }
  if (colon === -1) return null;
  const head: string[] = [];
  let start = 0;
  for (const cut of cuts) {
    head.push(text.slice(start, cut));
    start = cut + 1;
  }
  head.push(text.slice(start, colon));
  const nameMatch = /^(?:([A-Za-z0-9-]+)\.)?([A-Za-z0-9-]+)$/.exec(head[0] ?? '');
  if (nameMatch === null) return null;
  return { group: nameMatch[1] ?? '', name: nameMatch[2] ?? '', params: head.slice(1), value: text.slice(colon + 1) };
}

function hasEncoding(text: string, pattern: RegExp): boolean {
  const parts = splitContentLine(text);
  return parts !== null && parts.params.some((param) => pattern.test(param));
}

const QUOTED_PRINTABLE = /^(?:ENCODING=)?(?:QUOTED-PRINTABLE|Q)$/i;
const BASE64 = /^(?:ENCODING=)?(?:BASE64|B)$/i;

interface OpenCard {
  readonly line: number;
  readonly lines: { line: number; text: string }[];
  readonly problems: ImportIssue[];
}

/** Finds the cards of a vCard text and unfolds their lines. Lines outside cards are ignored. */
export function splitCards(text: string): RawCard[] {
  const cards: RawCard[] = [];
  let current: OpenCard | null = null;
  let softBreak = false;
  const lines = splitLines(text);
  for (let index = 0; index < lines.length; index += 1) {
    const raw = lines[index] ?? '';
    const number = index + 1;
    const last = current?.lines.at(-1);
    if (softBreak && last !== undefined) {
      // A quoted-printable soft line break: the next line continues the value as it is, indentation included.
      last.text += raw;
      softBreak = raw.endsWith('=');
      if (softBreak) last.text = last.text.slice(0, -1);
      continue;
    }
    softBreak = false;
    if (raw.startsWith(' ') || raw.startsWith('\t')) {
      if (last !== undefined) last.text += raw.slice(1); // folding (RFC 6350 §3.2)
      continue;
    }
    if (raw.trim() === '') continue;
    if (BEGIN.test(raw)) {
      if (current !== null) {
        current.problems.push({
          code: 'missing-end',
          params: { line: current.line, before: number },
          message: `the card starting on line ${current.line} has no END:VCARD before line ${number}`,
        });
        cards.push({ record: cards.length + 1, ...current });
      }
      current = { line: number, lines: [], problems: [] };
      continue;
    }
    if (END.test(raw)) {
      if (current !== null) cards.push({ record: cards.length + 1, ...current });
      current = null;
      continue;
    }
    if (current === null) continue;
    if (last !== undefined && !PROPERTY_START.test(raw) && hasEncoding(last.text, BASE64)) {
      last.text += raw; // vCard 2.1 base64 data continued without indentation
      continue;
    }
    const line = { line: number, text: raw };
    current.lines.push(line);
    if (raw.endsWith('=') && hasEncoding(raw, QUOTED_PRINTABLE)) {
      line.text = raw.slice(0, -1);
      softBreak = true;
    }
  }
  if (current !== null) {
    current.problems.push({
      code: 'missing-end',
      params: { line: current.line },
      message: `the card starting on line ${current.line} has no END:VCARD`,
    });
    cards.push({ record: cards.length + 1, ...current });
  }
  return cards;
}

/** vCard 2.1 parameters written without a name: `;QUOTED-PRINTABLE`, `;BASE64` are encodings, the rest are types. */
const BARE_ENCODINGS = new Set(['QUOTED-PRINTABLE', 'BASE64', '8BIT', '7BIT']);

/**
 * Rewrites a vCard 2.1 content line into the form ical.js reads: bare parameters get their name (`TEL;WORK;VOICE` →
 * `TEL;TYPE=WORK;TYPE=VOICE`) and a quoted-printable value is decoded in its CHARSET, its line breaks escaped as `\n`.
 * Any other line is returned unchanged.
 * @throws QuotedPrintableError when a quoted-printable value does not decode.
 */
export function normaliseLegacyLine(text: string, split: LineParts | null = splitContentLine(text)): string {
  const parts = split;
  if (parts === null) return text;
  let changed = false;
  let params = parts.params.map((param) => {
    if (param.includes('=')) return param;
    changed = true;
    return `${BARE_ENCODINGS.has(param.toUpperCase()) ? 'ENCODING' : 'TYPE'}=${param}`;
  });
  let value = parts.value;
  if (params.some((param) => QUOTED_PRINTABLE.test(param))) {
    const charset = params.find((param) => /^CHARSET=/i.test(param))?.slice('CHARSET='.length) ?? 'utf-8';
    value = decodeQuotedPrintable(value, charset.replaceAll('"', '')).replace(/\r\n|\r|\n/g, '\\n');
    params = params.filter((param) => !QUOTED_PRINTABLE.test(param) && !/^CHARSET=/i.test(param));
    changed = true;
  }
  if (!changed) return text;
  const name = parts.group === '' ? parts.name : `${parts.group}.${parts.name}`;
  return `${name}${params.map((param) => `;${param}`).join('')}:${value}`;
}
