import { describe, expect, it } from 'vitest';
import { isTrustedSender, type FrameLike, type InvokeEventLike } from './sender-check';

const mainFrame: FrameLike = { url: 'app://focal/index.html', processId: 4, routingId: 1, parent: null };

function event(senderFrame: FrameLike | null, main: FrameLike = mainFrame): InvokeEventLike {
  return { senderFrame, sender: { mainFrame: main } };
}

describe('isTrustedSender', () => {
  it('accepts the main frame of the app page', () => {
    expect(isTrustedSender(event(mainFrame))).toBe(true);
    // A distinct object for the same frame (same ids) is still the main frame.
    expect(isTrustedSender(event({ ...mainFrame, url: 'app://focal/index.html#/meetings' }))).toBe(true);
  });

  it('refuses a destroyed or navigated-away frame (null senderFrame)', () => {
    expect(isTrustedSender(event(null))).toBe(false);
  });

  it('refuses a subframe, even one on the app origin', () => {
    const child: FrameLike = { url: 'app://focal/index.html', processId: 4, routingId: 7, parent: mainFrame };
    expect(isTrustedSender(event(child))).toBe(false);
  });

  it('refuses a top-level frame that is not the main frame of this WebContents', () => {
    expect(isTrustedSender(event({ ...mainFrame, processId: 9 }))).toBe(false);
    expect(isTrustedSender(event({ ...mainFrame, routingId: 2 }))).toBe(false);
  });

  it.each([
    'https://example.invalid/',
    'app://focal.evil/index.html',
    'app://evil/index.html',
    'app://focal:99/index.html',
    'file:///index.html',
    'about:blank',
    '',
  ])('refuses the main frame when it is on %s', (url) => {
    const frame = { ...mainFrame, url };
    expect(isTrustedSender(event(frame, frame))).toBe(false);
  });
});
