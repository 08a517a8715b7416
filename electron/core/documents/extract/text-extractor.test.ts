import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtractResult, ExtractSuccess } from './extract-types';
import { loadPdfjs } from './pdf-text';
import { buildDocx, buildPlainZip } from './testing/docx-fixture';
import { buildPdf } from './testing/pdf-fixture';
import { buildZip, deflateZeros } from './testing/zip-fixture';
import { createTextExtractor, extractText, type TextExtractor } from './text-extractor';

const PHRASE = 'responsibility to protect populations';

function expectOk(result: ExtractResult): ExtractSuccess {
  if (!result.ok) throw new Error(`expected text, got ${result.code}: ${result.reason}`);
  return result;
}

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

describe('createTextExtractor with the real reader', () => {
  let extractor: TextExtractor;
  beforeAll(() => {
    extractor = createTextExtractor();
  });
  afterAll(async () => {
    await extractor.close();
  });

  it('reads every page of a multi-page PDF, pages separated by form feeds, with per-page progress', async () => {
    const bytes = buildPdf({
      pages: [
        ['Annual meeting of focal points', 'Agenda item one'],
        ['The network discussed the', `${PHRASE} from atrocity crimes.`],
        ['Closing remarks (and thanks)'],
      ],
    });
    const progress: [number, number][] = [];
    const result = expectOk(
      await extractor.extract({ bytes, fileName: 'minutes.pdf' }, {}, { onProgress: (done, total) => progress.push([done, total]) }),
    );
    expect(result.kind).toBe('pdf');
    expect(result.pages).toBe(3);
    expect(result.truncated).toBe(false);
    expect(result.bytesIn).toBe(bytes.length);
    expect(result.parseMs).toBeGreaterThanOrEqual(0);
    const pages = result.text.split('\f');
    expect(pages).toHaveLength(3);
    expect(pages[0]).toBe('Annual meeting of focal points\nAgenda item one');
    expect(pages[1]).toContain(PHRASE);
    expect(pages[2]).toBe('Closing remarks (and thanks)');
    expect(progress).toEqual([
      [0, 3],
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });

  it('reads accented Latin text and Cyrillic and Chinese text carried by a ToUnicode map', async () => {
    const bytes = buildPdf({
      pages: [['Réunion du réseau à Genève, façade']],
      unicodeLines: ['Ответственность по защите', '保护的责任'],
    });
    const result = expectOk(await extractor.extract({ bytes, fileName: 'multilingue.pdf' }));
    const [latin, other] = result.text.split('\f');
    expect(latin).toBe('Réunion du réseau à Genève, façade');
    expect(other).toContain('Ответственность по защите');
    expect(other).toContain('保护的责任');
  });

  it('reads Chinese text in a font that is not embedded, through pdf.js character maps', async () => {
    const bytes = buildPdf({ pages: [], predefinedCjkLines: ['保护的责任'] });
    expect(expectOk(await extractor.extract({ bytes, fileName: 'cjk.pdf' })).text).toBe('保护的责任');
  });

  it('cuts the text at maxChars and says so, without splitting pages it did not read', async () => {
    const bytes = buildPdf({ pages: [['First page text'], ['Second page text'], ['Third page text']] });
    const result = expectOk(await extractor.extract({ bytes, fileName: 'long.pdf' }, { maxChars: 20 }));
    expect(result.truncated).toBe(true);
    expect(result.pages).toBe(3);
    expect(result.text).toBe('First page text\fSeco');
  });

  it('refuses a .pdf that is a ZIP archive, naming both', async () => {
    const result = await extractor.extract({ bytes: await buildPlainZip(), fileName: 'report.pdf' });
    expect(result).toEqual({
      ok: false,
      code: 'mismatch',
      reason: 'report.pdf is not a PDF file (it starts like a ZIP archive).',
    });
  });

  it('reports a PDF whose structure is garbage, or that is cut in half, as damaged', async () => {
    const garbage = await extractor.extract({ bytes: utf8('%PDF-1.7\nthis is not really a PDF'), fileName: 'garbage.pdf' });
    expect(garbage).toMatchObject({ ok: false, code: 'malformed' });
    expect(!garbage.ok && garbage.reason).toBe('garbage.pdf is damaged or incomplete, so its text cannot be read.');
    const whole = buildPdf({ pages: [['Some words']] });
    const truncated = await extractor.extract({ bytes: whole.subarray(0, Math.floor(whole.length / 2)), fileName: 'half.pdf' });
    expect(truncated).toMatchObject({ ok: false, code: 'malformed' });
  });

  it('reports a password-protected PDF as encrypted', async () => {
    const bytes = buildPdf({ pages: [['Confidential briefing']], userPassword: 'secret' });
    const result = await extractor.extract({ bytes, fileName: 'briefing.pdf' });
    expect(result).toEqual({
      ok: false,
      code: 'encrypted',
      reason: 'briefing.pdf is password-protected; its text cannot be read.',
    });
  });

  it('reads a Word document built with JSZip, with start and end progress', async () => {
    const bytes = await buildDocx(['Focal points meeting', `The ${PHRASE} & prevention.`]);
    const progress: [number, number][] = [];
    const result = expectOk(
      await extractor.extract({ bytes, fileName: 'notes.docx' }, {}, { onProgress: (done, total) => progress.push([done, total]) }),
    );
    expect(result.kind).toBe('docx');
    expect(result.text).toBe(`Focal points meeting\n\nThe ${PHRASE} & prevention.`);
    expect(result.pages).toBeUndefined();
    expect(progress).toEqual([
      [0, 1],
      [1, 1],
    ]);
  });

  it('reports a Word document whose XML is broken as damaged', async () => {
    const bytes = await buildDocx([], '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p>');
    const result = await extractor.extract({ bytes, fileName: 'broken.docx' });
    expect(result).toEqual({
      ok: false,
      code: 'malformed',
      reason: 'broken.docx is a damaged Word document, so its text cannot be read.',
    });
  });

  it('refuses a zip bomb disguised as a Word document without handing it to the reader', async () => {
    const size = 300 * 1024 * 1024;
    const bytes = buildZip([{ name: 'word/document.xml', deflated: await deflateZeros(size), declaredSize: size }]);
    const before = extractor.stats().jobsRun;
    const result = await extractor.extract({ bytes, fileName: 'invitation.docx' });
    expect(result).toMatchObject({ ok: false, code: 'too-large' });
    expect(!result.ok && result.reason).toMatch(/^invitation\.docx looks like a zip bomb/);
    expect(extractor.stats().jobsRun).toBe(before);
  });

  it('stops a zip bomb that lies about its size at the size it declared, and the reader survives', async () => {
    const bytes = buildZip([{ name: 'word/document.xml', deflated: await deflateZeros(64 * 1024 * 1024), declaredSize: 4096 }]);
    const started = extractor.stats().workersStarted;
    const result = await extractor.extract({ bytes, fileName: 'agenda.docx' });
    expect(result).toMatchObject({ ok: false, code: 'too-large' });
    expect(!result.ok && result.reason).toMatch(/^agenda\.docx looks like a zip bomb/);
    const next = expectOk(await extractor.extract({ bytes: utf8('still here'), fileName: 'after.txt' }));
    expect(next.text).toBe('still here');
    expect(extractor.stats().workersStarted).toBe(started);
  });

  it('decodes UTF-8 (with and without BOM), UTF-16 with a BOM and Windows-1252 text', async () => {
    const phrase = 'Protection des populations — état, société';
    const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(phrase, 'utf16le')]);
    const utf16be = Buffer.from(utf16le).swap16();
    utf16be[0] = 0xfe;
    utf16be[1] = 0xff;
    const cases: [string, Uint8Array][] = [
      ['plain.txt', utf8(phrase)],
      ['bom.txt', Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(phrase)])],
      ['le.txt', Uint8Array.from(utf16le)],
      ['be.txt', Uint8Array.from(utf16be)],
    ];
    for (const [fileName, bytes] of cases) {
      const result = expectOk(await extractor.extract({ bytes, fileName }));
      expect({ fileName, kind: result.kind, text: result.text }).toEqual({ fileName, kind: 'text', text: phrase });
    }
    // Windows-1252 as Word and Notepad wrote it: Latin-1 letters, plus € and curly quotes in 0x80–0x9F.
    const legacy = 'Le réseau a adopté le budget de 1 200 \x80 et la « déclaration » du \x93comité\x94.';
    const cp1252 = Uint8Array.from(Buffer.from(legacy, 'latin1'));
    expect(expectOk(await extractor.extract({ bytes: cp1252, fileName: 'old.txt' })).text).toBe(
      'Le réseau a adopté le budget de 1 200 € et la « déclaration » du “comité”.',
    );
  });

  it('reads Markdown without its markup', async () => {
    const markdown = '# Meeting notes\n\n- **Decision**: adopt the [work plan](https://example.org/plan)\n\n```\nnpm run build\n```\n';
    const result = expectOk(await extractor.extract({ bytes: utf8(markdown), fileName: 'notes.md' }));
    expect(result.kind).toBe('markdown');
    expect(result.text).toBe('Meeting notes\n\nDecision: adopt the work plan\n\n\nnpm run build\n\n');
  });

  it('refuses binary data named .txt as unsupported', async () => {
    const bytes = Uint8Array.from({ length: 4096 }, (_unused, index) => (index * 37) % 256);
    const result = await extractor.extract({ bytes, fileName: 'data.txt' });
    expect(result).toEqual({ ok: false, code: 'unsupported', reason: 'data.txt is not a text file: it contains binary data.' });
  });
});

