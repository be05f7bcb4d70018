/**
 * Workbooks for the annex reader's tests: the example annex of docs/domain.md laid out like
 * the fixture (title merged over A1:D1, heading, header, lines, `… i alt`, two blank rows), in
 * variants a sender might make, plus hand-written zips for the files that must be refused.
 */
import ExcelJS from 'exceljs';
import { crc32, deflateRawSync, constants as zlib } from 'node:zlib';
import { formatAmount } from '../../../shared/danish/number';

export const TITLE = 'Bilag 1. Udmøntning af midler til nationale og tværregionale projekter';

/** A line of the example: amounts in thousands of kroner for 2022, 2023 (none for a parent). */
export interface ExampleLine {
  name: string;
  amounts?: number[];
  sub?: boolean;
}

export const EXAMPLE: { pool: string; totalLabel: string; lines: ExampleLine[] }[] = [
  {
    pool: 'Nationale projekter',
    totalLabel: 'Nationale projekter i alt',
    lines: [
      { name: 'LPR3 ID3 - Landspatientregister', amounts: [1500, 2800] },
      { name: 'Integration til national eCPR', amounts: [2100, 0] },
    ],
  },
  {
    pool: 'Fællesregionale projekter',
    totalLabel: 'Fællesregionale projekter i alt',
    lines: [
      { name: 'Klinisk immunologisk IT (KIIT) (Blodbank)', amounts: [4000, 4500] },
      { name: 'Labrek (Laboratorie)', amounts: [400, 0] },
      { name: 'Fællesregionalt udbud af Præhospital Patientjournal (PPJ)', amounts: [1050, 0] },
      { name: 'Integration EPJ-PPJ', amounts: [1500, 2000] },
      { name: 'Fællesregional og kommunal udvikling af Telemedicinsk løsninger (FUT)', amounts: [3700, 0] },
    ],
  },
  {
    pool: 'Vestdansk It Samarbejde',
    totalLabel: 'Vestdansk It Samarbejde puljen i alt',
    lines: [
      { name: 'MUSE EKG' },
      { name: 'MUSE EKG fase 1', amounts: [2700, 0], sub: true },
      { name: 'MUSE EKG fase 2', amounts: [0, 2300], sub: true },
      { name: 'RIAS udbudsprojekt', amounts: [400, 0] },
      { name: 'SIA ankomst - It understøttelse af akutafdelinger', amounts: [700, 0] },
      { name: 'RIS/PACS (Regionalt RM)', amounts: [10000, 0] },
    ],
  },
];

export interface Variant {
  /** Amounts as Danish text (`1.500`, `-` for zero, a no-break space) instead of numbers. */
  textAmounts?: boolean;
  /** Totals (I alt, `… i alt`) as formulas with the result cached (default), without it, or plain values. */
  totals?: 'cached' | 'uncached' | 'values';
  /** Sub-lines marked with a leading `-` (default) or by indenting the cell. */
  subLines?: 'dash' | 'indent';
  /** The header's first cell; null leaves it empty (a row of years only). */
  headerLabel?: string | null;
  /** Columns to the left of the table (0: it starts in column A). */
  offset?: number;
  /** Years as text ('2022') in the header. */
  yearsAsText?: boolean;
  /** A third year column 2024, with these amounts per line (in order, parents skipped). */
  extraYear?: boolean;
  iAlt?: boolean;
  title?: boolean;
  headings?: boolean;
  /** Blank rows (and rows of spaces) inside the tables. */
  blankRows?: boolean;
  perPool?: boolean;
  /** A grand total row after the last table; `wrong` states 28.000 for 2022. */
  grandTotal?: 'right' | 'wrong';
  /** Changes to cells after the layout is written, by A1 address on the first sheet. */
  cells?: Record<string, ExcelJS.CellValue>;
  /** A hidden sheet before the annex holding an old table (which must not be read). */
  hiddenOldSheet?: boolean;
}

const col = (n: number) => String.fromCharCode(64 + n);

function amountCell(thousands: number, v: Variant): ExcelJS.CellValue {
  if (!v.textAmounts) return thousands;
  if (thousands === 0) return '-';
  const text = formatAmount(thousands * 1000);
  return thousands >= 10000 ? ` ${text.replace('.', '\u00a0')} ` : text; // `10 000` with a no-break space
}

function years(v: Variant): (number | string)[] {
  const ys = v.extraYear ? [2022, 2023, 2024] : [2022, 2023];
  return v.yearsAsText ? ys.map(String) : ys;
}

