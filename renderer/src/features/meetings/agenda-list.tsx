import { useEffect, useId, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingDetail, ScheduledItem } from '../../../../shared/api/meetings';
import { moveItem } from '../../../../shared/domain/agenda-schedule';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useMeetingStore } from '../../stores/use-meeting-store';
import { useSettingsStore } from '../../stores/use-settings-store';
import { isTextEntry } from '../directory/shortcut-keys';
import { AgendaItemEditor } from './agenda-item-editor';
import { AgendaItemView } from './agenda-item-view';
import { formatWallTime, spansDays } from './meeting-format';
import type { MeetingWarning } from './meeting-warnings';
import { useMeetingNames } from './use-meeting-names';

/**
 * The buttons each agenda item carries, in order, each with the key that does the same on the item (announced as
 * `aria-keyshortcuts`). Each action's text is `meetings.agenda.<action>` and its name `meetings.agenda.<action>Label`.
 */
const rowButtons = [
  { action: 'moveUp', keys: 'Alt+ArrowUp' },
  { action: 'moveDown', keys: 'Alt+ArrowDown' },
  { action: 'edit', keys: 'Enter' },
  { action: 'remove', keys: 'Delete' },
] as const;

type RowAction = (typeof rowButtons)[number]['action'];

export interface AgendaListProps {
  readonly detail: MeetingDetail;
  readonly warnings: readonly MeetingWarning[];
  /** The meeting is deleted: the agenda is shown, not changed. */
  readonly readOnly: boolean;
  readonly announce: (message: string) => void;
  /** Where focus goes when the last item is removed: the box that adds items. */
  readonly focusAdd: () => void;
}

/**
 * The agenda, in order, each item with its computed times. An item is one tab stop: ↑ ↓ Home End move between
 * items, Alt+↑ Alt+↓ move the item itself (Move up / Move down do the same), Enter or E edits it in place, Delete
 * removes it after a confirmation. Items can also be dragged to another place. Every reorder is the core's
 * (`meetings.agenda.move`): the times shown are always the ones it answers with, and focus stays on the item moved.
 */
