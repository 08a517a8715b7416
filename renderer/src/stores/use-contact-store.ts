import { create } from 'zustand';
import type { ContactDetail } from '../../../shared/api/directory';
import type { ContactInput } from '../../../shared/domain/directory-input';
import type { AppError, Result } from '../../../shared/api/result';
import { getBridge, onCoreEvent } from '../api/client';

export type ContactLoad =
  | { readonly status: 'none' }
  | { readonly status: 'loading'; readonly id: string }
  | { readonly status: 'loaded'; readonly contact: ContactDetail }
  | { readonly status: 'error'; readonly id: string; readonly error: AppError };

export interface ContactState {
  /** The contact the detail pane and the edit form show. */
  readonly open: ContactLoad;
  /** A save, delete or restore is running. */
  readonly busy: boolean;
  /** Loads `id` for the detail pane (kept on screen while a refresh of the same contact runs). */
  readonly load: (id: string) => Promise<void>;
  readonly clear: () => void;
  /** Creates a contact (id null) or sends the changed fields of one; the saved contact becomes the open one. */
  readonly save: (id: string | null, input: Partial<ContactInput>) => Promise<Result<ContactDetail>>;
  readonly remove: (id: string) => Promise<Result<ContactDetail>>;
  readonly restore: (id: string) => Promise<Result<ContactDetail>>;
  /** Reloads the open contact whenever contacts (or the organisations and countries it names) change. */
  readonly follow: () => () => void;
}

let latest = 0;

/** One contact at a time, for the detail pane and the edit form, and the writes made from them. */
export const useContactStore = create<ContactState>()((set, get) => {
  const settle = (result: Result<ContactDetail>): Result<ContactDetail> => {
    latest += 1;
    if (result.ok) set({ open: { status: 'loaded', contact: result.value }, busy: false });
    else set({ busy: false });
    return result;
  };
  const openId = (): string | null => {
    const open = get().open;
    if (open.status === 'none') return null;
    return open.status === 'loaded' ? open.contact.id : open.id;
  };

  return {
    open: { status: 'none' },
    busy: false,
    load: async (id) => {
      const ticket = ++latest;
      if (openId() !== id || get().open.status !== 'loaded') set({ open: { status: 'loading', id } });
      const result = await getBridge()['directory.contacts.get']({ id });
      if (ticket !== latest) return;
      if (result.ok) set({ open: { status: 'loaded', contact: result.value } });
      else set({ open: { status: 'error', id, error: result.error } });
    },
    clear: () => {
      latest += 1;
      set({ open: { status: 'none' } });
    },
    save: async (id, input) => {
      set({ busy: true });
      const bridge = getBridge();
      if (id === null) {
        // A new contact needs its name; the form never sends one without it (the schema says so as you type).
        return settle(await bridge['directory.contacts.create']({ contact: { displayName: '', ...input } }));
      }
      return settle(await bridge['directory.contacts.update']({ id, changes: input }));
    },
    remove: async (id) => {
      set({ busy: true });
      return settle(await getBridge()['directory.contacts.delete']({ id }));
    },
    restore: async (id) => {
      set({ busy: true });
      return settle(await getBridge()['directory.contacts.restore']({ id }));
    },
    follow: () =>
      onCoreEvent('directory.changed', () => {
        const id = openId();
        if (id !== null && !get().busy) void get().load(id);
      }),
  };
});
