import type { MethodName, MethodOutput, ParsedInput } from '../../../shared/api/contract';

/**
 * One handler per contract method. A handler receives input already parsed by the contract's schema and either
 * returns the output or throws `AppFailure` for an expected failure; the dispatcher turns both into a `Result`.
 * The client making the call, if any, is `currentCaller()` (./caller.ts).
 */
export type Handlers = {
  readonly [M in MethodName]: (input: ParsedInput<M>) => Promise<MethodOutput<M>> | MethodOutput<M>;
};