describe('the PDF fixtures', () => {
  it('are really encrypted: pdf.js reads the text with the right password', async () => {
    const pdfjs = await loadPdfjs();
    const bytes = buildPdf({ pages: [['Confidential briefing']], userPassword: 'secret' });
    const task = pdfjs.getDocument({ data: bytes, password: 'secret', isEvalSupported: false, verbosity: 0 });
    try {
      const document = await task.promise;
      const content = await (await document.getPage(1)).getTextContent();
      expect(content.items.map((item) => ('str' in item ? item.str : '')).join('')).toBe('Confidential briefing');
    } finally {
      await task.destroy();
    }
  });
});

describe('createTextExtractor when the reader misbehaves', () => {
  let extractor: TextExtractor;
  beforeAll(() => {
    extractor = createTextExtractor({ workerScript: new URL('./testing/faulty-worker.ts', import.meta.url) });
  });
  afterAll(async () => {
    await extractor.close();
  });

  it('terminates a reader that overruns its time, and the next file is read by a new one', async () => {
    // A warm reader first, so the stalled file's progress arrives well within its time limit.
    expect(expectOk(await extractor.extract({ bytes: utf8('warm'), fileName: 'warm.txt' })).text).toBe('warm');
    let liveDuringJob = -1;
    const result = await extractor.extract(
      { bytes: utf8('x'), fileName: 'stall-slow.txt' },
      { timeoutMs: 2000 },
      {
        onProgress: () => {
          liveDuringJob = extractor.stats().liveWorkers;
        },
      },
    );
    expect(result).toEqual({
      ok: false,
      code: 'timeout',
      reason: 'stall-slow.txt took longer than 2 s to read, so reading it was stopped.',
    });
    expect(liveDuringJob).toBe(1);
    expect(extractor.stats().liveWorkers).toBe(0);
    const started = extractor.stats().workersStarted;
    expect(expectOk(await extractor.extract({ bytes: utf8('next one'), fileName: 'next.txt' })).text).toBe('next one');
    expect(extractor.stats()).toMatchObject({ workersStarted: started + 1, liveWorkers: 1 });
  });

  it('answers aborted when the signal fires mid-file, and terminates the reader', async () => {
    const controller = new AbortController();
    const result = await extractor.extract(
      { bytes: utf8('x'), fileName: 'stall-cancel.txt' },
      {},
      {
        signal: controller.signal,
        onProgress: () => {
          controller.abort();
        },
      },
    );
    expect(result).toEqual({ ok: false, code: 'aborted', reason: 'Reading stall-cancel.txt was cancelled.' });
    expect(extractor.stats().liveWorkers).toBe(0);
  });

  it('answers aborted at once for a signal already aborted, or aborted while waiting its turn', async () => {
    const jobsBefore = extractor.stats().jobsRun;
    const early = await extractor.extract({ bytes: utf8('x'), fileName: 'early.txt' }, {}, { signal: AbortSignal.abort() });
    expect(early).toMatchObject({ ok: false, code: 'aborted' });
    expect(extractor.stats().jobsRun).toBe(jobsBefore);

    const blocker = new AbortController();
    const queued = new AbortController();
    const first = extractor.extract(
      { bytes: utf8('x'), fileName: 'stall-first.txt' },
      {},
      {
        signal: blocker.signal,
        onProgress: () => {
          queued.abort();
        },
      },
    );
    const second = extractor.extract({ bytes: utf8('x'), fileName: 'queued.txt' }, {}, { signal: queued.signal });
    expect(await second).toMatchObject({ ok: false, code: 'aborted' });
    blocker.abort();
    expect(await first).toMatchObject({ ok: false, code: 'aborted' });
    expect(extractor.stats().jobsRun).toBe(jobsBefore + 1);
  });

  it('reports a reader killed by its heap cap as out of memory, and recovers', async () => {
    const result = await extractor.extract({ bytes: utf8('x'), fileName: 'hog-big.txt' }, { maxHeapMb: 64 });
    expect(result).toEqual({
      ok: false,
      code: 'out-of-memory',
      reason: 'hog-big.txt needs more than the 64 MiB of memory allowed for reading one file, so reading it was stopped.',
    });
    expect(extractor.stats().liveWorkers).toBe(0);
    expect(expectOk(await extractor.extract({ bytes: utf8('fine'), fileName: 'fine.txt' })).text).toBe('fine');
  });

  it('reports a reader that exits mid-file as a file that could not be read, and recovers', async () => {
    const result = await extractor.extract({ bytes: utf8('x'), fileName: 'crash-now.txt' });
    expect(result).toEqual({
      ok: false,
      code: 'malformed',
      reason: 'crash-now.txt could not be read: the reader stopped unexpectedly.',
    });
    expect(expectOk(await extractor.extract({ bytes: utf8('again'), fileName: 'again.txt' })).text).toBe('again');
  });
});

describe('createTextExtractor without its reader', () => {
  it('fails loudly (an installation fault, not a bad file) when the reader script is missing', async () => {
    const extractor = createTextExtractor({ workerScript: new URL('./no-such-reader.cjs', import.meta.url) });
    await expect(extractor.extract({ bytes: utf8('x'), fileName: 'a.txt' })).rejects.toThrow(/reader is missing/);
    expect(extractor.stats()).toMatchObject({ workersStarted: 0, liveWorkers: 0 });
  });
});

describe('extractText', () => {
  it('reads a file with the shared extractor and rejects nonsensical limits', async () => {
    expect(expectOk(await extractText({ bytes: utf8('shared reader'), fileName: 'a.txt' })).text).toBe('shared reader');
    await expect(extractText({ bytes: utf8('x'), fileName: 'a.txt' }, { timeoutMs: 0 })).rejects.toThrow(RangeError);
  });
});
