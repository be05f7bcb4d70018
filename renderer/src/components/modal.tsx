/**
 * The frame of a larger dialog (the merge review, the backup list): a dimmed backdrop, a title,
 * Esc cancels (except while typing in a field), and keys stay inside, away from the grid.
 */
import { useEffect, useRef, type ReactNode } from 'react';

interface Props {
  title: ReactNode;
  /** Unique among dialogs: names the dialog for screen readers. */
  titleId: string;
  className: string;
  testId?: string;
  onCancel: () => void;
  /** A click beside the dialog cancels it (not where the user has made choices to lose). */
  backdropCancels?: boolean;
  children: ReactNode;
}

const typing = (t: EventTarget) =>
  t instanceof HTMLTextAreaElement || (t instanceof HTMLInputElement && (t.type === 'text' || t.type === 'search'));

export function Modal({ title, titleId, className, testId, onCancel, backdropCancels = true, children }: Props) {
  const dialog = useRef<HTMLDivElement>(null);
  // The keyboard comes into the dialog, unless a child has already put it somewhere inside.
  useEffect(() => {
    if (!dialog.current?.contains(document.activeElement)) dialog.current?.focus();
  }, []);
  return (
    <div className="pp-overlay" onMouseDown={backdropCancels ? onCancel : undefined}>
      <div
        ref={dialog}
        tabIndex={-1}
        className={`pp-dialog ${className}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid={testId}
        onMouseDown={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && !typing(e.target)) onCancel();
          e.stopPropagation();
        }}
      >
        <h2 id={titleId}>{title}</h2>
        {children}
      </div>
    </div>
  );
}
