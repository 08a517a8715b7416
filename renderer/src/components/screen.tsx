import type { ReactNode } from 'react';

export interface ScreenProps {
  readonly title: string;
  readonly children?: ReactNode;
}

/**
 * The frame of one section: its `<h1>` and content. The heading takes focus programmatically (tabIndex -1) so a
 * keyboard jump to a section lands where a screen reader announces it.
 */
export function Screen({ title, children }: ScreenProps) {
  return (
    <div className="screen">
      <h1 className="screen__title" tabIndex={-1}>
        {title}
      </h1>
      {children}
    </div>
  );
}
