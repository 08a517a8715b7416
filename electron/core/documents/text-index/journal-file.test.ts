import { describe, expect, it } from 'vitest';
import { encodeRecords, scanJournal } from './journal-file';

const payloads = ['first record', 'second, longer record', 'third'].map((text) => Buffer.from(text, 'utf8'));
const texts = (scan: ReturnType<typeof scanJournal>) => scan.payloads.map((payload) => Buffer.from(payload).toString('utf8'));

describe('journal records', () => {
  it('reads back what was written', () => {
    const scan = scanJournal(encodeRecords(payloads));
    expect(scan.damage).toBe('none');
    expect(texts(scan)).toEqual(['first record', 'second, longer record', 'third']);
    expect(scanJournal(new Uint8Array(0))).toEqual({ payloads: [], validBytes: 0, damage: 'none' });
  });

  it('ignores a last record cut off anywhere, keeping the ones before it', () => {
    const whole = encodeRecords(payloads);
    const lastStart = encodeRecords(payloads.slice(0, 2)).length;
    for (let cut = lastStart + 1; cut < whole.length; cut += 1) {
      const scan = scanJournal(whole.subarray(0, cut));
      expect(scan.damage, `cut at ${cut}`).toBe('torn-tail');
      expect(scan.validBytes).toBe(lastStart);
      expect(texts(scan)).toEqual(['first record', 'second, longer record']);
    }
  });

  it('treats a failed checksum on the last record, or a zero-filled tail, as torn', () => {
    const whole = encodeRecords(payloads);
    const flipped = Buffer.from(whole);
    flipped[whole.length - 1] = (flipped[whole.length - 1] ?? 0) ^ 1;
    expect(scanJournal(flipped).damage).toBe('torn-tail');
    expect(scanJournal(flipped).payloads).toHaveLength(2);
    const zeros = Buffer.concat([whole, Buffer.alloc(64)]);
    expect(scanJournal(zeros)).toMatchObject({ damage: 'torn-tail', validBytes: whole.length });
  });

  it('reports damage before the end as corrupt, stopping there', () => {
    const whole = Buffer.from(encodeRecords(payloads));
    whole[10] = (whole[10] ?? 0) ^ 0xff;
    const scan = scanJournal(whole);
    expect(scan).toMatchObject({ damage: 'corrupt', validBytes: 0 });
    expect(scan.payloads).toHaveLength(0);
    const badLength = Buffer.from(encodeRecords(payloads));
    badLength.writeUInt32LE(0x7fffffff, 0);
    expect(scanJournal(badLength).damage).toBe('corrupt');
  });
});
