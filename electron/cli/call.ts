import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract';
import type { Core } from '../core/app';
import { CliFailure } from './cli-io';

/**
 * Calls a contract method through the core's dispatcher — the same path IPC and the host take, so the CLI tests the
 * contract for real. A failed Result becomes a CliFailure carrying the core's human message.
 */
export async function call<M extends MethodName>(core: Core, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await core.dispatch(method, input);
  if (!result.ok) {
    const detail = result.error.issues?.map((issue) => ` ${issue.path}: ${issue.message}.`).join('') ?? '';
    throw new CliFailure(`${result.error.message}${detail}`);
  }
  // The dispatcher ran this method's handler, whose output type is MethodOutput<M>.
  return result.value as MethodOutput<M>;
}
