import { describe, expect, it } from 'vitest';
import { contract, isMethodName, methodNames } from './contract';
import { methodsAllowedWhileLocked } from './lock';

describe('contract', () => {
  it('lists every method once, named domain.action or domain.group.action in lower camel case', () => {
    expect([...methodNames].sort()).toEqual(Object.keys(contract).sort());
    expect(new Set(methodNames).size).toBe(methodNames.length);
    expect(methodNames).toEqual(expect.arrayContaining(['app.info', 'app.ping']));
    for (const name of methodNames) expect(name).toMatch(/^[a-z]+(\.[a-z][a-zA-Z]*){1,2}$/);
  });

  it('recognises only its own method names, not inherited object keys', () => {
    expect(isMethodName('app.info')).toBe(true);
    expect(isMethodName('toString')).toBe(false);
    expect(isMethodName('__proto__')).toBe(false);
    expect(isMethodName('app.delete')).toBe(false);
    expect(isMethodName(7)).toBe(false);
  });

  it('gives every method a summary and an input schema that rejects unknown keys', () => {
    for (const name of methodNames) {
      const spec = contract[name];
      expect(spec.summary.length).toBeGreaterThan(5);
      expect(spec.input.safeParse({ surprise: true }).success).toBe(false);
    }
  });

  it('parses app.ping input: an optional echo of at most 200 characters', () => {
    const input = contract['app.ping'].input;
    expect(input.safeParse({}).success).toBe(true);
    expect(input.safeParse({ echo: 'bonjour' }).success).toBe(true);
    expect(input.safeParse({ echo: 'x'.repeat(201) }).success).toBe(false);
    expect(input.safeParse({ echo: 5 }).success).toBe(false);
  });

  it('marks exactly the methods carrying a passphrase as sensitive, and lets them through while locked', () => {
    expect(methodNames.filter((name) => contract[name].sensitive).sort()).toEqual(['app.setPassphrase', 'app.unlock', 'sync.configure', 'sync.once', 'sync.signIn']);
    expect([...methodsAllowedWhileLocked].sort()).toEqual(['app.info', 'app.lockState', 'app.ping', 'app.setPassphrase', 'app.unlock']);
  });

  it('parses passphrase inputs as strings of bounded length, in any content', () => {
    const unlock = contract['app.unlock'].input;
    expect(unlock.safeParse({ passphrase: ' spaces and émoji 🔐 ' }).success).toBe(true);
    expect(unlock.safeParse({ passphrase: 'x'.repeat(8193) }).success).toBe(false);
    expect(unlock.safeParse({}).success).toBe(false);
    const setup = contract['app.setPassphrase'].input;
    expect(setup.safeParse({ passphrase: 'a', confirmation: 'b' }).success).toBe(true);
    expect(setup.safeParse({ passphrase: 'a' }).success).toBe(false);
  });
});
