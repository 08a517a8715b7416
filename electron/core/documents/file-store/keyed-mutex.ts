/**
 * Runs async sections one at a time per key, in call order, while sections for different keys run freely. The file
 * store takes it per blob name so that publishing, checking and removing one blob never interleave.
 */
export interface KeyedMutex {
  run<T>(key: string, section: () => Promise<T>): Promise<T>;
}

export function createKeyedMutex(): KeyedMutex {
  const tails = new Map<string, Promise<void>>();
  return {
    async run(key, section) {
      const previous = tails.get(key) ?? Promise.resolve();
      let release = (): void => undefined;
      const done = new Promise<void>((resolve) => {
        release = resolve;
      });
      const tail = previous.then(() => done);
      tails.set(key, tail);
      await previous;
      try {
        return await section();
      } finally {
        release();
        // The map only keeps keys with a section waiting or running, so it does not grow with every blob ever seen.
        if (tails.get(key) === tail) tails.delete(key);
      }
    },
  };
}
