import type { z } from 'zod';
import { appMethods } from './app';
import type { MethodSpec } from './define-method';
import { directoryMethods } from './directory';
import { documentMethods } from './documents';
import { lockMethods } from './lock';
import { meetingMethods } from './meetings';
import { syncMethods } from './sync';
import type { MethodNameList } from './method-names';

/**
 * The single source of truth for what the renderer may ask of the core. Each domain declares its methods in its own
 * file (`app.ts`, `lock.ts`, later `directory.ts`, …) and they are merged here; a new method's name also goes into
 * method-names.ts (the compiler checks the two agree). Main-side handlers, the preload bridge and the
 * host socket are all typed from this object, so a method added here is a compile error everywhere it is missing.
 */
export const contract = {
  ...appMethods,
  ...lockMethods,
  ...directoryMethods,
  ...documentMethods,
  ...meetingMethods,
  ...syncMethods,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;

/** What a caller sends. */
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler receives: the input after parsing (defaults applied, strings trimmed…). */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
/** What a successful call returns. */
export type MethodOutput<M extends MethodName> = Contract[M] extends MethodSpec<z.ZodType, infer Output> ? Output : never;

export { methodNames } from './method-names';

/** Compile-time proof that method-names.ts lists exactly the contract's methods, no more and no fewer. */
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const methodNamesMatchContract: SameKeys<MethodName, MethodNameList> = true;

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && Object.hasOwn(contract, value);
}
