import { describe, expect, it } from 'vitest';
import { parseServerMessage, parseSocketCall } from './socket-protocol';

describe('parseSocketCall', () => {
  it('accepts a well-formed call and keeps its input untouched for the dispatcher to parse', () => {
    expect(parseSocketCall('{"type":"call","id":4,"method":"app.ping","input":{"echo":"hi"}}')).toEqual({
      type: 'call',
      id: 4,
      method: 'app.ping',
      input: { echo: 'hi' },
    });
  });

  it.each([
    'not json',
    '[]',
    'null',
    '{"type":"reply","id":1,"method":"app.ping"}',
    '{"type":"call","id":"1","method":"app.ping"}',
    '{"type":"call","id":1.5,"method":"app.ping"}',
    '{"type":"call","id":1,"method":3}',
  ])('rejects %s', (frame) => {
    expect(parseSocketCall(frame)).toBeNull();
  });
});

describe('parseServerMessage', () => {
  it('accepts replies carrying a Result and events with a known name', () => {
    expect(parseServerMessage('{"type":"reply","id":1,"result":{"ok":true,"value":2}}')).toEqual({
      type: 'reply',
      id: 1,
      result: { ok: true, value: 2 },
    });
    const event = parseServerMessage('{"type":"event","event":{"name":"app.health","payload":{"status":"ok"}}}');
    expect(event?.type).toBe('event');
  });

  it('rejects replies without a Result and events with an unknown name', () => {
    expect(parseServerMessage('{"type":"reply","id":1,"result":{"value":2}}')).toBeNull();
    expect(parseServerMessage('{"type":"event","event":{"name":"evil.event","payload":{}}}')).toBeNull();
    expect(parseServerMessage('{"type":"event","event":{"name":"app.health"}}')).toBeNull();
    expect(parseServerMessage('garbage')).toBeNull();
  });
});
