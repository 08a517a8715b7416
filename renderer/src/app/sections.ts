import type { ComponentType } from 'react';
import { BriefingScreen } from '../features/briefing/briefing-screen';
import { DirectoryScreen } from '../features/directory/directory-screen';
import { DocumentsScreen } from '../features/documents/documents-screen';
import { MeetingsScreen } from '../features/meetings/meetings-screen';
import { SettingsScreen } from '../features/settings/settings-screen';
import { SyncScreen } from '../features/sync/sync-screen';
import type { SectionId } from '../stores/use-navigation-store';

/** The screen shown for each section. A `Record`, so adding a section without its screen fails to compile. */
export const sectionScreens: Readonly<Record<SectionId, ComponentType>> = {
  directory: DirectoryScreen,
  documents: DocumentsScreen,
  meetings: MeetingsScreen,
  briefing: BriefingScreen,
  sync: SyncScreen,
  settings: SettingsScreen,
};
