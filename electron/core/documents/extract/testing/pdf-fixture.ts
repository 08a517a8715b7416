import { createHash } from 'node:crypto';

/** What a generated PDF contains. */
export interface PdfFixture {
  /** Lines per page, drawn in Helvetica with WinAnsi encoding (Latin-1 characters only). */
  readonly pages: readonly (readonly string[])[];
  /**
   * Lines for one more page, drawn with a composite (Type0, Identity-H) font and a ToUnicode map — how real PDFs carry
   * Cyrillic, Chinese and other scripts the standard fonts lack. Basic Multilingual Plane characters only.
   */
  readonly unicodeLines?: readonly string[];
  /**
   * Lines for one more page, in a Chinese font that is not embedded and uses the predefined UniGB-UCS2-H encoding:
   * reading it needs pdf.js's packed character maps (its cMapUrl), so it proves they are found.
   */
  readonly predefinedCjkLines?: readonly string[];
  /** Encrypts the file with the standard security handler, revision 2 (RC4, 40 bits), for this user password. */
  readonly userPassword?: string;
}

/**
 * Writes a small, valid PDF 1.4 file by hand (objects, uncompressed streams, a correct cross-reference table), so tests
 * need no PDF-writing dependency. With `userPassword` the content streams are really encrypted as the PDF reference
 * specifies (algorithms 1, 2, 3 and 4 of the standard security handler).
 */
