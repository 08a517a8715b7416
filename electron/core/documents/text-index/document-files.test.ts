import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../testing/temp-dir';
import { isBlockLayout } from './block-codec';
import { encodeDocument } from './document-codec';
import { DocumentFiles, documentFileName, type DocumentFileRead, type DocumentViewRead } from './document-files';
import { identitySealer } from './identity-sealer';
import { prepareDocument, type PreparedDocument } from './prepared-document';
import { seededRandom } from './testing/generate-documents';
import { entry, xorSealer } from './testing/text-index-fixtures';

/** About `length` code units of prose in French and English, with accents, CJK and an emoji. */
function prose(length: number): string {
  let text = '';
  // Bounded: each round adds a sentence.
  for (let index = 0; text.length < length; index += 1) {
    text += `Prévention des atrocités, séance ${index} : le point focal a examiné l’alerte précoce 外交部长会议 😀. `;
  }
  return text;
}

function prepared(id: string, text: string): PreparedDocument {
  return prepareDocument({
    ...entry(id, { title: `Côte d’Ivoire — ${id}`, summary: 'Résumé du rapport annuel.', text, countries: ['CI'], year: 2021 }),
    rev: `rev-of-${id}`,
  });
}

function okRead(read: DocumentFileRead): PreparedDocument {
  if (read.kind !== 'ok') throw new Error(`expected a document, got ${JSON.stringify(read)}`);
  return read.prepared;
}

function okView(read: DocumentViewRead) {
  if (read.kind !== 'ok') throw new Error(`expected a view, got ${JSON.stringify(read)}`);
  return read.view;
}

/** Writes a document the way version 2 did: the earlier layout deflated whole, then sealed. */
function writeVersion2(directory: string, document: PreparedDocument, name = documentFileName(document.document.id)): void {
  writeFileSync(join(directory, name), identitySealer.seal(deflateRawSync(encodeDocument(document))));
}

