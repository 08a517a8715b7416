import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { directoryTabs, useDirectoryViewStore, type DirectoryTab } from '../../stores/use-directory-view-store';

export interface DirectoryTabsProps {
  /** The panel of each tab; only the selected one is rendered. */
  readonly panels: Readonly<Record<DirectoryTab, () => ReactNode>>;
}

/**
 * The Directory's views as tabs (Contacts, Countries, Organisations). The tab list is one tab stop; ← → Home End move
 * between tabs and show each at once, as the WAI-ARIA tabs pattern with automatic activation describes.
 */
export function DirectoryTabs({ panels }: DirectoryTabsProps) {
  const { t } = useTranslation();
  const baseId = useId();
  const tab = useDirectoryViewStore((state) => state.tab);
  const setTab = useDirectoryViewStore((state) => state.setTab);
  const tabRefs = useRef(new Map<DirectoryTab, HTMLButtonElement>());

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const index = directoryTabs.indexOf(tab);
    const count = directoryTabs.length;
    const targets: Readonly<Record<string, number>> = {
      ArrowRight: (index + 1) % count,
      ArrowLeft: (index - 1 + count) % count,
      Home: 0,
      End: count - 1,
    };
    const target = directoryTabs[targets[event.key] ?? -1];
    if (target === undefined) return;
    event.preventDefault();
    setTab(target);
    tabRefs.current.get(target)?.focus();
  };

  return (
    <>
      <div className="tabs" role="tablist" aria-label={t('directory.tabsLabel')} onKeyDown={onKeyDown}>
        {directoryTabs.map((id) => (
          <button
            key={id}
            ref={(element) => {
              if (element === null) tabRefs.current.delete(id);
              else tabRefs.current.set(id, element);
            }}
            type="button"
            role="tab"
            id={`${baseId}-tab-${id}`}
            className="tabs__tab"
            aria-selected={id === tab}
            aria-controls={`${baseId}-panel-${id}`}
            tabIndex={id === tab ? 0 : -1}
            onClick={() => {
              setTab(id);
            }}
          >
            {t(`directory.tabs.${id}`)}
          </button>
        ))}
      </div>
      <div className="tabs__panel" role="tabpanel" id={`${baseId}-panel-${tab}`} aria-labelledby={`${baseId}-tab-${tab}`}>
        {panels[tab]()}
      </div>
    </>
  );
}
