/**
 * Column widths the user dragged, remembered per portfolio (by its id, in the page's localStorage:
 * a view setting, not part of the file) and given back when the portfolio is opened again.
 */
const key = (portfolioId: string) => `puljeplan.kolonnebredder.${portfolioId}`;

export type Widths = Record<string, number>;

export function readWidths(portfolioId: string | undefined): Widths {
  if (!portfolioId) return {};
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(key(portfolioId)) ?? '{}');
    if (!stored || typeof stored !== 'object') return {};
    return Object.fromEntries(
      Object.entries(stored).filter(([, w]) => typeof w === 'number' && Number.isFinite(w) && w >= 40 && w <= 2000),
    ) as Widths;
  } catch {
    return {}; // a damaged setting only loses the widths
  }
}

export function keepWidths(portfolioId: string | undefined, widths: Widths): void {
  if (!portfolioId) return;
  try {
    localStorage.setItem(key(portfolioId), JSON.stringify(widths));
  } catch {
    // Storage full or refused: the widths are not kept, nothing else is affected.
  }
}
