import { create } from 'zustand';
import type { OrganisationDetail } from '../../../shared/api/directory';
import type { OrganisationInput } from '../../../shared/domain/directory-input';
import type { AppError, Result } from '../../../shared/api/result';
import { getBridge, onCoreEvent } from '../api/client';
import { useDirectoryStore } from './use-directory-store';

export type OrganisationLoad =
  | { readonly status: 'none' }
  | { readonly status: 'loading'; readonly id: string }
  | { readonly status: 'loaded'; readonly organisation: OrganisationDetail }
  | { readonly status: 'error'; readonly id: string; readonly error: AppError };

export interface OrganisationState {
  /** The organisation the detail pane and the edit form show. */
  readonly open: OrganisationLoad;
  /** A save, delete or restore is running. */
  readonly busy: boolean;
  readonly load: (id: string) => Promise<void>;
  /** Creates an organisation (id null) or sends the changed fields of one. */
  readonly save: (id: string | null, input: Partial<OrganisationInput>) => Promise<Result<OrganisationDetail>>;
  readonly remove: (id: string) => Promise<Result<OrganisationDetail>>;
  readonly restore: (id: string) => Promise<Result<OrganisationDetail>>;
  /** Reloads the open organisation when organisations or countries change. */
  readonly follow: () => () => void;
}

let latest = 0;

/**
 * One organisation at a time for the detail pane and the form, and the writes made from them. The tree reads the
 * directory store's list, which each write refreshes at once rather than waiting for `directory.changed`.
 */
export const useOrganisationStore = create<OrganisationState>()((set, get) => {
  const settle = (result: Result<OrganisationDetail>): Result<OrganisationDetail> => {
    latest += 1;
    if (result.ok) {
      set({ open: { status: 'loaded', organisation: result.value }, busy: false });
      void useDirectoryStore.getState().loadOrganisations();
    } else set({ busy: false });
    return result;
  };
  const openId = (): string | null => {
    const open = get().open;
    if (open.status === 'none') return null;
    return open.status === 'loaded' ? open.organisation.id : open.id;
  };
  return {
    open: { status: 'none' },
    busy: false,
    load: async (id) => {
      const ticket = ++latest;
      if (openId() !== id || get().open.status !== 'loaded') set({ open: { status: 'loading', id } });
      const result = await getBridge()['directory.organisations.get']({ id });
      if (ticket !== latest) return;
      set({ open: result.ok ? { status: 'loaded', organisation: result.value } : { status: 'error', id, error: result.error } });
    },
    save: async (id, input) => {
      set({ busy: true });
      const bridge = getBridge();
      if (id === null) {
        // The form never sends a new organisation without its name and kind (the schema says so as you type).
        return settle(await bridge['directory.organisations.create']({ organisation: { name: '', kind: 'other', ...input } }));
      }
      return settle(await bridge['directory.organisations.update']({ id, changes: input }));
    },
    remove: async (id) => {
      set({ busy: true });
      return settle(await getBridge()['directory.organisations.delete']({ id }));
    },
    restore: async (id) => {
      set({ busy: true });
      return settle(await getBridge()['directory.organisations.restore']({ id }));
    },
    follow: () =>
      onCoreEvent('directory.changed', (payload) => {
        const id = openId();
        if (id !== null && !get().busy && !payload.collections.every((name) => name === 'contacts')) void get().load(id);
      }),
  };
});
