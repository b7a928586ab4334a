/** @module The page's single h1: sets the document title and takes focus after a client-side navigation. */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from './i18n.tsx';

let focusOnNextHeading = false;

/** Called by the router on navigation so the next page's h1 is focused (announced by screen readers). */
export function requestHeadingFocus(): void {
  focusOnNextHeading = true;
}

export function PageHeading({ title, children }: { title: string; children?: ComponentChildren }) {
  const { t } = useI18n();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  useEffect(() => {
    if (focusOnNextHeading && ref.current) {
      focusOnNextHeading = false;
      ref.current.focus();
    }
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children ?? title}
    </h1>
  );
}
