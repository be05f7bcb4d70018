/**
 * Bilag 1 as printed (docs/print.md): the title, per pool its heading and the column row
 * `Beløb i 1.000 kr | years | I alt` (a table head, so Chromium repeats both on every page the
 * pool runs onto), lines and indented sub-lines, bold `<pulje> i alt`, and the total. Amounts in
 * 1.000 kr as the grid and the export show them; a year without money is 0 (docs/grid.md).
 */
import { formatAmount } from '../../../shared/danish/number';
import type { AnnexDocument, PrintPool } from '../../../shared/print/document';

/** Up to this many years the amounts have their full width; more share what the names leave. */
const ROOMY_YEARS = 6;

function Columns({ years }: { years: number[] }) {
  const width = years.length > ROOMY_YEARS ? `calc((100% - 62mm) / ${years.length + 1})` : undefined;
  return (
    <colgroup>
      <col className="pp-print-name-col" />
      {[...years, 'total'].map((y) => (
        <col key={y} className="pp-print-amount-col" style={width ? { width } : undefined} />
      ))}
    </colgroup>
  );
}

function PoolTable({ pool, years }: { pool: PrintPool; years: number[] }) {
  return (
    <table className="pp-print-table" data-pool={pool.name}>
      <Columns years={years} />
      <thead>
        <tr className="pp-print-pool-heading">
          <th colSpan={years.length + 2}>{pool.name}</th>
        </tr>
        <tr className="pp-print-columns">
          <th>Beløb i 1.000 kr</th>
          {years.map((y) => (
            <th key={y} className="pp-num">
              {y}
            </th>
          ))}
          <th className="pp-num">I alt</th>
        </tr>
      </thead>
      <tbody>
        {pool.rows.map((r, i) => (
          <tr key={i} className={r.depth ? 'pp-print-sub' : undefined}>
            <td>{r.depth ? `-${r.name}` : r.name}</td>
            {r.values.map((v, j) => (
              <td key={j} className="pp-num">
                {formatAmount(v ?? 0)}
              </td>
            ))}
            <td className="pp-num">{formatAmount(r.total)}</td>
          </tr>
        ))}
        <tr className="pp-print-total">
          <th>{pool.name} i alt</th>
          {pool.totals.map((v, j) => (
            <th key={j} className="pp-num">
              {formatAmount(v)}
            </th>
          ))}
          <th className="pp-num">{formatAmount(pool.total)}</th>
        </tr>
      </tbody>
    </table>
  );
}

function Descriptions({ doc }: { doc: AnnexDocument }) {
  if (!doc.descriptions) return null;
  return (
    <section className="pp-print-descriptions">
      <h2>Beskrivelser</h2>
      <table className="pp-print-table pp-print-text">
        <colgroup>
          <col style={{ width: '22%' }} />
          <col style={{ width: '28%' }} />
          <col />
        </colgroup>
        <thead>
          <tr className="pp-print-columns">
            <th>Pulje</th>
            <th>Projekt</th>
            <th>Beskrivelse</th>
          </tr>
        </thead>
        <tbody>
          {doc.descriptions.map((d, i) => (
            <tr key={i} className={d.line ? undefined : 'pp-print-total'}>
              <td>{d.pool}</td>
              <td className={d.depth ? 'pp-print-indent' : undefined}>{d.line}</td>
              <td className="pp-print-wrap">{d.text}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function AnnexPrint({ doc }: { doc: AnnexDocument }) {
  return (
    <div className={doc.years.length > ROOMY_YEARS ? 'pp-print-many-years' : undefined}>
      <h1 className="pp-print-title">{doc.title}</h1>
      {doc.pools.map((pool, i) => (
        <PoolTable key={i} pool={pool} years={doc.years} />
      ))}
      <table className="pp-print-table pp-print-grand">
        <Columns years={doc.years} />
        <tbody>
          <tr className="pp-print-total">
            <th>Total</th>
            {doc.grandTotals.map((v, j) => (
              <th key={j} className="pp-num">
                {formatAmount(v)}
              </th>
            ))}
            <th className="pp-num">{formatAmount(doc.grandTotal)}</th>
          </tr>
        </tbody>
      </table>
      <Descriptions doc={doc} />
    </div>
  );
}
