import { create } from 'zustand';

/** The Directory's three views, in the order its tabs show them. */
export const directoryTabs = ['contacts', 'countries', 'organisations'] as const;
export type DirectoryTab = (typeof directoryTabs)[number];

/** What the pane beside the contact list shows. */
export type ContactPane =
  | { readonly mode: 'none' }
  | { readonly mode: 'detail'; readonly id: string }
  | { readonly mode: 'edit'; readonly id: string }
  | { readonly mode: 'create' };

/** What the pane beside the organisation tree shows. */
export type OrganisationPane =
  | { readonly mode: 'none' }
  | { readonly mode: 'detail'; readonly id: string }
  | { readonly mode: 'edit'; readonly id: string }
  | { readonly mode: 'create'; readonly parentId: string; readonly countryId: string };

export interface DirectoryViewState {
  readonly tab: DirectoryTab;
  readonly contactPane: ContactPane;
  readonly organisationPane: OrganisationPane;
  /** The country page on screen in the Countries view; null shows the list. */
  readonly countryId: string | null;
  /** Whether the import dialog is open. */
  readonly importing: boolean;
  readonly setTab: (tab: DirectoryTab) => void;
  readonly showContact: (pane: ContactPane) => void;
  readonly showOrganisation: (pane: OrganisationPane) => void;
  /** Opens a contact's detail in the Contacts view, from wherever it was linked (a country page, a tree). */
  readonly openContact: (id: string) => void;
  /** Shows an organisation's details in the Organisations view. */
  readonly openOrganisation: (id: string) => void;
  /** Opens a country page in the Countries view (null: back to the list). */
  readonly openCountry: (id: string | null) => void;
  readonly setImporting: (importing: boolean) => void;
}

/**
 * Where the user is inside the Directory. In memory like the shell's navigation, and kept while other sections are
 * visited, so coming back to the Directory finds the same contact or country open.
 */
export const useDirectoryViewStore = create<DirectoryViewState>()((set) => ({
  tab: 'contacts',
  contactPane: { mode: 'none' },
  organisationPane: { mode: 'none' },
  countryId: null,
  importing: false,
  setTab: (tab) => {
    set({ tab });
  },
  showContact: (contactPane) => {
    set({ contactPane });
  },
  showOrganisation: (organisationPane) => {
    set({ organisationPane });
  },
  openContact: (id) => {
    set({ tab: 'contacts', contactPane: { mode: 'detail', id } });
  },
  openOrganisation: (id) => {
    set({ tab: 'organisations', organisationPane: { mode: 'detail', id } });
  },
  openCountry: (countryId) => {
    set({ tab: 'countries', countryId });
  },
  setImporting: (importing) => {
    set({ importing });
  },
}));