describe('document files', () => {
  const temp = useTempDir('document-files-');

  it('writes the block layout and reads the document back, whole or as a view', async () => {
    const files = new DocumentFiles(temp.path, identitySealer);
    const document = prepared('doc-1', prose(20_000));
    await files.write(document);
    await files.flush();
    const sealed = readFileSync(join(temp.path, documentFileName('doc-1')));
    expect(isBlockLayout(Buffer.from(identitySealer.open(sealed)))).toBe(true);
    const read = await files.read('doc-1');
    expect(read.kind === 'ok' ? read.bytes : -1).toBe(sealed.length);
    const back = okRead(read);
    expect(back.document).toEqual(document.document);
    expect(back.text.normalised).toBe(document.text.normalised);
    expect(back.title.normalised).toBe(document.title.normalised);
    const view = okView(await files.readView('doc-1'));
    expect(view.id).toBe('doc-1');
    expect(view.rev).toBe('rev-of-doc-1');
    expect(view.title.original).toBe(document.document.title);
    expect(view.summary.original).toBe(document.document.summary);
    expect(view.text.count).toBeGreaterThan(1);
    expect(view.text.span(0, view.text.count - 1)?.original).toBe(document.document.text);
    expect(await files.list()).toEqual([documentFileName('doc-1')]);
  });

  it('replaces a document written again, and removes it', async () => {
    const files = new DocumentFiles(temp.path, identitySealer);
    await files.write(prepared('doc-1', 'First version.'));
    await files.write(prepared('doc-1', 'Second version, longer.'));
    expect(okRead(await files.read('doc-1')).document.text).toBe('Second version, longer.');
    expect(await files.list()).toHaveLength(1);
    await files.remove('doc-1');
    expect(await files.read('doc-1')).toEqual({ kind: 'missing' });
    expect(await files.list()).toEqual([]);
  });

  it('still reads a version-2 file, whole and as a view of one block', async () => {
    const files = new DocumentFiles(temp.path, identitySealer);
    const document = prepared('legacy', prose(12_000));
    writeVersion2(temp.path, document);
    expect(isBlockLayout(readFileSync(join(temp.path, documentFileName('legacy'))))).toBe(false);
    const back = okRead(await files.read('legacy'));
    expect(back.document).toEqual(document.document);
    expect(back.text.normalised).toBe(document.text.normalised);
    const view = okView(await files.readView('legacy'));
    expect(view.id).toBe('legacy');
    expect(view.rev).toBe('rev-of-legacy');
    expect(view.text.count).toBe(1);
    expect(view.text.span(0, 0)?.original).toBe(document.document.text);
    expect(view.text.span(0, 0)?.normalised).toBe(document.text.normalised);
  });

  it('reads a version-2 file too large to inflate in place', async () => {
    const random = seededRandom(5);
    let text = '';
    // Random letters compress poorly: the deflated file is well past the in-place limit (64 KiB).
    for (let index = 0; index < 200_000; index += 1) text += index % 7 === 6 ? ' ' : String.fromCharCode(97 + Math.floor(random() * 26));
    const document = prepared('large', text);
    writeVersion2(temp.path, document);
    expect(readFileSync(join(temp.path, documentFileName('large'))).length).toBeGreaterThan(64 * 1024);
    const files = new DocumentFiles(temp.path, identitySealer);
    expect(okRead(await files.read('large')).document.text).toBe(text);
    expect(okView(await files.readView('large')).text.span(0, 0)?.original).toBe(text);
  });

  it('refuses a file that holds another id, in either layout', async () => {
    const files = new DocumentFiles(temp.path, identitySealer);
    await files.write(prepared('doc-a', prose(9_000)));
    writeFileSync(join(temp.path, documentFileName('doc-b')), readFileSync(join(temp.path, documentFileName('doc-a'))));
    const other = { kind: 'unreadable', reason: 'holds another id' };
    expect(await files.read('doc-b')).toEqual(other);
    expect(await files.readView('doc-b')).toEqual(other);
    writeVersion2(temp.path, prepared('doc-c', 'Old layout.'), documentFileName('doc-d'));
    expect(await files.read('doc-d')).toEqual(other);
    expect(await files.readView('doc-d')).toEqual(other);
    // Read by name, with no id expected, the file gives what it holds.
    expect(okRead(await files.readName(documentFileName('doc-b'))).document.id).toBe('doc-a');
  });

  it('says a file is missing', async () => {
    const files = new DocumentFiles(temp.path, identitySealer);
    expect(await files.read('nowhere')).toEqual({ kind: 'missing' });
    expect(await files.readView('nowhere')).toEqual({ kind: 'missing' });
  });

  it('says why a damaged file or one sealed with another key cannot be read, without throwing', async () => {
    const files = new DocumentFiles(temp.path, xorSealer(7));
    await files.write(prepared('sealed', prose(5_000)));
    expect(okRead(await files.read('sealed')).document.id).toBe('sealed');
    const otherKey = new DocumentFiles(temp.path, xorSealer(9));
    expect(await otherKey.read('sealed')).toEqual({ kind: 'unreadable', reason: 'sealed with another key' });
    expect(await otherKey.readView('sealed')).toEqual({ kind: 'unreadable', reason: 'sealed with another key' });
    const plain = new DocumentFiles(temp.path, identitySealer);
    await plain.write(prepared('cut', prose(9_000)));
    const path = join(temp.path, documentFileName('cut'));
    writeFileSync(path, readFileSync(path).subarray(0, 40));
    expect(await plain.read('cut')).toEqual({ kind: 'unreadable', reason: 'header cut short' });
    expect(await plain.readView('cut')).toEqual({ kind: 'unreadable', reason: 'header cut short' });
    writeFileSync(join(temp.path, documentFileName('noise')), Buffer.from('not a deflate stream at all', 'latin1'));
    const noise = await plain.read('noise');
    expect(noise.kind).toBe('unreadable');
    expect(noise.kind === 'unreadable' ? typeof noise.reason : null).toBe('string');
    expect((await plain.readView('noise')).kind).toBe('unreadable');
  });
});
