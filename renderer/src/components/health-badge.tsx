import type { HealthStatus } from '../../../shared/api/app';

export interface HealthBadgeProps {
  /** `unknown` while no report has arrived yet. */
  readonly status: HealthStatus | 'unknown';
  readonly label: string;
}

/** A coloured dot and its label; the label carries the meaning, the colour only repeats it. */
export function HealthBadge({ status, label }: HealthBadgeProps) {
  return (
    <span className="health-badge" data-status={status}>
      <span className="health-badge__dot" aria-hidden="true" />
      {label}
    </span>
  );
}
