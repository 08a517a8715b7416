import type { MangoQuery, RxJsonSchema } from 'rxdb';

/** A contact-like document, close to what the app's directory will hold. */
export interface ContactDoc {
  id: string;
  givenName: string;
  familyName: string;
  country: string;
  organisation: string;
  title: string;
  email: string;
  phone: string;
  languages: string[];
  updatedAt: number;
  notes: string;
}

/** Schema with the indexes the first query needs: `country` then `familyName`, plus each alone. */
export const contactSchema: RxJsonSchema<ContactDoc> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 32 },
    givenName: { type: 'string' },
    familyName: { type: 'string', maxLength: 64 },
    country: { type: 'string', maxLength: 2 },
    organisation: { type: 'string' },
    title: { type: 'string' },
    email: { type: 'string' },
    phone: { type: 'string' },
    languages: { type: 'array', items: { type: 'string' } },
    updatedAt: { type: 'number', minimum: 0, maximum: 1e15, multipleOf: 1 },
    notes: { type: 'string' },
  },
  required: ['id', 'givenName', 'familyName', 'country', 'updatedAt'],
  indexes: ['familyName', 'country', ['country', 'familyName']],
};

/** The first query the app would run on the directory screen. */
export const firstQuery: MangoQuery<ContactDoc> = {
  selector: { country: 'DK' },
  sort: [{ familyName: 'asc' }],
  limit: 50,
};

const countries = ['DK', 'FR', 'DE', 'GB', 'US', 'CA', 'BR', 'AR', 'MX', 'ZA', 'NG', 'KE', 'EG', 'MA', 'GH', 'SN'];
const syllables = ['an', 'ber', 'cor', 'da', 'el', 'fin', 'gar', 'han', 'is', 'jo', 'ka', 'lem', 'mor', 'nu', 'ol'];
const organisations = ['Ministry of Foreign Affairs', 'Permanent Mission', 'National Focal Point', 'Embassy'];

/** Deterministic PRNG (mulberry32) so every run builds the same store. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` contacts, the same ones for the same `seed`. DK holds about 1/16 of them. */
export function makeContacts(count: number, seed = 42): ContactDoc[] {
  const next = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const word = (parts: number): string => {
    let out = '';
    for (let i = 0; i < parts; i += 1) out += pick(syllables);
    return out.charAt(0).toUpperCase() + out.slice(1);
  };
  const docs: ContactDoc[] = [];
  for (let i = 0; i < count; i += 1) {
    const givenName = word(2);
    const familyName = word(3);
    docs.push({
      id: `c-${i.toString(36).padStart(8, '0')}`,
      givenName,
      familyName,
      country: pick(countries),
      organisation: pick(organisations),
      title: pick(['Ambassador', 'Counsellor', 'First Secretary', 'Director', 'Adviser']),
      email: `${givenName}.${familyName}@example.org`.toLowerCase(),
      phone: `+45 ${Math.floor(next() * 1e8)}`,
      languages: next() < 0.5 ? ['en'] : ['en', 'fr'],
      updatedAt: 1_700_000_000_000 + Math.floor(next() * 1e10),
      notes: `${word(4)} ${word(3)} ${word(5)} `.repeat(4),
    });
  }
  return docs;
}
