/**
 * Thrown when sealed bytes cannot be opened: they were damaged, cut short, extended, reordered, written in an unknown
 * format, or sealed with another key. AES-GCM cannot tell those apart, so neither can this error; the message is
 * technical (for the log) and callers turn it into an `AppFailure` naming the file or index it came from.
 */
export class SealedDataError extends Error {
  override readonly name: string = 'SealedDataError';
}
