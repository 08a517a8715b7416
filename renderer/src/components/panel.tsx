import { useId, type ReactNode } from 'react';

export interface PanelProps {
  readonly heading: string;
  readonly children: ReactNode;
}

/** A titled block inside a screen, exposed as a region named by its heading. */
export function Panel({ heading, children }: PanelProps) {
  const headingId = useId();
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 className="panel__heading" id={headingId}>
        {heading}
      </h2>
      {children}
    </section>
  );
}
