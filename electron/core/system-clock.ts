import type { Clock } from './ports';

/** The real clock. Timers are unref'd so a forgotten one never keeps a CLI process alive. */
export const systemClock: Clock = {
  now: () => new Date(),
  every(ms, callback) {
    const timer = setInterval(callback, ms);
    timer.unref();
    return () => {
      clearInterval(timer);
    };
  },
};
