/** One file inside a ZIP archive, as its central directory declares it. Nothing here has been inflated. */
export interface ZipEntry {
  readonly name: string;
  /** 0 = stored, 8 = deflate; anything else is a method Focal Desk does not read. */
  readonly method: number;
  readonly encrypted: boolean;
  readonly compressedSize: number;
  /** What the archive claims the entry inflates to; a zip bomb may lie, so readers must still cap the real size. */
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
}

/** The bytes are not a readable ZIP archive; `message` says what is wrong, for the log. */
export class ZipFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipFormatError';
  }
}

const EOCD_SIGNATURE = 0x06054b50;
const EOCD_SIZE = 22;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_HEADER_SIGNATURE = 0x02014b50;
const CENTRAL_HEADER_SIZE = 46;
const LOCAL_HEADER_SIGNATURE = 0x04034b50;
const LOCAL_HEADER_SIZE = 30;
const ZIP64_EXTRA_ID = 0x0001;
const MAX_COMMENT = 0xffff;
/** More entries than any real Word document has; past it the archive is refused before its names are read. */
export const MAX_ZIP_ENTRIES = 50_000;

/**
 * Lists the entries of a ZIP archive from its central directory (ZIP64 included), without inflating anything: cost is
 * proportional to the directory, whatever the entries claim to hold.
 * @throws ZipFormatError when there is no end-of-central-directory record, the directory lies outside the bytes, it
 * spans several disks, or it has more than MAX_ZIP_ENTRIES entries.
 */
export function readZipDirectory(bytes: Uint8Array): readonly ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  let entryCount = view.getUint16(eocd + 10, true);
  let directorySize = view.getUint32(eocd + 12, true);
  let directoryOffset = view.getUint32(eocd + 16, true);
  if (view.getUint16(eocd + 4, true) !== 0 || view.getUint16(eocd + 6, true) !== 0) {
    throw new ZipFormatError('the archive spans several disks');
  }
  if (entryCount === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    const zip64 = readZip64End(view, eocd);
    entryCount = zip64.entryCount;
    directorySize = zip64.directorySize;
    directoryOffset = zip64.directoryOffset;
  }
  if (entryCount > MAX_ZIP_ENTRIES) throw new ZipFormatError(`the archive declares ${entryCount} entries`);
  if (directoryOffset + directorySize > bytes.length) throw new ZipFormatError('the central directory lies outside the file');

  const names = new TextDecoder('utf-8', { fatal: false });
  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let index = 0; index < entryCount; index += 1) {
    if (at + CENTRAL_HEADER_SIZE > bytes.length || view.getUint32(at, true) !== CENTRAL_HEADER_SIGNATURE) {
      throw new ZipFormatError(`central directory entry ${index + 1} is damaged`);
    }
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const end = at + CENTRAL_HEADER_SIZE + nameLength + extraLength + commentLength;
    if (end > bytes.length) throw new ZipFormatError(`central directory entry ${index + 1} runs past the end of the file`);
    const sizes = {
      uncompressedSize: view.getUint32(at + 24, true),
      compressedSize: view.getUint32(at + 20, true),
      localHeaderOffset: view.getUint32(at + 42, true),
    };
    const extraStart = at + CENTRAL_HEADER_SIZE + nameLength;
    applyZip64Extra(view, extraStart, extraStart + extraLength, sizes);
    entries.push({
      name: names.decode(bytes.subarray(at + CENTRAL_HEADER_SIZE, at + CENTRAL_HEADER_SIZE + nameLength)),
      method: view.getUint16(at + 10, true),
      encrypted: (view.getUint16(at + 8, true) & 0x1) !== 0,
      ...sizes,
    });
    at = end;
  }
  return entries;
}

/**
 * The compressed bytes of `entry` (a view, not a copy), found through its local header.
 * @throws ZipFormatError when the local header is missing or the data runs past the end of the file.
 */
export function zipEntryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + LOCAL_HEADER_SIZE > bytes.length || view.getUint32(at, true) !== LOCAL_HEADER_SIGNATURE) {
    throw new ZipFormatError(`the local header of ${entry.name} is missing`);
  }
  const start = at + LOCAL_HEADER_SIZE + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new ZipFormatError(`the data of ${entry.name} runs past the end of the file`);
  return bytes.subarray(start, end);
}

function findEndOfCentralDirectory(view: DataView): number {
  const lowest = Math.max(0, view.byteLength - EOCD_SIZE - MAX_COMMENT);
  for (let at = view.byteLength - EOCD_SIZE; at >= lowest; at -= 1) {
    if (view.getUint32(at, true) === EOCD_SIGNATURE && at + EOCD_SIZE + view.getUint16(at + 20, true) <= view.byteLength) {
      return at;
    }
  }
  throw new ZipFormatError('no end-of-central-directory record (the archive is truncated or not a ZIP file)');
}

function readZip64End(view: DataView, eocd: number): { entryCount: number; directorySize: number; directoryOffset: number } {
  const locator = eocd - 20;
  if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR_SIGNATURE) {
    throw new ZipFormatError('the ZIP64 locator is missing');
  }
  const record = safeNumber(view.getBigUint64(locator + 8, true));
  if (record + 56 > view.byteLength || view.getUint32(record, true) !== ZIP64_EOCD_SIGNATURE) {
    throw new ZipFormatError('the ZIP64 end record is missing');
  }
  return {
    entryCount: safeNumber(view.getBigUint64(record + 32, true)),
    directorySize: safeNumber(view.getBigUint64(record + 40, true)),
    directoryOffset: safeNumber(view.getBigUint64(record + 48, true)),
  };
}

/** Replaces 32-bit sizes marked 0xFFFFFFFF by the 64-bit values of the ZIP64 extra field, in the order the format fixes. */
function applyZip64Extra(
  view: DataView,
  start: number,
  end: number,
  sizes: { uncompressedSize: number; compressedSize: number; localHeaderOffset: number },
): void {
  const needed = (['uncompressedSize', 'compressedSize', 'localHeaderOffset'] as const).filter(
    (key) => sizes[key] === 0xffffffff,
  );
  if (needed.length === 0) return;
  let at = start;
  while (at + 4 <= end) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === ZIP64_EXTRA_ID) {
      if (size < needed.length * 8 || at + 4 + size > end) throw new ZipFormatError('a ZIP64 extra field is too short');
      needed.forEach((key, index) => {
        sizes[key] = safeNumber(view.getBigUint64(at + 4 + index * 8, true));
      });
      return;
    }
    at += 4 + size;
  }
  throw new ZipFormatError('an entry larger than 4 GiB has no ZIP64 sizes');
}

function safeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipFormatError('a ZIP64 size is out of range');
  return Number(value);
}
