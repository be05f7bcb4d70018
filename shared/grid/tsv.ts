/**
 * Tab-separated text as Excel and LibreOffice put it on the clipboard: rows end with CRLF (or
 * LF), cells are split by tabs, and a cell holding a tab, a line break or a quote is wrapped in
 * double quotes with its quotes doubled (RFC 4180's rules, with a tab instead of a comma).
 * Excel ends the copied block with a line break, which is not an extra empty row.
 */

/** Splits clipboard text into rows of cells. An empty text is no rows. */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = text.length;
  if (n === 0) return rows;
  for (;;) {
    let cell = '';
    if (text[i] === '"') {
      // A quoted cell: up to the closing quote; "" inside is one quote. Excel only quotes whole
      // cells, so text after the closing quote (malformed) is kept as it is.
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) {
          // No closing quote: not a quoted cell after all; take it literally up to the separator.
          return parseUnquotedFallback(text, rows, row, i);
        }
        cell += text.slice(j, q);
        if (text[q + 1] === '"') {
          cell += '"';
          j = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      const end = nextSeparator(text, i);
      cell += text.slice(i, end);
      i = end;
    } else {
      const end = nextSeparator(text, i);
      cell = text.slice(i, end);
      i = end;
    }
    row.push(cell);
    if (i >= n) {
      rows.push(row);
      break;
    }
    if (text[i] === '\t') {
      i++;
      continue;
    }
    // A line break: \r\n, \n or a lone \r (old Mac).
    i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
    rows.push(row);
    row = [];
    if (i >= n) break; // the trailing line break ends the last row; it is not an empty row
  }
  return rows;
}

function nextSeparator(text: string, from: number): number {
  for (let k = from; k < text.length; k++) {
    const c = text[k];
    if (c === '\t' || c === '\n' || c === '\r') return k;
  }
  return text.length;
}

/** The rest of the text when a quote never closes: plain cells, the quote kept as typed. */
function parseUnquotedFallback(text: string, rows: string[][], row: string[], from: number): string[][] {
  const rest = text.slice(from).replace(/\r\n?/g, '\n');
  const lines = rest.split('\n');
  if (lines[lines.length - 1] === '' && lines.length > 1) lines.pop();
  lines.forEach((line, k) => {
    const cells = line.split('\t');
    if (k === 0) {
      row.push(...cells);
      rows.push(row);
    } else rows.push(cells);
  });
  return rows;
}

/** One cell as Excel writes it: quoted when it holds a tab, a line break or a quote. */
export function tsvCell(value: string): string {
  return /[\t\r\n"]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Rows of cells as clipboard text, each row ended with CRLF as Excel does. */
export function toTsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(tsvCell).join('\t') + '\r\n').join('');
}
