/**
 * Runs tasks one after another. Every write of the directory goes through one queue, so a check made before a write
 * (a duplicate e-mail, an import plan compared with the data) still holds when the write happens.
 */
export interface SerialQueue {
  run<T>(task: () => Promise<T>): Promise<T>;
}

export function createSerialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run(task) {
      const result = tail.then(task);
      tail = result.catch(() => undefined);
      return result;
    },
  };
}
