import { useTranslation } from 'react-i18next';
import { findPapers, useMeetingStore } from '../../stores/use-meeting-store';
import { LookupPicker } from './lookup-picker';
import { useMeetingNames } from './use-meeting-names';

export interface PapersPickerProps {
  /** The group's name: a meeting's papers or an agenda item's. */
  readonly label: string;
  /** The chosen documents' ids, in the order they were attached. */
  readonly selected: readonly string[];
  readonly error: string | null;
  /** The ids once one is attached (at the end) or removed. */
  readonly onChange: (documentIds: string[]) => void;
}

/**
 * Attaches papers from the library, the latest offered as soon as the search box is focused. A paper attached is
 * named in the meetings store from the match itself, so its title shows before any lookup.
 */
export function PapersPicker({ label, selected, error, onChange }: PapersPickerProps) {
  const { t } = useTranslation();
  const rememberPaper = useMeetingStore((state) => state.rememberPaper);
  const names = useMeetingNames();
  return (
    <LookupPicker
      label={label}
      searchLabel={t('meetings.lookup.findPaper')}
      find={(text) => findPapers(text)}
      offerWhenBlank
      selected={selected}
      nameOf={names.paper}
      addLabel={(name) => t('meetings.lookup.attach', { name })}
      error={error}
      onAdd={(option) => {
        rememberPaper(option.id, { title: option.label, deleted: false });
        onChange([...selected, option.id]);
      }}
      onRemove={(id) => {
        onChange(selected.filter((held) => held !== id));
      }}
    />
  );
}
