import { create } from 'zustand';

/** The app's sections, in the order the navigation shows them (and Ctrl+1…Ctrl+6 reach them). */
export const sectionIds = ['directory', 'documents', 'meetings', 'briefing', 'sync', 'settings'] as const;
export type SectionId = (typeof sectionIds)[number];

export interface NavigationState {
  readonly section: SectionId;
  readonly go: (section: SectionId) => void;
}

/**
 * Which section is on screen. Routing is in memory on purpose: the URL fragment carries the host's token, and a
 * desktop app has no address bar to share anyway.
 */
export const useNavigationStore = create<NavigationState>()((set) => ({
  section: 'directory',
  go: (section) => {
    set({ section });
  },
}));
