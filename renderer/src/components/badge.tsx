export interface BadgeProps {
  readonly label: string;
  /** `role` for a contact's roles, `demo` for demo data, `deleted` for what awaits restoring, `neutral` otherwise. */
  readonly tone?: 'role' | 'demo' | 'deleted' | 'neutral';
}

/** A short label beside a name. The text carries the meaning; the colour only repeats it. */
export function Badge({ label, tone = 'neutral' }: BadgeProps) {
  return <span className={`badge badge--${tone}`}>{label}</span>;
}