/** Writes one pool's table from `row`; returns the next free row and the pool's sums by year. */
function writeTable(
  ws: ExcelJS.Worksheet,
  row: number,
  pool: (typeof EXAMPLE)[number],
  v: Variant,
): { next: number; sums: number[] } {
  const off = v.offset ?? 0;
  const ys = years(v);
  const put = (r: number, values: ExcelJS.CellValue[]) =>
    values.forEach((value, i) => {
      if (value !== null && value !== undefined) ws.getCell(r, off + 1 + i).value = value;
    });
  const sum = (r: number, from: number, to: number) => `SUM(${col(off + from)}${r}:${col(off + to)}${r})`;
  const total = (formula: string, result: number): ExcelJS.CellValue =>
    v.totals === 'values'
      ? result
      : v.totals === 'uncached'
        ? ({ formula, date1904: false } as ExcelJS.CellFormulaValue)
        : ({ formula, result, date1904: false } as ExcelJS.CellFormulaValue);
  if (v.headings !== false) {
    put(row, [pool.pool]);
    ws.getCell(row, off + 1).font = { bold: true };
    row++;
  }
  const iAlt = v.iAlt === false ? [] : ['I alt'];
  put(row++, [v.headerLabel === undefined ? 'Beløb i 1.000 kr' : v.headerLabel, ...ys, ...iAlt]);
  const first = row;
  const sums = ys.map(() => 0);
  for (const [k, line] of pool.lines.entries()) {
    const amounts = line.amounts ? [...line.amounts, ...(v.extraYear ? [k * 10] : [])] : null;
    const name = line.sub && v.subLines !== 'indent' ? `-${line.name}` : line.name;
    const lineTotal = amounts ? amounts.reduce((a, b) => a + b, 0) : null;
    amounts?.forEach((a, i) => (sums[i] = (sums[i] ?? 0) + a));
    const totalCell = v.iAlt === false || lineTotal === null ? [] : [total(sum(row, 2, ys.length + 1), lineTotal)];
    put(row, [
      name,
      ...(amounts ?? ys.map(() => null)).map((a) => (a === null ? null : amountCell(a, v))),
      ...totalCell,
    ]);
    if (line.sub && v.subLines === 'indent') ws.getCell(row, off + 1).alignment = { indent: 1 };
    row++;
    if (v.blankRows && k === 0) {
      put(row++, ['   ', '\u00a0']);
      row++;
    }
  }
  const totals = sums.map((s, i) => total(`SUM(${col(off + 2 + i)}${first}:${col(off + 2 + i)}${row - 1})`, s));
  const grand =
    v.iAlt === false
      ? []
      : [
          total(
            sum(row, 2, ys.length + 1),
            sums.reduce((a, b) => a + b, 0),
          ),
        ];
  put(row, [pool.totalLabel, ...totals, ...grand]);
  ws.getRow(row).font = { bold: true };
  return { next: row + 3, sums };
}

