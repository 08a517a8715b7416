import { describe, expect, it } from 'vitest';
import { fixtureText } from './interchange/fixtures/directory';
import { MAX_RECORDS, parseVCardFile, type ParsedFile } from './interchange';
import { countVCards, readVCardInSteps, splitVCardText } from './import-reading';

const card = (...lines: string[]): string => ['BEGIN:VCARD', 'VERSION:4.0', ...lines, 'END:VCARD'].join('\r\n');

interface Stepped {
  readonly outcome: { file: ParsedFile } | { error: string };
  readonly progress: readonly { done: number; total: number }[];
  readonly pauses: number;
}

/** Reads `text` in steps of `stepChars`, noting every progress report and pause. */
async function readStepped(text: string, stepChars: number): Promise<Stepped> {
  const progress: { done: number; total: number }[] = [];
  let pauses = 0;
  try {
    const file = await readVCardInSteps(text, {
      stepChars,
      onProgress: (done, total) => progress.push({ done, total }),
      pause: () => {
        pauses += 1;
        return new Promise((resolve) => {
          setImmediate(resolve);
        });
      },
    });
    return { outcome: { file }, progress, pauses };
  } catch (error: unknown) {
    return { outcome: { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }, progress, pauses };
  }
}

function readWhole(text: string): { file: ParsedFile } | { error: string } {
  try {
    return { file: parseVCardFile(text) };
  } catch (error: unknown) {
    return { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

/** Cards of every kind the fixtures hold (2.1 quoted-printable, base64 photos, Apple labels, records in error). */
const fixtures = ['apple.vcf', 'outlook.vcf', 'google.vcf', 'v4.vcf', 'bad-records.vcf'].map(fixtureText);

/** Files whose cards the reader must see the same whether it reads them whole or in pieces. */
const awkward: Record<string, string> = {
  'the fixtures, one after the other, three times': [...fixtures, ...fixtures, ...fixtures].join('\r\n'),
  'LF and lone CR line ends, blank and indented lines between cards, text outside cards': [
    'Exported by some tool',
    card('FN:Ana Pereira', 'EMAIL:ana@example.org').replaceAll('\r\n', '\n'),
    '',
    '   ',
    card('FN:Li Wei', 'EMAIL:li@').replaceAll('\r\n', '\r'),
    'stray line',
    card('FN:Kwame Mensah', 'NOTE:first line', ' folded on', 'TEL:+233 30 266 4951'),
    'BEGIN:VCARD  ',
    'VERSION:3.0',
    'FN:Trailing spaces',
    'END:VCARD',
  ].join('\n'),
  'a card without END:VCARD before the next one': [card('FN:Open card').replace(/\r\nEND:VCARD$/, ''), card('FN:Next card')].join('\r\n'),
  'a quoted-printable value whose soft break swallows END:VCARD': [
    ['BEGIN:VCARD', 'VERSION:2.1', 'FN:Soft break', 'NOTE;ENCODING=QUOTED-PRINTABLE:ends with=', 'END:VCARD'].join('\r\n'),
    card('FN:After the swallowed end'),
    card('FN:Third'),
  ].join('\r\n'),
  'a line separator (U+2028) right after a BEGIN:VCARD': [card('FN:Before'), `BEGIN:VCARD\u2028VERSION:4.0\r\nFN:Odd\r\nEND:VCARD`, card('FN:After')].join('\r\n'),
};

describe('reading a vCard file in steps', () => {
  for (const [name, base] of Object.entries(awkward)) {
    it(`reads exactly what the whole-file reader reads: ${name}`, async () => {
      // Repeated so that steps of a few hundred characters cut it in many places.
      const text = Array.from({ length: 6 }, () => base).join('\r\n');
      const whole = readWhole(text);
      expect('file' in whole).toBe(true);
      for (const stepChars of [1, 300, 2_000]) {
        const stepped = await readStepped(text, stepChars);
        expect(stepped.outcome).toEqual(whole);
      }
      // And it was read in more than one step.
      expect((await readStepped(text, 300)).pauses).toBeGreaterThan(1);
    });
  }

  it('names the line of a record in error in a later step as the whole file numbers it', async () => {
    const text = [...Array.from({ length: 40 }, (_, at) => card(`FN:Person ${at}`)), card('FN:Jane Doe', 'EMAIL:jane@')].join('\r\n');
    const stepped = await readStepped(text, 500);
    if (!('file' in stepped.outcome)) throw new Error(stepped.outcome.error);
    const last = stepped.outcome.file.records.at(-1);
    expect(last).toMatchObject({ record: 41, line: 40 * 4 + 1 });
    expect(JSON.stringify(last?.errors)).toContain(`line ${40 * 4 + 4}`);
  });

  it('refuses a file exactly as the whole-file reader does', async () => {
    const tooMany = Array.from({ length: MAX_RECORDS + 1 }, () => 'BEGIN:VCARD\nFN:x\nEND:VCARD').join('\n');
    // Control characters past the part of the file the reader sniffs for binary content: the whole file passes.
    const bellsLater = [card('FN:First', `NOTE:${'x'.repeat(120_000)}`), card('FN:Bell \u0007\u0007\u0007 in a name')].join('\r\n');
    const notUtf8Later = [card('FN:First'), card('FN:Second'), card('FN:Caf\uFFFD')].join('\r\n');
    for (const text of ['', 'FN:no card at all', tooMany, notUtf8Later, bellsLater]) {
      const whole = readWhole(text);
      const stepped = await readStepped(text, 100);
      expect(stepped.outcome).toEqual(whole);
    }
    const errorOf = (text: string): string => {
      const outcome = readWhole(text);
      return 'error' in outcome ? outcome.error : '';
    };
    expect(errorOf(tooMany)).toContain('at most 20,000');
    expect(errorOf(notUtf8Later)).toContain('Line 11: the file is not UTF-8');
    expect(readWhole(bellsLater)).toMatchObject({ file: { records: [{ record: 1 }, { record: 2 }] } });
  });

  it('reports how far it got: done only grows, and ends at done === total', async () => {
    const text = Array.from({ length: 500 }, (_, at) => card(`FN:Person ${at}`, `EMAIL:p${at}@example.org`)).join('\r\n');
    const stepped = await readStepped(text, 4_000);
    expect(stepped.progress[0]).toEqual({ done: 0, total: 500 });
    expect(stepped.progress.length).toBeGreaterThan(5);
    for (let at = 1; at < stepped.progress.length; at += 1) {
      expect(stepped.progress[at]?.done).toBeGreaterThanOrEqual(stepped.progress[at - 1]?.done ?? 0);
    }
    expect(stepped.progress.at(-1)).toEqual({ done: 500, total: 500 });
    expect(stepped.pauses).toBe(stepped.progress.length - 2);
  });

  it('reads a small file in one go', async () => {
    const stepped = await readStepped(card('FN:Only one'), 4_000);
    expect(stepped.pauses).toBe(0);
    expect(stepped.progress).toEqual([{ done: 1, total: 1 }]);
  });
});

describe('splitVCardText', () => {
  it('cuts only before a BEGIN:VCARD line that follows an END:VCARD, and counts the lines before each piece', () => {
    const text = ['preamble', card('FN:A'), '', card('FN:B'), card('FN:C')].join('\n');
    const pieces = splitVCardText(text, 1);
    expect(pieces.map((piece) => text.slice(piece.start, piece.end).split(/\r\n|\r|\n/)[0])).toEqual(['preamble', 'BEGIN:VCARD', 'BEGIN:VCARD']);
    expect(pieces.map((piece) => piece.lineOffset)).toEqual([0, 6, 10]);
    // The pieces follow each other and cover the whole text.
    expect(pieces[0]?.start).toBe(0);
    expect(pieces.at(-1)?.end).toBe(text.length);
    for (let at = 1; at < pieces.length; at += 1) expect(pieces[at]?.start).toBe(pieces[at - 1]?.end);
    expect(countVCards(text)).toBe(3);
  });

  it('keeps a card that might continue a value together with the one before it', () => {
    const text = ['BEGIN:VCARD', 'NOTE;QUOTED-PRINTABLE:soft=', 'END:VCARD', 'BEGIN:VCARD', 'FN:B', 'END:VCARD'].join('\r\n');
    expect(splitVCardText(text, 1)).toEqual([{ start: 0, end: text.length, lineOffset: 0 }]);
  });
});