export function buildPdf(fixture: PdfFixture): Uint8Array {
  const objects: Uint8Array[] = [];
  const add = (body: string | Uint8Array): number => {
    objects.push(typeof body === 'string' ? latin1(body) : body);
    return objects.length;
  };
  const reserve = (): number => add('');
  const set = (id: number, body: string | Uint8Array): void => {
    objects[id - 1] = typeof body === 'string' ? latin1(body) : body;
  };

  const fileId = createHash('md5').update(JSON.stringify(fixture)).digest();
  const security = fixture.userPassword === undefined ? null : standardSecurity(fixture.userPassword, fileId);
  const stream = (id: number, data: Uint8Array): Uint8Array => {
    const payload = security === null ? data : rc4(objectKey(security.key, id), data);
    return concat([latin1(`<< /Length ${payload.length} >>\nstream\n`), payload, latin1('\nendstream')]);
  };

  const catalog = reserve();
  const pagesId = reserve();
  const helvetica = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const pageIds: number[] = [];
  const addPage = (content: Uint8Array, fonts: string): void => {
    const contentId = reserve();
    set(contentId, stream(contentId, content));
    pageIds.push(
      add(
        `<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 595 842] /Resources << /Font << ${fonts} >> >> /Contents ${contentId} 0 R >>`,
      ),
    );
  };
  for (const lines of fixture.pages) {
    const shown = lines.map((line) => `(${escapePdfString(line)}) Tj T*`).join('\n');
    addPage(latin1(`BT /F1 12 Tf 16 TL 72 770 Td\n${shown}\nET`), `/F1 ${helvetica} 0 R`);
  }
  if (fixture.unicodeLines !== undefined) {
    const { fontId, hexLines } = addUnicodeFont(fixture.unicodeLines, add, reserve, set, stream);
    const shown = hexLines.map((hex) => `<${hex}> Tj T*`).join('\n');
    addPage(latin1(`BT /F2 12 Tf 16 TL 72 770 Td\n${shown}\nET`), `/F2 ${fontId} 0 R`);
  }
  if (fixture.predefinedCjkLines !== undefined) {
    const descendant = add(
      '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor ' +
        `${add('<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>')} 0 R /DW 1000 >>`,
    );
    const font = add(
      `<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light-UniGB-UCS2-H /Encoding /UniGB-UCS2-H /DescendantFonts [${descendant} 0 R] >>`,
    );
    // UCS-2 codes are the characters themselves, big-endian.
    const shown = fixture.predefinedCjkLines.map((line) => `<${Array.from(line, (char) => hex4(char.charCodeAt(0))).join('')}> Tj T*`);
    addPage(latin1(`BT /F3 12 Tf 16 TL 72 770 Td\n${shown.join('\n')}\nET`), `/F3 ${font} 0 R`);
  }
  set(catalog, `<< /Type /Catalog /Pages ${pagesId} 0 R >>`);
  set(pagesId, `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`);
  const encryptId =
    security === null
      ? null
      : add(`<< /Filter /Standard /V 1 /R 2 /Length 40 /O <${hex(security.o)}> /U <${hex(security.u)}> /P ${PERMISSIONS} >>`);

  const header = latin1('%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n');
  const parts: Uint8Array[] = [header];
  let offset = header.length;
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(offset);
    const chunk = concat([latin1(`${index + 1} 0 obj\n`), body, latin1('\nendobj\n')]);
    parts.push(chunk);
    offset += chunk.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n`, '0000000000 65535 f \n']
    .concat(offsets.map((at) => `${String(at).padStart(10, '0')} 00000 n \n`))
    .join('');
  const id = hex(fileId);
  const encrypt = encryptId === null ? '' : ` /Encrypt ${encryptId} 0 R`;
  parts.push(
    latin1(
      `${xref}trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R /ID [<${id}> <${id}>]${encrypt} >>\nstartxref\n${offset}\n%%EOF\n`,
    ),
  );
  return concat(parts);
}

/** A composite font whose CIDs are numbered in order of first use, with a ToUnicode map back to the characters. */
function addUnicodeFont(
  lines: readonly string[],
  add: (body: string) => number,
  reserve: () => number,
  set: (id: number, body: Uint8Array) => void,
  stream: (id: number, data: Uint8Array) => Uint8Array,
): { fontId: number; hexLines: string[] } {
  const cids = new Map<string, number>();
  const hexLines = lines.map((line) =>
    Array.from(line, (char) => {
      if ((char.codePointAt(0) ?? 0) > 0xffff) throw new Error('buildPdf: unicodeLines must stay in the BMP');
      let cid = cids.get(char);
      if (cid === undefined) {
        cid = cids.size + 1;
        cids.set(char, cid);
      }
      return hex4(cid);
    }).join(''),
  );
  const mappings = [...cids].map(([char, cid]) => `<${hex4(cid)}> <${hex4(char.charCodeAt(0))}>`);
  const blocks: string[] = [];
  for (let start = 0; start < mappings.length; start += 100) {
    const block = mappings.slice(start, start + 100);
    blocks.push(`${block.length} beginbfchar\n${block.join('\n')}\nendbfchar`);
  }
  const cmap = [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
  const toUnicode = reserve();
  set(toUnicode, stream(toUnicode, latin1(cmap)));
  const descriptor = add(
    '<< /Type /FontDescriptor /FontName /FixtureUnicode /Flags 32 /FontBBox [0 -200 1000 800] /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>',
  );
  const cidFont = add(
    `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /FixtureUnicode /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ${descriptor} 0 R /DW 1000 /CIDToGIDMap /Identity >>`,
  );
  const fontId = add(
    `<< /Type /Font /Subtype /Type0 /BaseFont /FixtureUnicode /Encoding /Identity-H /DescendantFonts [${cidFont} 0 R] /ToUnicode ${toUnicode} 0 R >>`,
  );
  return { fontId, hexLines };
}

/** Printing and copying allowed; the rest of the bits as revision 2 requires. */
const PERMISSIONS = -44;
const PASSWORD_PADDING = Uint8Array.from([
  0x28, 0xbf, 0x4e, 0x5e, 0x4e, 0x75, 0x8a, 0x41, 0x64, 0x00, 0x4e, 0x56, 0xff, 0xfa, 0x01, 0x08, 0x2e, 0x2e, 0x00, 0xb6,
  0xd0, 0x68, 0x3e, 0x80, 0x2f, 0x0c, 0xa9, 0xfe, 0x64, 0x53, 0x69, 0x7a,
]);

/** Algorithms 2, 3 and 4 (revision 2): the /O and /U entries and the file key, with the owner password = user's. */
function standardSecurity(userPassword: string, fileId: Uint8Array): { o: Uint8Array; u: Uint8Array; key: Uint8Array } {
  const padded = padPassword(userPassword);
  const ownerKey = createHash('md5').update(padded).digest().subarray(0, 5);
  const o = rc4(ownerKey, padded);
  const permissions = Buffer.alloc(4);
  permissions.writeInt32LE(PERMISSIONS);
  const key = createHash('md5').update(padded).update(o).update(permissions).update(fileId).digest().subarray(0, 5);
  return { o, u: rc4(key, PASSWORD_PADDING), key };
}

/** Algorithm 1: the per-object key (generation 0). */
function objectKey(fileKey: Uint8Array, objectNumber: number): Uint8Array {
  const suffix = Uint8Array.from([objectNumber & 0xff, (objectNumber >> 8) & 0xff, (objectNumber >> 16) & 0xff, 0, 0]);
  return createHash('md5').update(fileKey).update(suffix).digest().subarray(0, Math.min(fileKey.length + 5, 16));
}

function padPassword(password: string): Uint8Array {
  const bytes = latin1(password).subarray(0, 32);
  return concat([bytes, PASSWORD_PADDING.subarray(0, 32 - bytes.length)]);
}

/** RC4 by hand: OpenSSL 3 keeps it in the legacy provider, which Node does not load. */
function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  const s = Uint8Array.from({ length: 256 }, (_unused, index) => index);
  const at = (array: Uint8Array, index: number): number => array[index] ?? 0;
  const swap = (i: number, j: number): void => {
    const held = at(s, i);
    s[i] = at(s, j);
    s[j] = held;
  };
  let j = 0;
  for (let i = 0; i < 256; i += 1) {
    j = (j + at(s, i) + at(key, i % key.length)) & 0xff;
    swap(i, j);
  }
  const out = new Uint8Array(data.length);
  let i = 0;
  j = 0;
  for (let index = 0; index < data.length; index += 1) {
    i = (i + 1) & 0xff;
    j = (j + at(s, i)) & 0xff;
    swap(i, j);
    out[index] = at(data, index) ^ at(s, (at(s, i) + at(s, j)) & 0xff);
  }
  return out;
}

function escapePdfString(text: string): string {
  return text.replace(/[\\()]/g, (char) => `\\${char}`);
}

function latin1(text: string): Uint8Array {
  return Uint8Array.from(Buffer.from(text, 'latin1'));
}

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex').toUpperCase();
}

function hex4(value: number): string {
  return value.toString(16).toUpperCase().padStart(4, '0');
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  return Uint8Array.from(Buffer.concat(parts));
}
