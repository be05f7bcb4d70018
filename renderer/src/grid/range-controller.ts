/**
 * Excel's range gestures on AG Grid Community, which has none: a mouse drag, Shift+click,
 * Shift+arrows and Ctrl+A select; the fill handle (the range's corner) is dragged to fill;
 * Ctrl+C/Ctrl+V go through the DOM copy/paste events (no clipboard permission needed, which
 * Electron denies); Delete/Backspace clear; Ctrl+D fills down; the menu key opens our menu.
 * Keys are taken in the capture phase on the grid's wrapper: the grid acts on a key before
 * its own callbacks run (docs/grid.md, "Keyboard").
 */
import type { GridApi } from 'ag-grid-community';
import { extend, all, fillTarget, single, type Bounds, type CellPos } from '../../../shared/grid/range';
import type { GridView } from '../../../shared/grid/edit';
import type { GridRow } from '../../../shared/grid/row-model';
import type { RangeSelection } from './selection';

export interface RangeCommands {
  copy(b: Bounds): string | null;
  paste(text: string): void;
  clear(): void;
  fillDown(): void;
  fill(seed: Bounds, target: Bounds): void;
  contextMenu(x: number, y: number): void;
}

export interface RangeDeps extends RangeCommands {
  selection: RangeSelection;
  api(): GridApi<GridRow> | null;
  view(): GridView;
}

const CORNER = 9; // px of the fill handle, at the range's bottom-right corner

const isTextField = (t: EventTarget | null) =>
  t instanceof HTMLElement &&
  (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable);

export function cellAt(target: EventTarget | null, cols: readonly string[]): CellPos | null {
  const cell = target instanceof Element ? target.closest('.ag-cell') : null;
  const index = cell?.closest('.ag-row')?.getAttribute('row-index');
  if (!cell || !index || !/^\d+$/.test(index)) return null;
  const col = cols.indexOf(cell.getAttribute('col-id') ?? '');
  return col < 0 ? null : { row: Number(index), col };
}

export interface RangeEditing {
  detach(): void;
  /** True while a mouse press makes the range: the grid's focus event then must not collapse it. */
  mouseOwnsFocus(): boolean;
}

