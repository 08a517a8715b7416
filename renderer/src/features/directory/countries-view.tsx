import { useState } from 'react';
import { useDirectoryViewStore } from '../../stores/use-directory-view-store';
import { CountryList } from './country-list';
import { CountryPageView } from './country-page-view';

/** The Countries view: the list, or one country's page; back on the list, focus returns to the country left. */
export function CountriesView() {
  const countryId = useDirectoryViewStore((state) => state.countryId);
  const openCountry = useDirectoryViewStore((state) => state.openCountry);
  const [lastOpened, setLastOpened] = useState<string | null>(null);
  if (countryId !== null) {
    return (
      <CountryPageView
        // A page of its own per country: an edit begun on one never carries over to the next.
        key={countryId}
        id={countryId}
        onBack={() => {
          setLastOpened(countryId);
          openCountry(null);
        }}
      />
    );
  }
  return <CountryList focusId={lastOpened} />;
}
