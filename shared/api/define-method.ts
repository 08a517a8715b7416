import type { z } from 'zod';

/**
 * One contract method: the schema its input must pass (parsed in main before any service sees it) and the type of
 * its output. `output` is a phantom: it exists only in the type system, so outputs cost nothing at run time.
 */
export interface MethodSpec<Input extends z.ZodType, Output> {
  readonly input: Input;
  readonly summary: string;
  /**
   * The input carries a secret (a passphrase): no shell may log it, echo it or keep it, and the dispatcher redacts it
   * from anything it logs about the call.
   */
  readonly sensitive: boolean;
  readonly output?: Output;
}

export interface MethodOptions {
  /** See `MethodSpec.sensitive`. */
  readonly sensitive?: boolean;
}

/** `defineMethod<Output>()(inputSchema, summary)` — curried so the output type is given and the input inferred. */
export function defineMethod<Output>() {
  return <Input extends z.ZodType>(input: Input, summary: string, options: MethodOptions = {}): MethodSpec<Input, Output> => ({
    input,
    summary,
    sensitive: options.sensitive ?? false,
  });
}
