import type { ReactNode } from 'react';

export interface ScreenProps {
  readonly title: string;
  readonly children?: ReactNode;
  /** Uses the window's full width (a list beside a detail pane) instead of a comfortable reading width. */
  readonly wide?: boolean;
}

/**
 * The frame of one section: its `<h1>` and content. The heading takes focus programmatically (tabIndex -1) so a
 * keyboard jump to a section lands where a screen reader announces it.
 */
export function Screen({ title, children, wide = false }: ScreenProps) {
  return (
    <div className={wide ? 'screen screen--wide' : 'screen'}>
      <h1 className="screen__title" tabIndex={-1}>
        {title}
      </h1>
      {children}
    </div>
  );
}
