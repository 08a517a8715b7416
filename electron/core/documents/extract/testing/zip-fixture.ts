import { createDeflateRaw } from 'node:zlib';

/** One entry of a hand-made ZIP; `declaredSize` lets a test lie about the inflated size, as a zip bomb may. */
export interface ZipFixtureEntry {
  readonly name: string;
  /** Raw-deflated data (method 8). */
  readonly deflated: Uint8Array;
  readonly declaredSize: number;
  /** Writes the sizes as ZIP64 (0xFFFFFFFF in the header, the real values in a ZIP64 extra field). */
  readonly zip64?: boolean;
}

/**
 * Writes a ZIP archive by hand so tests can forge what libraries refuse to write (false sizes, ZIP64 for small
 * entries). CRCs are zero: these archives exist to be refused or listed, never extracted by a checking reader.
 */
export function buildZip(entries: readonly ZipFixtureEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const zip64 = entry.zip64 === true;
    const extra = zip64 ? zip64Extra(entry.declaredSize, entry.deflated.length) : Buffer.alloc(0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(zip64 ? 45 : 20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(zip64 ? 0xffffffff : entry.deflated.length, 18);
    local.writeUInt32LE(zip64 ? 0xffffffff : entry.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(extra.length, 28);
    locals.push(local, name, extra, Buffer.from(entry.deflated));

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(zip64 ? 45 : 20, 4);
    central.writeUInt16LE(zip64 ? 45 : 20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(zip64 ? 0xffffffff : entry.deflated.length, 20);
    central.writeUInt32LE(zip64 ? 0xffffffff : entry.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name, extra);
    offset += local.length + name.length + extra.length + entry.deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Uint8Array.from(Buffer.concat([...locals, directory, end]));
}

function zip64Extra(uncompressed: number, compressed: number): Buffer {
  const extra = Buffer.alloc(20);
  extra.writeUInt16LE(0x0001, 0);
  extra.writeUInt16LE(16, 2);
  extra.writeBigUInt64LE(BigInt(uncompressed), 4);
  extra.writeBigUInt64LE(BigInt(compressed), 12);
  return extra;
}

/**
 * Raw-deflates `size` zero bytes, feeding 1 MiB at a time, so a 300 MiB bomb costs ~300 KiB of memory, not 300 MiB.
 */
export async function deflateZeros(size: number): Promise<Uint8Array> {
  const deflate = createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  const block = Buffer.alloc(1024 * 1024);
  for (let written = 0; written < size; written += block.length) {
    const piece = size - written < block.length ? block.subarray(0, size - written) : block;
    if (!deflate.write(piece)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await finished;
  return Uint8Array.from(Buffer.concat(chunks));
}
