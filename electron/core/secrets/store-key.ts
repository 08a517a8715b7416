import { randomBytes } from 'node:crypto';
import type { StoreKey } from '../ports';

const HEX_KEY = /^[0-9a-f]{64}$/;

/** A new random store key (32 bytes). */
export function generateStoreKey(source: string): StoreKey {
  return { hex: randomBytes(32).toString('hex'), source };
}

/**
 * Reads a key written as 64 hexadecimal characters (surrounding white space ignored, any case). Returns null for
 * anything else, so callers can say which file or variable is wrong without echoing its content.
 */
export function parseStoreKey(text: string, source: string): StoreKey | null {
  const hex = text.trim().toLowerCase();
  return HEX_KEY.test(hex) ? { hex, source } : null;
}
