import { isExpectedStartupError } from '../core/startup-errors';
import { PortUnavailableError } from './listen-loopback';
import { RendererMissingError } from './renderer-build';

/**
 * One line for a person, for any error that stops the host from starting. Expected failures already carry a message
 * saying what to do (the lock's names its holder); anything else is summarised, its stack going to the log only.
 */
export function describeStartupError(error: unknown): { readonly line: string; readonly expected: boolean } {
  if (isExpectedStartupError(error) || error instanceof PortUnavailableError || error instanceof RendererMissingError) {
    return { line: oneLine(error.message), expected: true };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { line: `The Focal Desk host could not start: ${oneLine(message)}`, expected: false };
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
