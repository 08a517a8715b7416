import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkPassphrase, normalizePassphrase } from '../../../shared/domain/passphrase-policy';
import { AppFailure } from '../app-failure';
import type { StoreKey } from '../ports';
import { passphraseFieldIssues } from './passphrase-issues';
import { generateStoreKey } from './store-key';
import { writePrivateFileAtomically } from './write-private-file';

/**
 * The store key of a passphrase-protected data directory: the random 32-byte store key, wrapped (AES-256-GCM) with a
 * key derived from the passphrase by scrypt. The file is useless without the passphrase, and the passphrase useless
 * without the file; neither can be recovered from the other. Format, version 1 (JSON, binary fields in base64):
 *
 *   { format: 'focal-desk-passphrase-key', version: 1,
 *     kdf: { name: 'scrypt', N, r, p, salt }, cipher: 'aes-256-gcm', iv, tag, wrappedKey }
 */
export const PASSPHRASE_KEY_FILE_NAME = 'store-key.passphrase.json';

/** scrypt's cost: 2^17 × 8 × 128 bytes = 128 MiB and about half a second per guess on a laptop, by design. */
export const DEFAULT_SCRYPT_N = 2 ** 17;
const SCRYPT_R = 8;
const SCRYPT_P = 1;
/** Files naming a costlier derivation are refused as damaged, so a tampered file cannot exhaust memory. */
const MAX_SCRYPT_MEMORY = 1024 * 1024 * 1024;

const FORMAT = 'focal-desk-passphrase-key';
const VERSION = 1;
const CIPHER = 'aes-256-gcm';
const SALT_BYTES = 16;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
/** Binds the ciphertext to this format, so a wrapped key cannot be replayed in another context. */
const ASSOCIATED_DATA = Buffer.from(`${FORMAT}/${VERSION}/${CIPHER}`, 'utf8');

export interface PassphraseKeyFileOptions {
  /**
   * scrypt's N (a power of two). For tests only, where 2^17 would cost seconds per case; production passes nothing.
   * The value is written into the file, so unlocking always uses the cost the file was made with.
   */
  readonly scryptN?: number;
}

