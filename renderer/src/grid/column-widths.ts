/**
 * The grid's columns as the user left them, remembered per portfolio (by its id, in the page's
 * localStorage: view settings, not part of the file) and given back when the portfolio is opened
 * again: the widths dragged, and the project columns shown (docs/grid.md «Project columns»).
 */
import { isProjectCol } from '../../../shared/grid/project-cols';

const WIDTHS = 'kolonnebredder';
const PROJECT_COLUMNS = 'projektkolonner';

/** A stored setting, or `fallback` when there is none or it is damaged (a damaged setting only loses itself). */
function read<T>(name: string, portfolioId: string | undefined, check: (stored: unknown) => T | null, fallback: T): T {
  if (!portfolioId) return fallback;
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(`puljeplan.${name}.${portfolioId}`) ?? 'null');
    return check(stored) ?? fallback;
  } catch {
    return fallback;
  }
}

function keep(name: string, portfolioId: string | undefined, value: unknown): void {
  if (!portfolioId) return;
  try {
    localStorage.setItem(`puljeplan.${name}.${portfolioId}`, JSON.stringify(value));
  } catch {
    // Storage full or refused: the setting is not kept, nothing else is affected.
  }
}

export type Widths = Record<string, number>;

export const readWidths = (portfolioId: string | undefined): Widths =>
  read(
    WIDTHS,
    portfolioId,
    (stored) =>
      stored && typeof stored === 'object'
        ? (Object.fromEntries(
            Object.entries(stored).filter(
              ([, w]) => typeof w === 'number' && Number.isFinite(w) && w >= 40 && w <= 2000,
            ),
          ) as Widths)
        : null,
    {},
  );

export const keepWidths = (portfolioId: string | undefined, widths: Widths): void => keep(WIDTHS, portfolioId, widths);

/** The project columns shown (their ids); none until the user picks some in «Kolonner». */
export const readProjectCols = (portfolioId: string | undefined): string[] =>
  read(
    PROJECT_COLUMNS,
    portfolioId,
    (stored) =>
      Array.isArray(stored) ? stored.filter((c): c is string => typeof c === 'string' && isProjectCol(c)) : null,
    [],
  );

export const keepProjectCols = (portfolioId: string | undefined, cols: readonly string[]): void =>
  keep(PROJECT_COLUMNS, portfolioId, cols);
