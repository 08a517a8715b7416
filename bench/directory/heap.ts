import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A full garbage collection, so that heapUsed measures what is still reachable. Node exposes `gc` only with
 * --expose-gc; setting the flag at run time and reading `gc` from a fresh context is the documented way around that
 * (V8 installs it in contexts created after the flag is set). Null when the runtime refuses.
 */
function obtainGc(): (() => void) | null {
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    return typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    return null;
  }
}

const gc = obtainGc();

/** Whether heap figures follow a full collection (else they include garbage and are upper bounds). */
export const heapIsCollected = gc !== null;

/** process.memoryUsage().heapUsed after a full collection (twice: weak references and finalisers settle). */
export function settledHeapUsed(): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed;
}
