import { contract, isMethodName, type MethodName } from '../../../shared/api/contract';
import { fieldIssueOf } from '../../../shared/api/field-issue';
import { fail, ok, type FieldIssue, type Result } from '../../../shared/api/result';
import { AppFailure } from '../app-failure';
import type { Logger } from '../ports';
import { runAsCaller, type CallerContext } from './caller';
import type { Handlers } from './handlers';
import { redactSecrets, secretsIn } from './redact';

/**
 * Calls one contract method with untrusted input. Never throws: every outcome is a `Result`. `caller` names the
 * long-lived client making the call (a window's page, a host socket), which handlers read with `currentCaller()`;
 * the CLI passes none.
 */
export type Dispatch = (method: unknown, input: unknown, caller?: CallerContext) => Promise<Result<unknown>>;

/**
 * The single entry point every shell uses (IPC, host socket, CLI). It is here, in the core, that every input from
 * the renderer is parsed against the contract before a service sees it. Inputs are never logged; for a `sensitive`
 * method (a passphrase) even an unexpected error's text is scrubbed of the input's values before it is logged.
 */
export function createDispatch(handlers: Handlers, logger: Logger): Dispatch {
  return async (method, input, caller) => {
    if (!isMethodName(method)) {
      logger.log('warn', 'Rejected a call to an unknown method', { method: String(method).slice(0, 80) });
      return fail('unknown-method', 'This version of Focal Desk does not offer that action.');
    }
    const parsed = contract[method].input.safeParse(input ?? {});
    if (!parsed.success) {
      // Zod's messages name the expected type and bounds, never the value received.
      const issues: FieldIssue[] = parsed.error.issues.map(fieldIssueOf);
      return fail('invalid-input', 'Some of the information given is not valid.', issues);
    }
    try {
      return ok(await runAsCaller(caller, () => callHandler(handlers, method, parsed.data)));
    } catch (error: unknown) {
      if (error instanceof AppFailure) return fail(error.code, error.message, error.issues, error.extras);
      const detail = describe(error);
      const logged = contract[method].sensitive ? redactSecrets(detail, secretsIn(parsed.data)) : detail;
      logger.log('error', 'A request failed unexpectedly', { method, error: logged });
      return fail('internal', 'Something went wrong. The details are in the log.');
    }
  };
}

function callHandler(handlers: Handlers, method: MethodName, input: unknown): unknown {
  // `input` was produced by this very method's schema, so it has the handler's parameter type.
  const handler = handlers[method] as (input: unknown) => unknown;
  return handler(input);
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error);
}
