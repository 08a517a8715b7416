import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Screen } from '../../components/screen';
import { useDirectoryStore } from '../../stores/use-directory-store';
import { useDirectoryViewStore } from '../../stores/use-directory-view-store';
import { ContactsView } from './contacts-view';
import { CountriesView } from './countries-view';
import { DirectoryTabs } from './directory-tabs';
import { ImportDialog } from './import-dialog';
import { OrganisationsView } from './organisations-view';
import { SeedOffer } from './seed-offer';

const panels = {
  contacts: () => <ContactsView />,
  countries: () => <CountriesView />,
  organisations: () => <OrganisationsView />,
};

/**
 * The directory of countries, organisations and contacts: the first-run offer of the demo network, then three views
 * (Contacts, Countries, Organisations) and the import dialog. What every view shares (countries, organisations, the
 * first-run status) loads here and follows `directory.changed` while the Directory is on screen.
 */
export function DirectoryScreen() {
  const { t } = useTranslation();
  const importing = useDirectoryViewStore((state) => state.importing);

  useEffect(() => {
    const directory = useDirectoryStore.getState();
    void directory.load();
    return directory.follow();
  }, []);

  return (
    <Screen title={t('sections.directory')} wide>
      <SeedOffer />
      <DirectoryTabs panels={panels} />
      {importing ? <ImportDialog /> : null}
    </Screen>
  );
}
