/**
 * The documents the print view renders (shared/print/document.ts; docs/print.md), built from the
 * export's own choices: the same years rule (chooseYears) and the same layout (layOut), so Bilag 1
 * on paper and in Excel agree. Pools can be chosen by name, as the annex for one case often needs.
 */
import { sameName } from '../../shared/domain/names';
import type { StatusReport } from '../../shared/domain/project';
import { annexDocument, type AnnexDocument, type PrintFooter, type StatusDocument } from '../../shared/print/document';
import { UserError } from '../core/errors';
import type { PortfolioData } from './export';
import { chooseYears, layOut } from './export-layout';

export interface AnnexPrintChoices {
  /** Pool names (Danish name rules); all pools when left out. */
  pools?: string[];
  years?: number[];
  descriptions: boolean;
  charts?: boolean;
}

/** The pools named, in the portfolio's order; a name no pool has is refused with the names there are. */
export function choosePools<P extends { name: string }>(all: readonly P[], wanted: readonly string[] | undefined): P[] {
  if (wanted === undefined) return [...all];
  if (!wanted.length) throw new UserError('Vælg mindst én pulje til udskriften.', 'invalid-args');
  const unknown = wanted.filter((w) => !all.some((p) => sameName(p.name, w)));
  if (unknown.length)
    throw new UserError(
      `Puljen ${unknown.map((u) => `«${u}»`).join(', ')} findes ikke (${all.map((p) => p.name).join(', ')}).`,
      'invalid-args',
    );
  return all.filter((p) => wanted.some((w) => sameName(p.name, w)));
}

export function annexPrintDocument(
  data: PortfolioData,
  choices: AnnexPrintChoices,
  footer: PrintFooter,
): AnnexDocument {
  const pools = choosePools(data.pools, choices.pools);
  const years = chooseYears(data.years, choices.years);
  const layout = layOut({ ...data, pools }, years);
  const doc = annexDocument(layout, {
    title: data.meta.title,
    footer,
    descriptions: choices.descriptions,
    withCharts: choices.charts ?? false,
  });
  if (!doc.withCharts) return doc;
  // The charts show what the print shows: the chosen pools and years (renderer/src/print/chart-slot.ts).
  const poolIds = new Set(pools.map((p) => p.id));
  return { ...doc, chartInput: { years, pools, lines: [...data.lines].filter((l) => poolIds.has(l.poolId)) } };
}

export function statusPrintDocument(
  report: StatusReport,
  footer: PrintFooter,
  options: { showPrevious?: boolean; charts?: boolean } = {},
): StatusDocument {
  return {
    kind: 'status',
    report,
    showPrevious: options.showPrevious ?? false,
    footer,
    withCharts: options.charts ?? false,
    charts: [],
  };
}
