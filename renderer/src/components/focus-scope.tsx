/**
 * Every dialog's keyboard (issue 15, «Dialogs and keyboard»): it takes the keyboard when it opens
 * (unless it has put it somewhere inside itself), and Tab / Shift+Tab go round inside it instead of
 * escaping to the grid behind. The dialog host (dialogs.tsx) wraps each dialog in one; giving the
 * keyboard back when the last dialog closes is the host's job too.
 */
import { useEffect, useRef, type ReactNode } from 'react';

const FOCUSABLE =
  'button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), [href], [tabindex]:not([tabindex="-1"])';

function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.getClientRects().length > 0);
}

export function FocusScope({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const root = ref.current;
    if (!root || root.contains(document.activeElement)) return;
    const first =
      root.querySelector<HTMLElement>('[data-autofocus]') ??
      focusables(root)[0] ??
      root.querySelector<HTMLElement>('[role="dialog"], [role="alertdialog"]');
    first?.focus();
  }, []);
  return (
    <div
      ref={ref}
      className="pp-focus-scope"
      onKeyDownCapture={(e) => {
        if (e.key !== 'Tab' || !ref.current) return;
        const items = focusables(ref.current);
        if (!items.length) return;
        const i = items.indexOf(document.activeElement as HTMLElement);
        const next = e.shiftKey ? (i <= 0 ? items.length - 1 : i - 1) : i === items.length - 1 || i < 0 ? 0 : i + 1;
        e.preventDefault();
        items[next]!.focus();
      }}
    >
      {children}
    </div>
  );
}
