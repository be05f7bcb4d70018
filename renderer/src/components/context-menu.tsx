/** Our own context menu (Community has none): right-click or the menu key on the grid. */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';

export interface MenuItem {
  label: string;
  keys?: string;
  run: () => unknown;
  disabled?: boolean;
  /** A choice that is on or off (a column shown): ticked when on. */
  checked?: boolean;
}
export type MenuEntry = MenuItem | 'separator';

interface Props {
  x: number;
  y: number;
  items: MenuEntry[];
  onClose: () => void;
  testId?: string;
  /** The button that opened the menu: a press on it is not "away" (the button closes the menu itself). */
  anchor?: HTMLElement | null;
}

export function ContextMenu({ x, y, items, onClose, testId = 'context-menu', anchor }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState({ left: x, top: y });
  // The keyboard goes back where it was (the grid's cell) when the menu closes.
  const previous = useRef(document.activeElement);
  const restoreFocus = () => {
    const el = previous.current;
    const lost =
      !document.activeElement ||
      document.activeElement === document.body ||
      ref.current?.contains(document.activeElement);
    if (lost && el instanceof HTMLElement && el.isConnected) el.focus();
  };
  useLayoutEffect(() => restoreFocus, []);
  const buttons = () => [...(ref.current?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)') ?? [])];

  // Keep the menu inside the window.
  useLayoutEffect(() => {
    const r = ref.current?.getBoundingClientRect();
    if (!r) return;
    setPos({
      left: Math.max(4, Math.min(x, window.innerWidth - r.width - 4)),
      top: Math.max(4, Math.min(y, window.innerHeight - r.height - 4)),
    });
    buttons()[0]?.focus();
  }, [x, y]);

  useEffect(() => {
    const away = (e: MouseEvent) => {
      const target = e.target as Node;
      if (!ref.current?.contains(target) && !anchor?.contains(target)) onClose();
    };
    document.addEventListener('mousedown', away, true);
    window.addEventListener('blur', onClose);
    return () => {
      document.removeEventListener('mousedown', away, true);
      window.removeEventListener('blur', onClose);
    };
  }, [onClose, anchor]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    const list = buttons();
    const i = list.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape' || e.key === 'Tab') onClose();
    else if (e.key === 'ArrowDown') list[(i + 1) % list.length]?.focus();
    else if (e.key === 'ArrowUp') list[(i - 1 + list.length) % list.length]?.focus();
    else return e.stopPropagation();
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <div
      ref={ref}
      className="pp-menu"
      role="menu"
      style={pos}
      onKeyDown={onKeyDown}
      onContextMenu={(e) => e.preventDefault()}
      data-testid={testId}
    >
      {items.map((item, i) =>
        item === 'separator' ? (
          <div key={i} className="pp-menu-sep" role="separator" />
        ) : (
          <button
            key={item.label}
            type="button"
            role={item.checked === undefined ? 'menuitem' : 'menuitemcheckbox'}
            aria-checked={item.checked}
            disabled={item.disabled}
            onClick={() => {
              // Focus goes back before the command runs, so a command that moves it (an editor
              // opening on a new line) is not undone by the menu closing afterwards.
              restoreFocus();
              onClose();
              void item.run();
            }}
          >
            {item.checked !== undefined && (
              <span className="pp-menu-check" aria-hidden="true">
                {item.checked ? '✓' : ''}
              </span>
            )}
            <span>{item.label}</span>
            {item.keys && <span className="pp-menu-keys">{item.keys}</span>}
          </button>
        ),
      )}
    </div>
  );
}
