import type { SyncState } from '../../../../shared/api/sync';
import './sync.css';

/** A glyph per state, so the state reads at a glance without relying on colour alone; hidden from screen readers. */
const icons: Readonly<Record<SyncState, string>> = {
  'not-configured': '○',
  'signed-out': '⊘',
  offline: '⨯',
  connecting: '…',
  'first-sync': '↓',
  syncing: '↻',
  'up-to-date': '✓',
  paused: '‖',
  error: '!',
};

export interface SyncStateBadgeProps {
  readonly state: SyncState;
  /** The state in words; it carries the meaning, the icon and colour only repeat it. */
  readonly label: string;
}

/** Sync's state as an icon, a colour and, above all, words. */
export function SyncStateBadge({ state, label }: SyncStateBadgeProps) {
  return (
    <span className="sync-state" data-state={state}>
      <span className="sync-state__icon" aria-hidden="true">
        {icons[state]}
      </span>
      <span className="sync-state__label">{label}</span>
    </span>
  );
}
