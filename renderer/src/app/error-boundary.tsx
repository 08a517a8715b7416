import { Component, type ErrorInfo, type ReactNode } from 'react';
import { ErrorFallback } from './error-fallback';

export interface ErrorBoundaryProps {
  readonly scope: 'app' | 'screen';
  readonly children: ReactNode;
}

interface ErrorBoundaryState {
  readonly failed: boolean;
}

/**
 * Catches a render error below it, logs it (the detail is for the log, not the user) and shows a translated message
 * with "Try again", which renders the children afresh. A class because React offers error boundaries only as classes.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { failed: false };

  static getDerivedStateFromError(): ErrorBoundaryState {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(`Focal Desk: the ${this.props.scope} failed to render`, error, info.componentStack);
  }

  private readonly retry = (): void => {
    this.setState({ failed: false });
  };

  override render(): ReactNode {
    if (this.state.failed) return <ErrorFallback scope={this.props.scope} onRetry={this.retry} />;
    return this.props.children;
  }
}