/** The example annex as an .xlsx, in the given variant. */
export async function exampleWorkbook(v: Variant = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  if (v.hiddenOldSheet) {
    const old = wb.addWorksheet('Gammel', { state: 'hidden' });
    [
      ['Beløb i 1.000 kr', 2019, 'I alt'],
      ['Gammelt projekt', 999, 999],
    ].forEach((r) => old.addRow(r));
  }
  let ws = wb.addWorksheet(v.perPool ? EXAMPLE[0]?.pool : 'Bilag 1');
  let row = 1;
  if (v.title !== false && !v.perPool) {
    ws.getCell('A1').value = TITLE;
    ws.mergeCells('A1:D1');
    row = 3;
  }
  const grand: number[] = [];
  for (const [i, pool] of EXAMPLE.entries()) {
    if (v.perPool && i > 0) {
      ws = wb.addWorksheet(pool.pool);
      row = 1;
    }
    const table = writeTable(ws, row, pool, v);
    table.sums.forEach((s, y) => (grand[y] = (grand[y] ?? 0) + s));
    row = table.next;
  }
  if (v.grandTotal) {
    if (v.grandTotal === 'wrong') grand[0] = (grand[0] ?? 0) - 50;
    const values = ['Total', ...grand, ...(v.iAlt === false ? [] : [grand.reduce((a, b) => a + b, 0)])];
    values.forEach((value, i) => (ws.getCell(row - 1, (v.offset ?? 0) + 1 + i).value = value));
  }
  const first = wb.getWorksheet(v.perPool ? EXAMPLE[0]?.pool : 'Bilag 1');
  for (const [address, value] of Object.entries(v.cells ?? {})) if (first) first.getCell(address).value = value;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A workbook with these rows on one sheet (for tables that are not the example). */
export async function rowsWorkbook(rows: ExcelJS.CellValue[][], sheet = 'Ark1'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  rows.forEach((values, i) =>
    values.forEach((value, c) => {
      if (value !== null) ws.getCell(i + 1, c + 1).value = value;
    }),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ---------- hand-written zips ----------

export interface ZipPart {
  name: string;
  /** Stored as is, or deflated; `raw` is already deflated data with the sizes to declare. */
  data?: string | Buffer;
  raw?: { deflated: Buffer; size: number };
}

/** A zip container (PKWARE APPNOTE 4.3): local headers, central directory, end record. */
export function zip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const plain = part.data === undefined ? null : Buffer.from(part.data);
    const data = part.raw ? part.raw.deflated : deflateRawSync(plain ?? Buffer.alloc(0));
    const size = part.raw ? part.raw.size : (plain?.length ?? 0);
    const crc = plain ? crc32(plain) : 0;
    const name = Buffer.from(part.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>';
const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
const WORKBOOK =
  '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Bilag 1" sheetId="1" r:id="rId1"/></sheets></workbook>';
const WORKBOOK_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';

/** A minimal .xlsx (no shared strings, no styles) with one sheet: rows of inline text and numbers. */
export function minimalXlsx(rows: (string | number | null)[][], after = ''): Buffer {
  const cell = (v: string | number | null, r: number, c: number) => {
    const ref = `${col(c + 1)}${r + 1}`;
    if (v === null) return '';
    if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`;
    return `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
  };
  const data = rows
    .map((cells, r) => `<row r="${r + 1}">${cells.map((v, c) => cell(v, r, c)).join('')}</row>`)
    .join('');
  const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${data}</sheetData>${after}</worksheet>`;
  return zip([
    { name: '[Content_Types].xml', data: CONTENT_TYPES },
    { name: '_rels/.rels', data: ROOT_RELS },
    { name: 'xl/workbook.xml', data: WORKBOOK },
    { name: 'xl/_rels/workbook.xml.rels', data: WORKBOOK_RELS },
    { name: 'xl/worksheets/sheet1.xml', data: sheet },
  ]);
}

/**
 * A zip bomb: a sheet that inflates to `megabytes` MB of zeros from a few hundred KB. The same
 * sync-flushed deflate block of 1 MB of zeros is repeated, so the test never holds the zeros.
 */
export function zipBomb(megabytes: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(1024 * 1024), { finishFlush: zlib.Z_SYNC_FLUSH, level: 9 });
  const last = deflateRawSync(Buffer.alloc(0));
  const deflated = Buffer.concat([...Array.from({ length: megabytes }, () => block), last]);
  return zip([
    { name: '[Content_Types].xml', data: CONTENT_TYPES },
    { name: 'xl/workbook.xml', data: WORKBOOK },
    { name: 'xl/worksheets/sheet1.xml', raw: { deflated, size: megabytes * 1024 * 1024 } },
  ]);
}

/**
 * A zip whose directory tells the truth about nothing: the sheet is declared as 2 KB (a modest
 * ratio) but its deflate stream inflates to `megabytes` MB. Only inflating can tell.
 */
export function lyingZip(megabytes: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(1024 * 1024, 'a'), { finishFlush: zlib.Z_SYNC_FLUSH, level: 9 });
  const head = deflateRawSync(Buffer.from('<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>'), {
    finishFlush: zlib.Z_SYNC_FLUSH,
  });
  const deflated = Buffer.concat([
    head,
    ...Array.from({ length: megabytes }, () => block),
    deflateRawSync(Buffer.from('</t></is></c></row></sheetData></worksheet>')),
  ]);
  return zip([
    { name: '[Content_Types].xml', data: CONTENT_TYPES },
    { name: '_rels/.rels', data: ROOT_RELS },
    { name: 'xl/workbook.xml', data: WORKBOOK },
    { name: 'xl/_rels/workbook.xml.rels', data: WORKBOOK_RELS },
    { name: 'xl/worksheets/sheet1.xml', raw: { deflated, size: 2048 } },
  ]);
}
