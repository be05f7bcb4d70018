/**
 * The project card's fields as optional columns of the Bilag 1 grid (docs/grid.md «Project
 * columns»): Nr., Fase, Start, Slut and Ansvarlig, on the top-level lines (the projects). They are
 * text, not amounts: a range's sum, fill and paste of amounts pass them by. An entry is read as the
 * side panel's card reads it and saved as one `projects.set`.
 */
import { formatMonth, parseMonth } from '../danish/month';
import {
  PHASES,
  PROJECT_TEXT_LIMITS,
  parsePhase,
  type Parsed,
  type Phase,
  type ReportProject,
} from '../domain/project';

/** A project's fields as the columns show them (a status report's row has them). */
export type ProjectFields = Pick<ReportProject, 'number' | 'phase' | 'start' | 'end' | 'responsible'>;
export type ProjectField = keyof ProjectFields;

export interface ProjectCol {
  colId: string;
  field: ProjectField;
  header: string;
  /** What the header's tooltip and the «Kolonner» menu say. */
  title: string;
  width: number;
}

/** In the order they stand, between the name and the first year. */
export const PROJECT_COLS: readonly ProjectCol[] = [
  { colId: 'p-number', field: 'number', header: 'Nr.', title: 'Nr. (projektnummer)', width: 72 },
  { colId: 'p-phase', field: 'phase', header: 'Fase', title: 'Fase', width: 124 },
  { colId: 'p-start', field: 'start', header: 'Start', title: 'Start (måned)', width: 92 },
  { colId: 'p-end', field: 'end', header: 'Slut', title: 'Slut (måned)', width: 92 },
  { colId: 'p-responsible', field: 'responsible', header: 'Ansvarlig', title: 'Ansvarlig', width: 110 },
];

const byId = new Map(PROJECT_COLS.map((c) => [c.colId, c]));
export const projectCol = (colId: string): ProjectCol | null => byId.get(colId) ?? null;
export const isProjectCol = (colId: string): boolean => byId.has(colId);

/** A field as the cell shows it: months as `mar. 2024`, nothing set as ''. */
export function projectText(fields: ProjectFields | undefined, field: ProjectField): string {
  if (!fields) return '';
  if (field === 'start' || field === 'end') return formatMonth(fields[field]);
  return fields[field] ?? '';
}

/**
 * A phase as typed into a cell: the card's words (parsePhase), or the start of exactly one of them
 * (`gen` is Gennemførelse), as a spreadsheet completes a word from its list.
 */
function phaseEntry(text: string): Parsed<Phase | null> {
  const exact = parsePhase(text);
  if (exact.ok) return exact;
  const t = text.trim();
  const found = PHASES.filter((p) => p.slice(0, t.length).localeCompare(t, 'da', { sensitivity: 'base' }) === 0);
  return found.length === 1 ? { ok: true, value: found[0]! } : exact;
}

/** The card change a cell's entry makes (`projects.set`'s `changes`), or why it cannot be saved. */
export function projectEntry(field: ProjectField, text: string): Parsed<Partial<ProjectFields>> {
  const t = text.trim();
  switch (field) {
    case 'phase': {
      const phase = phaseEntry(t);
      return phase.ok ? { ok: true, value: { phase: phase.value } } : phase;
    }
    case 'start':
    case 'end': {
      const month = parseMonth(t);
      return month.ok ? { ok: true, value: { [field]: month.value } } : month;
    }
    case 'number':
      if (t.length > PROJECT_TEXT_LIMITS.number)
        return { ok: false, message: `Projektnummeret må højst have ${PROJECT_TEXT_LIMITS.number} tegn.` };
      return { ok: true, value: { number: t || null } };
    case 'responsible':
      if (t.length > PROJECT_TEXT_LIMITS.responsible)
        return { ok: false, message: `Ansvarlig må højst have ${PROJECT_TEXT_LIMITS.responsible} tegn.` };
      return { ok: true, value: { responsible: t } };
  }
}
