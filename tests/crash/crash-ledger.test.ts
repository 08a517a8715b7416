import { describe, expect, it } from 'vitest';
import { CrashLedger } from './crash-ledger';
import { docIdsOf, formatEvent, parseEvent, type CrashDoc, type WriterEvent } from './crash-protocol';

// The crash test is only as good as its checker: these cases show it catches each broken promise it claims to.
const docs = (batchId: string, size: number, version = 0, count = size): CrashDoc[] =>
  docIdsOf(batchId, size)
    .slice(0, count)
    .map((id, index) => ({ id, batchId, batchSize: size, index, version, payload: 'x' }));
const insert = (kind: 'intent' | 'ack', batchId: string, size: number): WriterEvent => ({
  kind,
  op: 'insert',
  batchId,
  size,
  version: 0,
});
const update = (kind: 'intent' | 'ack', batchId: string, size: number, version: number): WriterEvent => ({
  kind,
  op: 'update',
  batchId,
  size,
  version,
});

describe('CrashLedger', () => {
  it('accepts a store holding every acknowledged batch, and an interrupted insert applied whole or not at all', () => {
    const ledger = new CrashLedger();
    const inFlight = ledger.applyRun([insert('intent', 'r0-b0', 3), insert('ack', 'r0-b0', 3), insert('intent', 'r0-b1', 2)]);
    expect(inFlight).toEqual({ op: 'insert', batchId: 'r0-b1', version: 0 });
    expect(ledger.check(docs('r0-b0', 3), 'all')).toEqual([]);
    expect(ledger.check([...docs('r0-b0', 3), ...docs('r0-b1', 2)], 'all')).toEqual([]);
  });

  it('reports a lost acknowledged batch, a half-applied insert and documents nobody wrote', () => {
    const ledger = new CrashLedger();
    ledger.applyRun([insert('intent', 'r0-b0', 3), insert('ack', 'r0-b0', 3), insert('intent', 'r0-b1', 4)]);
    expect(ledger.check([], 'all').join('\n')).toMatch(/r0-b0 was acknowledged .* gone/);
    const halfInserted = [...docs('r0-b0', 3), ...docs('r0-b1', 4, 0, 2)];
    expect(ledger.check(halfInserted, 'all').join('\n')).toMatch(/half applied: batch r0-b1 has 2\/4/);
    expect(ledger.check([...docs('r0-b0', 3), ...docs('r9-b9', 1)], 'all').join('\n')).toMatch(/no writer announced/);
  });

  it('reports a half-applied bulk update, a lost acknowledged update and a version nobody wrote', () => {
    const ledger = new CrashLedger();
    ledger.applyRun([
      insert('intent', 'r0-b0', 2),
      insert('ack', 'r0-b0', 2),
      update('intent', 'r0-b0', 2, 1),
      update('ack', 'r0-b0', 2, 1),
    ]);
    ledger.applyRun([update('intent', 'r0-b0', 2, 2)]);
    const mixed = [...docs('r0-b0', 2, 2, 1), { ...docs('r0-b0', 2, 1)[1]! }];
    expect(ledger.check(mixed, ['r0-b0']).join('\n')).toMatch(/bulk update half applied: batch r0-b0 has versions 1, 2/);
    expect(ledger.check(docs('r0-b0', 2, 0), ['r0-b0']).join('\n')).toMatch(/older than acknowledged/);
    expect(ledger.check(docs('r0-b0', 2, 3), ['r0-b0']).join('\n')).toMatch(/never written/);
  });

  it('holds a batch seen after one restart to that state at every later restart', () => {
    const ledger = new CrashLedger();
    ledger.applyRun([insert('intent', 'r0-b0', 2)]);
    expect(ledger.check(docs('r0-b0', 2), 'all')).toEqual([]);
    expect(ledger.check([], 'all').join('\n')).toMatch(/gone/);
  });

  it('round-trips protocol lines and rejects anything else', () => {
    const event = update('ack', 'r3-b7', 5, 2);
    expect(parseEvent(formatEvent(event).trimEnd())).toEqual(event);
    expect(() => parseEvent('ack insert r0-b0')).toThrow(/unexpected line/);
  });
});
