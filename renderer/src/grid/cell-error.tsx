/**
 * An invalid entry stays in its cell, as in Excel (docs/grid.md, «An invalid entry stays in its
 * cell»): the grid blocks the commit (`invalidEditValueMode: 'block'` with the columns'
 * `getValidationErrors`), and this puts the reason next to the cell when the user tries to leave
 * it with Enter, Tab or a click; Esc closes the editor and the old value stays.
 */
import { useEffect, useState, type RefObject } from 'react';
import { parseEntry } from '../../../shared/danish/formula';
import { NAME_COL, yearOfCol } from '../../../shared/grid/edit';
import { projectCol, projectEntry } from '../../../shared/grid/project-cols';

/** Why the text typed into this column cannot be saved, in Danish; null when it can. */
export function entryError(colId: string, text: string): string | null {
  if (colId === NAME_COL) return text.trim() ? null : 'Navnet må ikke være tomt.';
  const project = projectCol(colId);
  if (project) {
    const parsed = projectEntry(project.field, text);
    return parsed.ok ? null : parsed.message;
  }
  if (yearOfCol(colId) === null) return null;
  const parsed = parseEntry(text);
  return parsed.ok ? null : parsed.message;
}

/** The open editor's input and its column, if the keyboard is in one. */
export function openEditor(target: EventTarget | null): { input: HTMLInputElement; colId: string } | null {
  if (!(target instanceof HTMLInputElement)) return null;
  const colId = target.closest('.ag-cell-inline-editing')?.getAttribute('col-id');
  return colId ? { input: target, colId } : null;
}

interface Shown {
  text: string;
  top: number;
  left: number;
}

/** The message beside the editing cell, shown after a refused Enter, Tab or click away. */
export function useCellError(wrapRef: RefObject<HTMLDivElement | null>) {
  const [shown, setShown] = useState<Shown | null>(null);

  useEffect(() => {
    const wrap = wrapRef.current;
    if (!wrap) return;
    const check = (input: HTMLInputElement, colId: string) => {
      const text = entryError(colId, input.value);
      const cell = input.closest('.ag-cell');
      if (!text || !cell) return setShown(null);
      const box = cell.getBoundingClientRect();
      const origin = wrap.getBoundingClientRect();
      setShown({ text, top: box.bottom - origin.top + 2, left: box.left - origin.left });
    };
    const onKey = (e: KeyboardEvent) => {
      const editor = openEditor(e.target);
      if (!editor) return;
      if (e.key === 'Escape') setShown(null);
      else if ((e.key === 'Enter' || e.key === 'Tab') && !e.ctrlKey && !e.metaKey) check(editor.input, editor.colId);
    };
    const onPointer = (e: PointerEvent) => {
      const input = wrap.querySelector<HTMLInputElement>('.ag-cell-inline-editing input');
      const editor = openEditor(input);
      if (editor && !(e.target instanceof Node && editor.input.closest('.ag-cell')?.contains(e.target)))
        check(editor.input, editor.colId);
    };
    wrap.addEventListener('keydown', onKey, true);
    document.addEventListener('pointerdown', onPointer, true);
    return () => {
      wrap.removeEventListener('keydown', onKey, true);
      document.removeEventListener('pointerdown', onPointer, true);
    };
  }, [wrapRef]);

  const element = shown && (
    <div className="pp-cell-error" role="alert" data-testid="cell-error" style={{ top: shown.top, left: shown.left }}>
      <strong>Den værdi, du har angivet, er ikke gyldig.</strong> {shown.text} Tryk Esc for at fortryde.
    </div>
  );
  return { element, hide: () => setShown(null) };
}
