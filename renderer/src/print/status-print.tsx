/**
 * The monthly status report as printed (docs/print.md, docs/domain.md «Projects and monthly
 * status»): A4 landscape, the RSI report's columns, each light as a coloured dot with its word
 * (readable in black and white), remarks wrapped, and optionally the month before's light under it.
 */
import { formatMonth } from '../../../shared/danish/month';
import { LIGHT_FIELDS } from '../../../shared/domain/project';
import { STATUS_HEADINGS, type StatusDocument } from '../../../shared/print/document';

const LIGHT_CLASS: Record<string, string> = { grøn: 'pp-light-green', gul: 'pp-light-yellow', rød: 'pp-light-red' };

function Light({ word, before }: { word: string; before: string | null }) {
  const known = LIGHT_CLASS[word];
  return (
    <>
      <span className={`pp-dot ${known ?? 'pp-light-none'}`} aria-hidden="true">
        {known ? '●' : '○'}
      </span>{' '}
      <span className="pp-print-light">{known ? word : 'ikke vurderet'}</span>
      {before !== null && <div className="pp-print-before">før: {LIGHT_CLASS[before] ? before : '-'}</div>}
    </>
  );
}

export function StatusPrint({ doc }: { doc: StatusDocument }) {
  const { report } = doc;
  return (
    <>
      <h1 className="pp-print-title">Statusrapport {formatMonth(report.month)}</h1>
      <table className="pp-print-table pp-print-status">
        <colgroup>
          {['5%', '14%', '6.5%', '9%', '8.5%', '8.5%', '8.5%', '8.5%', '19.5%', '12%'].map((w, i) => (
            <col key={i} style={{ width: w }} />
          ))}
        </colgroup>
        <thead>
          <tr className="pp-print-columns">
            {STATUS_HEADINGS.map((h) => (
              <th key={h}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.projects.map((p, i) => (
            <tr key={i}>
              <td>{p.number ?? ''}</td>
              <td className="pp-print-wrap">{p.name}</td>
              <td>{formatMonth(p.end)}</td>
              <td>{p.phase ?? ''}</td>
              {LIGHT_FIELDS.map((f) => (
                <td key={f}>
                  <Light word={p.status[f]} before={doc.showPrevious && p.previous ? p.previous[f] : null} />
                </td>
              ))}
              <td className="pp-print-wrap">{p.remark}</td>
              <td className="pp-print-wrap">{p.purpose}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {!report.projects.length && <p>Porteføljen har ingen projekter.</p>}
    </>
  );
}
