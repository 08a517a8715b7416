import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface SectionTabsProps<T extends string> {
  /** The tab list's accessible name. */
  readonly label: string;
  readonly tabs: readonly T[];
  readonly selected: T;
  readonly labelOf: (tab: T) => string;
  readonly onSelect: (tab: T) => void;
  /** The selected tab's panel; only it is rendered. */
  readonly children: ReactNode;
}

/**
 * Tabs as the WAI-ARIA pattern with automatic activation describes them: the tab list is one tab stop, ← → Home End
 * move between tabs and show each at once (as the Directory's tabs do).
 */
export function SectionTabs<T extends string>({ label, tabs, selected, labelOf, onSelect, children }: SectionTabsProps<T>) {
  const baseId = useId();
  const refs = useRef(new Map<T, HTMLButtonElement>());

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const index = tabs.indexOf(selected);
    const count = tabs.length;
    const targets: Readonly<Record<string, number>> = {
      ArrowRight: (index + 1) % count,
      ArrowLeft: (index - 1 + count) % count,
      Home: 0,
      End: count - 1,
    };
    const target = tabs[targets[event.key] ?? -1];
    if (target === undefined) return;
    event.preventDefault();
    onSelect(target);
    refs.current.get(target)?.focus();
  };

  return (
    <>
      <div className="tabs" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab}
            ref={(element) => {
              if (element === null) refs.current.delete(tab);
              else refs.current.set(tab, element);
            }}
            type="button"
            role="tab"
            id={`${baseId}-tab-${tab}`}
            className="tabs__tab"
            aria-selected={tab === selected}
            aria-controls={`${baseId}-panel-${tab}`}
            tabIndex={tab === selected ? 0 : -1}
            onClick={() => {
              onSelect(tab);
            }}
          >
            {labelOf(tab)}
          </button>
        ))}
      </div>
      <div className="tabs__panel" role="tabpanel" id={`${baseId}-panel-${selected}`} aria-labelledby={`${baseId}-tab-${selected}`}>
        {children}
      </div>
    </>
  );
}