export function attachRangeEditing(el: HTMLElement, deps: RangeDeps): RangeEditing {
  const sel = deps.selection;
  let drag: { kind: 'select' } | { kind: 'fill'; seed: Bounds } | null = null;
  /** Set while the mouse makes the range, so the grid's focus event does not collapse it. */
  let mouseOwnsFocus = false;

  const scrollTo = (pos: CellPos) => {
    const api = deps.api();
    const colId = deps.view().cols[pos.col];
    api?.ensureIndexVisible(pos.row);
    if (colId) api?.ensureColumnVisible(colId);
  };

  const onMouseDown = (e: MouseEvent) => {
    if (e.button === 2) {
      // A right-click inside the range keeps it (the menu acts on it); outside, the cell is the range.
      const pos = cellAt(e.target, deps.view().cols);
      const b = sel.bounds();
      mouseOwnsFocus =
        !!pos && !!b && pos.row >= b.top && pos.row <= b.bottom && pos.col >= b.left && pos.col <= b.right;
      return;
    }
    if (e.button !== 0 || isTextField(e.target)) return;
    const target = e.target as Element;
    if (target.closest('.pp-fold, .ag-drag-handle, .ag-row-drag')) return;
    const pos = cellAt(target, deps.view().cols);
    if (!pos) return;
    const cell = target.closest('.ag-cell')!;
    const rect = cell.getBoundingClientRect();
    const b = sel.bounds();
    if (
      b &&
      cell.classList.contains('pp-sel-corner') &&
      e.clientX > rect.right - CORNER &&
      e.clientY > rect.bottom - CORNER
    ) {
      drag = { kind: 'fill', seed: b };
      mouseOwnsFocus = true;
      e.preventDefault();
      e.stopPropagation();
      return;
    }
    mouseOwnsFocus = true;
    drag = { kind: 'select' };
    if (e.shiftKey && sel.range) {
      sel.set({ anchor: sel.range.anchor, focus: pos });
      e.preventDefault(); // no text selection between the two clicks
    } else sel.set(single(pos));
  };

  const onMouseMove = (e: MouseEvent) => {
    if (!drag || !(e.buttons & 1)) return;
    const pos = cellAt(e.target, deps.view().cols);
    if (!pos) return;
    e.preventDefault();
    if (drag.kind === 'select' && sel.range) sel.set({ anchor: sel.range.anchor, focus: pos });
    else if (drag.kind === 'fill' && sel.range) sel.set(sel.range, fillTarget(drag.seed, pos.row, pos.col));
  };

  const onMouseUp = () => {
    const d = drag;
    drag = null;
    setTimeout(() => (mouseOwnsFocus = false), 0);
    if (d?.kind !== 'fill' || !sel.range) return;
    const target = sel.fillPreview;
    if (!target) return sel.set(sel.range);
    sel.set({ anchor: { row: target.top, col: target.left }, focus: { row: target.bottom, col: target.right } });
    deps.fill(d.seed, target);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (isTextField(e.target) || deps.api()?.getEditingCells().length) return;
    const mod = e.ctrlKey || e.metaKey;
    const key = e.key.toLowerCase();
    const take = (fn: () => void) => {
      e.preventDefault();
      e.stopPropagation();
      fn();
    };
    const { rows, cols } = deps.view();
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    const move = moves[e.key];
    if (e.shiftKey && !mod && !e.altKey && move && sel.range) {
      return take(() => {
        const next = extend(sel.range!, move[0], move[1], rows.length, cols.length);
        sel.set(next);
        scrollTo(next.focus);
      });
    }
    if (mod && !e.shiftKey && !e.altKey && key === 'a') return take(() => sel.set(all(rows.length, cols.length)));
    if (mod && !e.shiftKey && !e.altKey && key === 'd') return take(() => deps.fillDown());
    if (!mod && !e.altKey && (e.key === 'Delete' || e.key === 'Backspace') && sel.range)
      return take(() => deps.clear());
    if (e.key === 'ContextMenu' || (e.shiftKey && e.key === 'F10')) {
      return take(() => {
        const focused = document.activeElement?.closest('.ag-cell') ?? el.querySelector('.ag-cell-focus');
        const r = focused?.getBoundingClientRect() ?? el.getBoundingClientRect();
        deps.contextMenu(r.left + 12, r.bottom - 4);
      });
    }
  };

  /** Copy and paste events go to the document (their target follows the text selection, not the focus): ours when the grid has the focus. */
  const gridHasFocus = () => {
    const active = document.activeElement;
    return !!active && el.contains(active) && !isTextField(active) && !deps.api()?.getEditingCells().length;
  };
  const onCopy = (e: ClipboardEvent) => {
    const b = sel.bounds();
    if (!gridHasFocus() || !b || !e.clipboardData) return;
    const text = deps.copy(b);
    if (text === null) return;
    e.clipboardData.setData('text/plain', text);
    e.preventDefault();
  };
  const onPaste = (e: ClipboardEvent) => {
    if (!gridHasFocus() || !e.clipboardData) return;
    e.preventDefault();
    deps.paste(e.clipboardData.getData('text/plain'));
  };
  const onContextMenu = (e: MouseEvent) => {
    const pos = cellAt(e.target, deps.view().cols);
    if (!pos) return;
    e.preventDefault();
    if (!mouseOwnsFocus) {
      const colId = deps.view().cols[pos.col];
      if (colId) deps.api()?.setFocusedCell(pos.row, colId);
    }
    deps.contextMenu(e.clientX, e.clientY);
  };

  el.addEventListener('mousedown', onMouseDown, true);
  el.addEventListener('keydown', onKeyDown, true);
  el.addEventListener('contextmenu', onContextMenu, true);
  document.addEventListener('mousemove', onMouseMove);
  document.addEventListener('mouseup', onMouseUp);
  document.addEventListener('copy', onCopy);
  document.addEventListener('paste', onPaste);
  const detach = () => {
    el.removeEventListener('mousedown', onMouseDown, true);
    el.removeEventListener('keydown', onKeyDown, true);
    el.removeEventListener('contextmenu', onContextMenu, true);
    document.removeEventListener('mousemove', onMouseMove);
    document.removeEventListener('mouseup', onMouseUp);
    document.removeEventListener('copy', onCopy);
    document.removeEventListener('paste', onPaste);
  };
  return { detach, mouseOwnsFocus: () => mouseOwnsFocus };
}
