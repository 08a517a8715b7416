import type { Logger } from '../../ports';

/** What is known about the server and gzip-encoded request bodies. */
export type CompressionSupport = 'unknown' | 'yes' | 'no';

/**
 * Asks the server once whether it takes `Content-Encoding: gzip` request bodies, by sending a tiny gzip body to a
 * database of the request that wants it. Answers `unknown` when the answer says nothing about gzip (401, 404, 5xx, no
 * answer). Never rejects.
 */
export type CompressionProbe = (database: string) => Promise<CompressionSupport>;

/** Decides, once per server, whether request bodies go gzip-compressed. */
export interface RequestCompression {
  readonly support: CompressionSupport;
  /**
   * Whether a body for `database` may be sent compressed. The first call probes (callers arriving meanwhile share
   * the same probe); undefined `database` (e.g. `_session`) cannot be probed and answers false until a probe succeeded.
   */
  accepts(database: string | undefined): Promise<boolean>;
  /** A compressed request was refused (400/415) and the same one in plain went through: plain from now on. */
  refuse(request: string): void;
}

/** After this many inconclusive probes the server is treated as not accepting gzip bodies. */
export const MAX_INCONCLUSIVE_PROBES = 3;

export function createRequestCompression(probe: CompressionProbe, logger?: Logger): RequestCompression {
  let support: CompressionSupport = 'unknown';
  let inconclusive = 0;
  let running: Promise<void> | undefined;
  // Read through a function: the probe changes `support` while `accepts` awaits it.
  const decided = () => support;

  const decide = (outcome: CompressionSupport, why: string) => {
    support = outcome;
    logger?.log('info', `sync http: request bodies ${outcome === 'yes' ? 'go gzip-compressed' : 'go uncompressed'}`, { why });
  };

  return {
    get support() {
      return support;
    },
    async accepts(database) {
      if (support !== 'unknown') return support === 'yes';
      if (database === undefined) return false;
      running ??= (async () => {
        const outcome = await probe(database);
        if (outcome !== 'unknown') decide(outcome, `probe on ${database}`);
        else {
          inconclusive += 1;
          if (inconclusive >= MAX_INCONCLUSIVE_PROBES) decide('no', `${inconclusive} probes without a clear answer`);
        }
      })().finally(() => {
        running = undefined;
      });
      await running;
      return decided() === 'yes';
    },
    refuse(request) {
      if (support !== 'no') decide('no', `${request} was refused compressed and accepted plain`);
    },
  };
}
