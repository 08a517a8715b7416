import { describe, expect, it } from 'vitest';
import { GENERATED_KINDS, GENERATED_LANGUAGES, GENERATED_PILLARS, generateDocuments, generatedQueries } from './generate-documents';

describe('generated documents', () => {
  it('are the same for the same seed and differ for another', () => {
    const first = generateDocuments({ count: 20, seed: 3 });
    expect(generateDocuments({ count: 20, seed: 3 })).toEqual(first);
    expect(generateDocuments({ count: 20, seed: 4 })).not.toEqual(first);
  });

  it('spread over sizes, kinds, pillars, languages and years, with accents', () => {
    const documents = generateDocuments({ count: 300 });
    for (const document of documents) {
      expect(document.text.length).toBeGreaterThanOrEqual(2_000);
      expect(document.text.length).toBeLessThanOrEqual(52_000);
    }
    expect(Math.max(...documents.map((document) => document.text.length))).toBeGreaterThan(25_000);
    expect(new Set(documents.map((document) => document.kind))).toEqual(new Set(GENERATED_KINDS));
    expect(new Set(documents.flatMap((document) => document.pillars))).toEqual(new Set(GENERATED_PILLARS));
    expect(new Set(documents.map((document) => document.language))).toEqual(new Set(GENERATED_LANGUAGES));
    expect(new Set(documents.map((document) => document.year)).size).toBeGreaterThan(15);
    expect(documents.some((document) => document.text.includes('prévention'))).toBe(true);
    expect(documents.some((document) => document.text.includes('community of commitment'))).toBe(true);
    expect(new Set(documents.map((document) => document.id)).size).toBe(300);
  });

  it('come with queries of every kind the benchmark measures', () => {
    const queries = generatedQueries();
    expect(queries.some((query) => query.query.text.startsWith('"'))).toBe(true);
    expect(queries.some((query) => query.query.filters !== undefined && query.query.text !== '')).toBe(true);
    expect(queries.some((query) => query.query.text === '')).toBe(true);
    expect(new Set(queries.map((query) => query.label)).size).toBe(queries.length);
  });
});
