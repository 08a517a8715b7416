import { describe, expect, it } from 'vitest';
import { canonicalJson, sameContent, sameJson } from './json-values';

describe('sameJson', () => {
  it('compares nested values deeply, ignoring key order and undefined properties', () => {
    expect(sameJson({ a: 1, b: { c: [1, { d: 'x' }] } }, { b: { c: [1, { d: 'x' }] }, a: 1 })).toBe(true);
    expect(sameJson({ a: 1, gone: undefined }, { a: 1 })).toBe(true);
  });

  it('sees any difference, including array order, null against absent and arrays against objects', () => {
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson({ a: null }, {})).toBe(false);
    expect(sameJson({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameJson([], {})).toBe(false);
    expect(sameJson({ 0: 'x' }, ['x'])).toBe(false);
    expect(sameJson('1', 1)).toBe(false);
  });
});

describe('sameContent', () => {
  it('leaves the skipped keys out of both sides', () => {
    const skip = new Set(['_rev']);

    expect(sameContent({ a: 1, _rev: '1-x' }, { a: 1 }, skip)).toBe(true);
    expect(sameContent({ a: 1 }, { a: 1, _rev: '2-y' }, skip)).toBe(true);
    expect(sameContent({ a: 1 }, { a: 2, _rev: '2-y' }, skip)).toBe(false);
  });
});

describe('canonicalJson', () => {
  it('gives equal values the same text and different values different texts', () => {
    expect(canonicalJson({ b: [1, { y: 1, x: 2 }], a: 'é' })).toBe(canonicalJson({ a: 'é', b: [1, { x: 2, y: 1 }] }));
    expect(canonicalJson({ b: [1, { y: 1, x: 2 }], a: 'é' })).toBe('{"a":"é","b":[1,{"x":2,"y":1}]}');
    expect(canonicalJson({ a: undefined })).toBe('{}');
    expect(canonicalJson(undefined)).not.toBe(canonicalJson(null));
  });
});
