import { useId } from 'react';

export interface SyncProgressProps {
  /** What is moving ("First sync", "Sending report.pdf"): the bar's accessible name. */
  readonly label: string;
  readonly value: number;
  readonly max: number;
  /** How far, in words ("120 of 4,000 records"): shown under the bar and read as its value. */
  readonly text: string;
}

/**
 * A progress bar exposed as an ARIA progressbar (value, maximum and the value in words). A maximum of zero or less,
 * which the core may report before it knows a total, shows an empty bar rather than dividing by zero.
 */
export function SyncProgress({ label, value, max, text }: SyncProgressProps) {
  const labelId = useId();
  const safeMax = Math.max(0, max);
  const now = Math.min(Math.max(0, value), safeMax);
  const percent = safeMax === 0 ? 0 : Math.round((now / safeMax) * 100);
  return (
    <div className="sync-progress">
      <span className="sync-progress__label" id={labelId}>
        {label}
      </span>
      <div
        className="sync-progress__track"
        role="progressbar"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={safeMax}
        aria-valuenow={now}
        aria-valuetext={text}
      >
        <span className="sync-progress__fill" style={{ width: `${percent}%` }} />
      </div>
      <span className="sync-progress__text">{text}</span>
    </div>
  );
}