interface ScryptCost {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

/** The JSON written to disk. */
interface PassphraseKeyFileJson {
  readonly format: typeof FORMAT;
  readonly version: typeof VERSION;
  readonly kdf: { readonly name: 'scrypt'; readonly N: number; readonly r: number; readonly p: number; readonly salt: string };
  readonly cipher: typeof CIPHER;
  readonly iv: string;
  readonly tag: string;
  readonly wrappedKey: string;
}

/** The file, read and checked. */
interface ParsedKeyFile {
  readonly cost: ScryptCost;
  readonly salt: Buffer;
  readonly iv: Buffer;
  readonly tag: Buffer;
  readonly wrappedKey: Buffer;
}

/** Where a data directory keeps its passphrase-wrapped key. */
export function passphraseKeyFilePath(dataDir: string): string {
  return join(dataDir, PASSPHRASE_KEY_FILE_NAME);
}

/**
 * Creates a new random store key, writes it to `path` wrapped by `passphrase`, and returns it. The passphrase must
 * follow shared/domain/passphrase-policy.ts (`invalid-input` with a field issue otherwise). An existing file is never
 * replaced (`conflict`): it may be the only way into an existing store.
 */
export async function createPassphraseKeyFile(
  path: string,
  passphrase: string,
  options: PassphraseKeyFileOptions = {},
): Promise<StoreKey> {
  const problem = checkPassphrase(passphrase);
  if (problem !== null) {
    throw new AppFailure('invalid-input', 'Choose another passphrase.', passphraseFieldIssues([{ field: 'passphrase', code: problem }]));
  }
  if (existsSync(path)) {
    throw new AppFailure('conflict', `A passphrase already protects this store (${path}); it is never replaced.`);
  }
  const cost: ScryptCost = { N: options.scryptN ?? DEFAULT_SCRYPT_N, r: SCRYPT_R, p: SCRYPT_P };
  if (!isAcceptableCost(cost)) throw new Error(`scrypt N must be a power of two from 2 to 2^20, not ${String(options.scryptN)}.`);

  const key = generateStoreKey(sourceOf(path));
  const salt = randomBytes(SALT_BYTES);
  const iv = randomBytes(IV_BYTES);
  const wrappingKey = await deriveWrappingKey(passphrase, salt, cost);
  const plain = Buffer.from(key.hex, 'hex');
  let wrappedKey: Buffer;
  let tag: Buffer;
  try {
    const cipher = createCipheriv(CIPHER, wrappingKey, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(ASSOCIATED_DATA);
    wrappedKey = Buffer.concat([cipher.update(plain), cipher.final()]);
    tag = cipher.getAuthTag();
  } finally {
    wrappingKey.fill(0);
    plain.fill(0);
  }
  const file: PassphraseKeyFileJson = {
    format: FORMAT,
    version: VERSION,
    kdf: { name: 'scrypt', ...cost, salt: salt.toString('base64') },
    cipher: CIPHER,
    iv: iv.toString('base64'),
    tag: tag.toString('base64'),
    wrappedKey: wrappedKey.toString('base64'),
  };
  writePrivateFileAtomically(path, `${JSON.stringify(file, null, 2)}\n`);
  return key;
}

/**
 * The store key wrapped in `path`. Throws `AppFailure`: `wrong-passphrase` when the passphrase does not unwrap it,
 * `unavailable` naming the file when it is missing, unreadable, damaged, foreign or from a newer Focal Desk.
 */
export async function unlockPassphraseKeyFile(path: string, passphrase: string): Promise<StoreKey> {
  const file = readKeyFile(path);
  const wrappingKey = await deriveWrappingKey(passphrase, file.salt, file.cost);
  let plain: Buffer;
  try {
    const decipher = createDecipheriv(CIPHER, wrappingKey, file.iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(ASSOCIATED_DATA);
    decipher.setAuthTag(file.tag);
    plain = Buffer.concat([decipher.update(file.wrappedKey), decipher.final()]);
  } catch {
    // GCM cannot tell a wrong passphrase from a flipped bit in the ciphertext; the former is by far the likelier.
    throw new AppFailure('wrong-passphrase', 'That passphrase does not unlock this store.');
  } finally {
    wrappingKey.fill(0);
  }
  const hex = plain.toString('hex');
  plain.fill(0);
  return { hex, source: sourceOf(path) };
}

function sourceOf(path: string): string {
  return `the passphrase key file ${path}`;
}

function deriveWrappingKey(passphrase: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  const secret = Buffer.from(normalizePassphrase(passphrase), 'utf8');
  return new Promise<Buffer>((resolve, reject) => {
    // Node refuses to use more than `maxmem`; scrypt needs 128·N·r bytes plus a little, so allow twice that.
    scrypt(secret, salt, KEY_BYTES, { ...cost, maxmem: 2 * scryptMemory(cost) }, (error, derived) => {
      secret.fill(0);
      if (error === null) resolve(derived);
      else reject(error);
    });
  });
}

function scryptMemory(cost: ScryptCost): number {
  return 128 * cost.N * cost.r * cost.p;
}

/** Whole numbers, N a power of two, and a memory cost this machine can be asked for. */
function isAcceptableCost(cost: { readonly N: unknown; readonly r: unknown; readonly p: unknown }): cost is ScryptCost {
  const { N, r, p } = cost;
  if (!isPositiveInteger(N) || !isPositiveInteger(r) || !isPositiveInteger(p)) return false;
  const powerOfTwo = N >= 2 && N <= 2 ** 20 && (N & (N - 1)) === 0;
  return powerOfTwo && r <= 32 && p <= 16 && scryptMemory({ N, r, p }) <= MAX_SCRYPT_MEMORY;
}

function isPositiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 1;
}

function readKeyFile(path: string): ParsedKeyFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error: unknown) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new AppFailure('unavailable', `The passphrase key file ${path} cannot be read (${code}).`);
  }
  const damaged = (): AppFailure =>
    new AppFailure(
      'unavailable',
      `The passphrase key file ${path} is damaged or was not written by Focal Desk; the store cannot be unlocked without it.`,
    );
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw damaged();
  }
  if (!isRecord(value) || value.format !== FORMAT) throw damaged();
  if (typeof value.version === 'number' && value.version > VERSION) {
    throw new AppFailure(
      'unavailable',
      `The passphrase key file ${path} was written by a newer version of Focal Desk. Update Focal Desk to open this store.`,
    );
  }
  const kdf = value.kdf;
  if (value.version !== VERSION || value.cipher !== CIPHER || !isRecord(kdf) || kdf.name !== 'scrypt') throw damaged();
  const cost = { N: kdf.N, r: kdf.r, p: kdf.p };
  const salt = base64Field(kdf.salt);
  const iv = base64Field(value.iv);
  const tag = base64Field(value.tag);
  const wrappedKey = base64Field(value.wrappedKey);
  if (
    !isAcceptableCost(cost) ||
    salt === null ||
    salt.length < SALT_BYTES ||
    iv?.length !== IV_BYTES ||
    tag?.length !== TAG_BYTES ||
    wrappedKey?.length !== KEY_BYTES
  ) {
    throw damaged();
  }
  return { cost, salt, iv, tag, wrappedKey };
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Strict base64 (Buffer.from alone skips any character it does not know). */
function base64Field(value: unknown): Buffer | null {
  if (typeof value !== 'string' || value === '' || !BASE64.test(value)) return null;
  return Buffer.from(value, 'base64');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
