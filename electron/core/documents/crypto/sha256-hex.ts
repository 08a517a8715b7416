const SHA256_HEX = /^[0-9a-f]{64}$/;

/** True for a SHA-256 digest written as 64 lower-case hexadecimal characters: the only text ever used to name a blob. */
export function isSha256Hex(value: string): boolean {
  return SHA256_HEX.test(value);
}
