import type { ContactRow } from '../../../../shared/api/directory';
import { RoleBadges } from './role-badges';

export interface ContactLinksProps {
  readonly contacts: readonly ContactRow[];
  readonly onOpen: (id: string) => void;
}

/** People as a list of buttons that open each contact, with their title and roles. */
export function ContactLinks({ contacts, onOpen }: ContactLinksProps) {
  return (
    <ul className="plain-list contact-links">
      {contacts.map((contact) => (
        <li key={contact.id}>
          <button
            type="button"
            className="link-button"
            onClick={() => {
              onOpen(contact.id);
            }}
          >
            {contact.displayName}
          </button>
          {contact.title === '' ? null : <span className="muted"> — {contact.title}</span>}{' '}
          <RoleBadges roles={contact.roles} demo={contact.demo} />
        </li>
      ))}
    </ul>
  );
}
