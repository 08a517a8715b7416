export interface EmptyStateProps {
  readonly title: string;
  readonly body: string;
}

/** What a section shows when it has nothing yet: what will be here, and why it is empty. */
export function EmptyState({ title, body }: EmptyStateProps) {
  return (
    <div className="empty-state">
      <h2 className="empty-state__title">{title}</h2>
      <p className="empty-state__body">{body}</p>
    </div>
  );
}
