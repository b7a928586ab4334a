/** @module Catches a rendering error in a page so the header and navigation keep working. */
import { Component, type ComponentChildren } from 'preact';
import { LoadFailed } from './load-failed.tsx';

interface Props {
  children: ComponentChildren;
  /** Changing it (the URL) clears a previous error. */
  resetKey: string;
}

export class PageErrorBoundary extends Component<Props, { failedAt: string | null }> {
  override state = { failedAt: null as string | null };

  override componentDidCatch(error: unknown): void {
    console.error(error);
    this.setState({ failedAt: this.props.resetKey });
  }

  override render() {
    return this.state.failedAt !== null && this.state.failedAt === this.props.resetKey ? <LoadFailed /> : this.props.children;
  }
}
