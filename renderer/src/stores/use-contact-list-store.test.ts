import { describe, expect, it } from 'vitest';
import type { ContactWindow } from '../../../shared/api/directory';
import { ok, type Result } from '../../../shared/api/result';
import { clientFromBridge, installApiClient } from '../api/client';
import { fakeBridge } from '../test/fake-bridge';
import { useContactListStore } from './use-contact-list-store';

function pending<T>() {
  let release: (value: T) => void = () => undefined;
  const promise = new Promise<T>((resolve) => {
    release = resolve;
  });
  return { promise, release };
}

const windowOf = (offset: number, total = 1000): ContactWindow => ({ subscriptionId: 'sub-1', total, offset, rows: [] });

describe('the live contact list', () => {
  it('sends one request at a time and only the latest range when scrolling outruns the core', async () => {
    const sent: number[] = [];
    const replies: ReturnType<typeof pending<Result<ContactWindow>>>[] = [];
    const answer = (offset: number) => {
      sent.push(offset);
      const reply = pending<Result<ContactWindow>>();
      replies.push(reply);
      return reply.promise;
    };
    const fake = fakeBridge({
      'directory.contacts.watch': (input) => answer(input.range.offset),
      'directory.contacts.rewatch': (input) => answer(input.range.offset),
      'directory.contacts.unwatch': () => Promise.resolve(ok({ stopped: true })),
    });
    installApiClient(clientFromBridge(fake.bridge));
    const store = useContactListStore.getState();
    store.start();
    store.showRows(200, 210);
    store.showRows(400, 410);
    store.showRows(600, 610);
    expect(sent).toEqual([0]);
    replies[0]?.release(ok(windowOf(0)));
    await Promise.resolve();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(sent).toEqual([0, 570]);
    replies[1]?.release(ok(windowOf(570)));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(useContactListStore.getState().offset).toBe(570);
    expect(sent).toEqual([0, 570]);
  });

  it('ends a list started for nobody: stopped before its watch answered', async () => {
    const unwatched: string[] = [];
    const reply = pending<Result<ContactWindow>>();
    const fake = fakeBridge({
      'directory.contacts.watch': () => reply.promise,
      'directory.contacts.unwatch': (input) => {
        unwatched.push(input.subscriptionId);
        return Promise.resolve(ok({ stopped: true }));
      },
    });
    installApiClient(clientFromBridge(fake.bridge));
    useContactListStore.getState().start();
    useContactListStore.getState().stop();
    reply.release(ok(windowOf(0)));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(unwatched).toEqual(['sub-1']);
    expect(useContactListStore.getState().total).toBeNull();
  });

  it('ignores pushed windows of other lists and applies its own', () => {
    const fake = fakeBridge({});
    installApiClient(clientFromBridge(fake.bridge));
    const stop = useContactListStore.getState().follow();
    fake.emit({ name: 'directory.contacts.window', payload: windowOf(0, 5) });
    expect(useContactListStore.getState().total).toBeNull();
    stop();
  });
});