export function AgendaList({ detail, warnings, readOnly, announce, focusAdd }: AgendaListProps) {
  const { t } = useTranslation();
  const language = useSettingsStore((state) => state.language);
  const moveInStore = useMeetingStore((state) => state.moveItem);
  const removeInStore = useMeetingStore((state) => state.removeItem);
  const busy = useMeetingStore((state) => state.pending > 0);
  const names = useMeetingNames();
  const keysId = useId();
  const agenda = detail.agenda;
  const withDate = spansDays(detail.meeting);
  const rows = useRef(new Map<string, HTMLLIElement>());
  const listRef = useRef<HTMLOListElement>(null);
  // Ids in the order the agenda will have once the moves on their way land: a second Alt+↓ pressed before the first
  // is answered moves from where the item will be, not from where it is drawn.
  const expected = useRef<string[] | null>(null);
  const inFlight = useRef(0);
  const focusNext = useRef<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [removing, setRemoving] = useState<ScheduledItem | null>(null);
  const [dragged, setDragged] = useState<string | null>(null);
  const [dropOn, setDropOn] = useState<string | null>(null);
  // The one item in the tab order (with its buttons); the arrows move between items, as in a list box.
  const [active, setActive] = useState<string | null>(null);
  const current = agenda.some((item) => item.id === active) ? active : (agenda[0]?.id ?? null);

  useEffect(() => {
    const id = focusNext.current;
    if (id === null) return;
    const row = rows.current.get(id);
    if (row === undefined) return;
    focusNext.current = null;
    row.focus();
  }, [agenda, editing]);

  const focusRow = (id: string): void => {
    rows.current.get(id)?.focus();
  };

  const timeText = (item: ScheduledItem): string => {
    if (item.scheduledStart === null) return t('meetings.agenda.noTime');
    const start = formatWallTime(item.scheduledStart, language, withDate);
    return item.scheduledEnd === null ? start : `${start} – ${formatWallTime(item.scheduledEnd, language, withDate)}`;
  };

  /** Moves `id` to the 0-based `toIndex` of the agenda as it will be. */
  const move = (id: string, toIndex: number): void => {
    if (readOnly) return;
    const order = expected.current ?? agenda.map((item) => item.id);
    const from = order.indexOf(id);
    const to = Math.min(Math.max(toIndex, 0), order.length - 1);
    if (from === -1 || from === to) return;
    expected.current = moveItem(order, from, to);
    inFlight.current += 1;
    focusNext.current = id;
    const title = agenda.find((item) => item.id === id)?.title ?? '';
    void moveInStore(id, to + 1).then((result) => {
      inFlight.current -= 1;
      if (inFlight.current === 0) expected.current = null;
      if (!result.ok) {
        announce(t('meetings.agenda.moveFailed', { message: result.error.message }));
        return;
      }
      const moved = result.value.agenda.find((item) => item.id === id);
      announce(t('meetings.agenda.moved', { title, position: moved?.position ?? to + 1, count: result.value.agenda.length }));
    });
  };
  const moveBy = (id: string, delta: number): void => {
    const order = expected.current ?? agenda.map((item) => item.id);
    move(id, order.indexOf(id) + delta);
  };

  const onItemKeyDown = (event: KeyboardEvent<HTMLLIElement>, item: ScheduledItem, index: number): void => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey) return;
    // Keys typed into a control of the row (its buttons answer Enter themselves) are not the item's.
    if (event.target !== event.currentTarget && (isTextEntry(event.target) || event.key === 'Enter' || event.key === ' ')) return;
    const at = (offset: number): ScheduledItem | undefined => agenda[Math.min(Math.max(index + offset, 0), agenda.length - 1)];
    if (event.altKey) {
      if (event.key === 'ArrowUp') moveBy(item.id, -1);
      else if (event.key === 'ArrowDown') moveBy(item.id, 1);
      else return;
    } else if (event.key === 'ArrowUp') focusRow(at(-1)?.id ?? item.id);
    else if (event.key === 'ArrowDown') focusRow(at(1)?.id ?? item.id);
    else if (event.key === 'Home') focusRow(agenda[0]?.id ?? item.id);
    else if (event.key === 'End') focusRow(agenda.at(-1)?.id ?? item.id);
    else if ((event.key === 'Enter' || event.key === 'e' || event.key === 'E') && !readOnly) setEditing(item.id);
    else if (event.key === 'Delete' && !readOnly) setRemoving(item);
    else return;
    event.preventDefault();
  };

  const onDrop = (event: DragEvent<HTMLLIElement>, index: number): void => {
    event.preventDefault();
    const id = dragged ?? event.dataTransfer.getData('text/plain');
    setDragged(null);
    setDropOn(null);
    if (id !== '') move(id, index);
  };

  const confirmRemove = async (): Promise<void> => {
    if (removing === null) return;
    const target = removing;
    const index = agenda.findIndex((item) => item.id === target.id);
    const neighbour = agenda[index + 1] ?? agenda[index - 1];
    focusNext.current = neighbour?.id ?? null;
    const result = await removeInStore(target.id);
    setRemoving(null);
    announce(result.ok ? t('meetings.agenda.removed', { title: target.title }) : t('meetings.agenda.removeFailed', { message: result.error.message }));
    if (neighbour === undefined) focusAdd();
  };

  const act = (action: RowAction, item: ScheduledItem): void => {
    if (action === 'moveUp') moveBy(item.id, -1);
    else if (action === 'moveDown') moveBy(item.id, 1);
    else if (action === 'edit') setEditing(item.id);
    else setRemoving(item);
  };
  /** Moving the first item up or the last one down does nothing: the button says so by being disabled. */
  const stuck = (action: RowAction, index: number): boolean =>
    (action === 'moveUp' && index === 0) || (action === 'moveDown' && index === agenda.length - 1);

  if (agenda.length === 0) return <p className="muted agenda-empty">{t('meetings.agenda.empty')}</p>;

  return (
    <>
      <p className="muted agenda-keys" id={keysId}>
        {t('meetings.agenda.keysHint')}
      </p>
      <ol ref={listRef} className="agenda-list" aria-label={t('meetings.agenda.label')}>
        {agenda.map((item, index) => {
          const mine = warnings.filter((warning) => warning.itemId === item.id);
          const classes = ['agenda-item', dragged === item.id ? 'agenda-item--dragged' : '', dropOn === item.id && dragged !== item.id ? 'agenda-item--drop' : '']
            .filter((name) => name !== '')
            .join(' ');
          if (editing === item.id) {
            return (
              <li key={item.id} className="agenda-item agenda-item--editing" aria-label={t('meetings.agenda.itemLabel', { position: item.position, title: item.title, time: timeText(item) })}>
                <AgendaItemEditor
                  item={item}
                  onSaved={(saved) => {
                    focusNext.current = item.id;
                    setEditing(null);
                    if (saved !== null) announce(t('meetings.item.saved', { title: saved.agenda.find((entry) => entry.id === item.id)?.title ?? item.title }));
                  }}
                  onCancel={() => {
                    focusNext.current = item.id;
                    setEditing(null);
                  }}
                />
              </li>
            );
          }
          return (
            <li
              key={item.id}
              ref={(element) => {
                if (element === null) rows.current.delete(item.id);
                else rows.current.set(item.id, element);
              }}
              className={classes}
              tabIndex={item.id === current ? 0 : -1}
              draggable={!readOnly}
              aria-label={t('meetings.agenda.itemLabel', { position: item.position, title: item.title, time: timeText(item) })}
              aria-describedby={keysId}
              aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown Enter Delete"
              onKeyDown={(event) => {
                onItemKeyDown(event, item, index);
              }}
              onFocus={() => {
                if (active !== item.id) setActive(item.id);
              }}
              onDragStart={(event) => {
                setDragged(item.id);
                event.dataTransfer.effectAllowed = 'move';
                event.dataTransfer.setData('text/plain', item.id);
              }}
              onDragOver={(event) => {
                if (dragged === null) return;
                event.preventDefault();
                event.dataTransfer.dropEffect = 'move';
                if (dropOn !== item.id) setDropOn(item.id);
              }}
              onDragLeave={() => {
                if (dropOn === item.id) setDropOn(null);
              }}
              onDrop={(event) => {
                onDrop(event, index);
              }}
              onDragEnd={() => {
                setDragged(null);
                setDropOn(null);
              }}
            >
              <AgendaItemView item={item} withDate={withDate} names={names} warnings={mine} />
              {readOnly ? null : (
                <div className="agenda-item__actions">
                  {rowButtons.map(({ action, keys }) => (
                    <button
                      key={action}
                      type="button"
                      className="button button--small"
                      aria-label={t(`meetings.agenda.${action}Label`, { title: item.title })}
                      tabIndex={item.id === current ? 0 : -1}
                      aria-keyshortcuts={keys}
                      disabled={stuck(action, index)}
                      onClick={() => {
                        act(action, item);
                      }}
                    >
                      {t(`meetings.agenda.${action}`)}
                    </button>
                  ))}
                </div>
              )}
            </li>
          );
        })}
      </ol>
      {removing === null ? null : (
        <ConfirmDialog
          title={t('meetings.agenda.removeTitle')}
          message={t('meetings.agenda.removeMessage', { title: removing.title })}
          confirmLabel={t('meetings.agenda.removeConfirm')}
          cancelLabel={t('meetings.agenda.removeCancel')}
          busy={busy}
          returnFocusTo={listRef}
          onConfirm={() => {
            void confirmRemove();
          }}
          onCancel={() => {
            setRemoving(null);
          }}
        />
      )}
    </>
  );
}
