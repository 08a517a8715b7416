import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { sectionIds, useNavigationStore, type SectionId } from '../stores/use-navigation-store';
import { shortcutFor } from './section-shortcuts';

/**
 * The left navigation. Every entry is in the Tab order; arrow keys, Home and End also move between entries, as users
 * of list-like navigation expect. The current section carries `aria-current="page"`.
 */
export function SectionNav() {
  const { t } = useTranslation();
  const current = useNavigationStore((state) => state.section);
  const go = useNavigationStore((state) => state.go);
  return (
    <nav className="section-nav" aria-label={t('shell.sectionsLabel')}>
      <ul className="section-nav__list" onKeyDown={moveFocus}>
        {sectionIds.map((id: SectionId, index) => (
          <li key={id}>
            <button
              type="button"
              className="section-nav__item"
              aria-current={id === current ? 'page' : undefined}
              aria-keyshortcuts={shortcutFor(index)}
              onClick={() => {
                go(id);
              }}
            >
              {t(`sections.${id}`)}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}

const moves: Readonly<Record<string, (index: number, count: number) => number>> = {
  ArrowDown: (index, count) => (index + 1) % count,
  ArrowRight: (index, count) => (index + 1) % count,
  ArrowUp: (index, count) => (index - 1 + count) % count,
  ArrowLeft: (index, count) => (index - 1 + count) % count,
  Home: () => 0,
  End: (_index, count) => count - 1,
};

function moveFocus(event: KeyboardEvent<HTMLElement>): void {
  const move = moves[event.key];
  if (move === undefined || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
  const buttons = [...event.currentTarget.querySelectorAll('button')];
  const index = buttons.findIndex((button) => button === document.activeElement);
  if (index === -1) return;
  event.preventDefault();
  buttons[move(index, buttons.length)]?.focus();
}
