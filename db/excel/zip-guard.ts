/**
 * An .xlsx is a zip. Before any parser sees a workbook from elsewhere, its zip directory is read
 * here from the bytes (End Of Central Directory, then the central directory; PKWARE APPNOTE 6.3,
 * sections 4.3.12 and 4.3.16) and checked against limits, so that a zip bomb is refused without
 * being inflated (docs/files.md: 305 KB of zip held 300 MB of XML).
 * storedZipStream then hands the checked parts to exceljs, inflating each within the size and
 * CRC-32 its directory entry declared, since a deflate stream can hold more than it says.
 */
import { createInflateRaw, crc32, inflateRawSync } from 'node:zlib';
import { UserError } from '../core/errors';

export const ZIP_LIMITS = {
  /** The file itself; a 100,000-line annex is about 10 MB. */
  maxFileBytes: 100 * 1024 * 1024,
  maxEntries: 10_000,
  maxTotalUncompressed: 500 * 1024 * 1024,
  /** Inflation ratio allowed for an entry (and the whole file) of more than `ratioFloor` bytes. */
  maxRatio: 200,
  ratioFloor: 1024 * 1024,
};

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export interface ZipDirectory {
  entries: ZipEntry[];
  /** Where the central directory starts: the local entries lie before it. */
  centralOffset: number;
}

const SIG = { local: 0x04034b50, central: 0x02014b50, end: 0x06054b50, zip64Locator: 0x07064b50 };
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const MAX_32 = 0xffffffff;

const mb = (bytes: number) => `${Math.ceil(bytes / (1024 * 1024)).toLocaleString('da-DK')} MB`;

export const zipMessages = {
  notWorkbook: (f: string) =>
    `«${f}» er ikke en Excel-projektmappe (.xlsx). Åbn filen i Excel, gem den som «Excel-projektmappe (*.xlsx)», og prøv igen.`,
  openDocument: (f: string) =>
    `«${f}» er et OpenDocument-regneark (.ods), ikke en Excel-projektmappe. Åbn den i LibreOffice, vælg Filer → Gem som, gem den som «Excel-projektmappe (.xlsx)», og prøv igen.`,
  oldOrLocked: (f: string) =>
    `«${f}» er en ældre Excel-fil (.xls) eller en projektmappe med adgangskode. Gem den i Excel som «Excel-projektmappe (*.xlsx)» uden adgangskode, og prøv igen.`,
  damaged: (f: string, why: string) =>
    `«${f}» er beskadiget (${why}) og kan ikke læses. Bed afsenderen om at sende filen igen.`,
  tooLarge: (f: string, why: string) => `«${f}» er for stor til at blive læst som et bilag: ${why}.`,
  odd: (f: string, why: string) =>
    `«${f}» kan ikke læses: ${why}. Gem den i Excel som «Excel-projektmappe (*.xlsx)», og prøv igen.`,
};

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** Finds the End Of Central Directory record: 22 bytes plus a comment of at most 65,535. */
function findEnd(view: DataView): number {
  const last = view.byteLength - 22;
  for (let at = last; at >= 0 && at >= last - 0xffff; at--) {
    if (view.getUint32(at, true) === SIG.end && at + 22 + view.getUint16(at + 20, true) <= view.byteLength) return at;
  }
  return -1;
}

function readEntry(view: DataView, at: number, fail: (why: string) => never): { entry: ZipEntry; next: number } {
  if (at + 46 > view.byteLength || view.getUint32(at, true) !== SIG.central)
    fail('zip-indholdsfortegnelsen er ødelagt');
  const nameLength = view.getUint16(at + 28, true);
  const nameBytes = new Uint8Array(
    view.buffer,
    view.byteOffset + at + 46,
    Math.min(nameLength, view.byteLength - at - 46),
  );
  const entry: ZipEntry = {
    name: new TextDecoder().decode(nameBytes),
    flags: view.getUint16(at + 8, true),
    method: view.getUint16(at + 10, true),
    crc32: view.getUint32(at + 16, true),
    compressedSize: view.getUint32(at + 20, true),
    uncompressedSize: view.getUint32(at + 24, true),
    localHeaderOffset: view.getUint32(at + 42, true),
  };
  const next = at + 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  return { entry, next };
}

/** Reads the zip directory; throws UserError when the bytes are not a readable zip. */
export function readZipDirectory(bytes: Uint8Array, fileName: string): ZipDirectory {
  const fail = (why: string): never => {
    throw new UserError(zipMessages.damaged(fileName, why));
  };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEnd(view);
  if (end < 0) fail('zip-indholdsfortegnelsen mangler; filen er måske ikke hentet helt');
  if (end >= 20 && view.getUint32(end - 20, true) === SIG.zip64Locator) {
    throw new UserError(zipMessages.odd(fileName, 'den er gemt i ZIP64-formatet, som et bilag ikke har brug for'));
  }
  if (view.getUint16(end + 4, true) !== 0 || view.getUint16(end + 6, true) !== 0) {
    throw new UserError(zipMessages.odd(fileName, 'den er en delt zip-fil (flere dele)'));
  }
  const count = view.getUint16(end + 10, true);
  const centralSize = view.getUint32(end + 12, true);
  const centralOffset = view.getUint32(end + 16, true);
  if (count === 0xffff || centralSize === MAX_32 || centralOffset === MAX_32) {
    throw new UserError(zipMessages.odd(fileName, 'den er gemt i ZIP64-formatet, som et bilag ikke har brug for'));
  }
  if (count > ZIP_LIMITS.maxEntries) {
    throw new UserError(
      zipMessages.tooLarge(
        fileName,
        `den har ${count.toLocaleString('da-DK')} dele (højst ${ZIP_LIMITS.maxEntries.toLocaleString('da-DK')})`,
      ),
    );
  }
  if (centralOffset + centralSize > end) fail('zip-indholdsfortegnelsen peger uden for filen');
  const entries: ZipEntry[] = [];
  for (let i = 0, at = centralOffset; i < count; i++) {
    const { entry, next } = readEntry(view, at, fail);
    entries.push(entry);
    at = next;
  }
  return { entries, centralOffset };
}

/** Where an entry's compressed data starts: after its local header, name and extra field. */
export function entryDataOffset(view: DataView, entry: ZipEntry): number {
  const at = entry.localHeaderOffset;
  return at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
}

/** Checks one entry's header and that its data lies inside the file. */
function checkEntry(view: DataView, entry: ZipEntry, dir: ZipDirectory, fileName: string): void {
  const odd = (why: string) => new UserError(zipMessages.odd(fileName, why));
  if (entry.flags & 0x41) throw odd(`delen «${entry.name}» er krypteret`);
  if (entry.method !== 0 && entry.method !== 8)
    throw odd(`delen «${entry.name}» er pakket på en måde, som Puljeplan ikke kender (metode ${entry.method})`);
  if (entry.compressedSize === MAX_32 || entry.uncompressedSize === MAX_32 || entry.localHeaderOffset === MAX_32) {
    throw odd('den er gemt i ZIP64-formatet, som et bilag ikke har brug for');
  }
  const at = entry.localHeaderOffset;
  if (at + 30 > dir.centralOffset || view.getUint32(at, true) !== SIG.local) {
    throw new UserError(zipMessages.damaged(fileName, `delen «${entry.name}» mangler`));
  }
  if (entryDataOffset(view, entry) + entry.compressedSize > dir.centralOffset) {
    throw new UserError(zipMessages.damaged(fileName, `delen «${entry.name}» er afkortet`));
  }
  // Without a data descriptor (flag bit 3) the local header repeats the sizes; a stream reader
  // trusts those, so they must agree with the directory that was checked.
  const localSizes = [view.getUint32(at + 18, true), view.getUint32(at + 22, true)];
  if (
    !(view.getUint16(at + 6, true) & 0x08) &&
    (localSizes[0] !== entry.compressedSize || localSizes[1] !== entry.uncompressedSize)
  ) {
    throw new UserError(zipMessages.damaged(fileName, `delen «${entry.name}» har to forskellige størrelser`));
  }
  if (entry.method === 0 && entry.compressedSize !== entry.uncompressedSize) {
    throw new UserError(zipMessages.damaged(fileName, `delen «${entry.name}» har forkert størrelse`));
  }
}

function checkRatio(fileName: string, what: string, compressed: number, uncompressed: number): void {
  if (uncompressed <= ZIP_LIMITS.ratioFloor) return;
  const ratio = uncompressed / Math.max(compressed, 1);
  if (ratio > ZIP_LIMITS.maxRatio) {
    throw new UserError(
      zipMessages.tooLarge(
        fileName,
        `${what} pakkes ud til ${Math.round(ratio).toLocaleString('da-DK')} gange sin størrelse (højst ${ZIP_LIMITS.maxRatio}), som en zip-bombe`,
      ),
    );
  }
}

/**
 * Refuses, with a Danish UserError, what is not an .xlsx or is past the limits: not a zip, an old
 * .xls or password-protected workbook, a damaged or truncated zip, ZIP64, encryption, too many
 * entries, too much uncompressed data, or an inflation ratio typical of a zip bomb.
 */
export function checkZip(bytes: Uint8Array, fileName: string): void {
  if (bytes.byteLength > ZIP_LIMITS.maxFileBytes) {
    throw new UserError(
      zipMessages.tooLarge(fileName, `filen fylder ${mb(bytes.byteLength)} (højst ${mb(ZIP_LIMITS.maxFileBytes)})`),
    );
  }
  if (startsWith(bytes, OLE_MAGIC)) throw new UserError(zipMessages.oldOrLocked(fileName));
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) throw new UserError(zipMessages.notWorkbook(fileName));
  const dir = readZipDirectory(bytes, fileName);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let compressed = 0;
  let uncompressed = 0;
  for (const entry of dir.entries) {
    checkEntry(view, entry, dir, fileName);
    checkRatio(fileName, `delen «${entry.name}»`, entry.compressedSize, entry.uncompressedSize);
    compressed += entry.compressedSize;
    uncompressed += entry.uncompressedSize;
    if (uncompressed > ZIP_LIMITS.maxTotalUncompressed) {
      throw new UserError(
        zipMessages.tooLarge(fileName, `den fylder over ${mb(ZIP_LIMITS.maxTotalUncompressed)} udpakket`),
      );
    }
  }
  checkRatio(fileName, 'filen', compressed, uncompressed);
  const names = new Set(dir.entries.map((e) => e.name));
  if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) {
    throw new UserError(
      isOpenDocumentSpreadsheet(view, dir) ? zipMessages.openDocument(fileName) : zipMessages.notWorkbook(fileName),
    );
  }
}

const ODS_MIMETYPE = 'application/vnd.oasis.opendocument.spreadsheet';

/**
 * An OpenDocument file's first zip entry is `mimetype`, holding its media type (OpenDocument 1.3,
 * part 2, section 3.3); checkEntry has already checked that entry's bounds.
 */
function isOpenDocumentSpreadsheet(view: DataView, dir: ZipDirectory): boolean {
  const first = dir.entries[0];
  if (first?.name !== 'mimetype' || first.uncompressedSize !== ODS_MIMETYPE.length) return false;
  const start = entryDataOffset(view, first);
  const data = new Uint8Array(view.buffer, view.byteOffset + start, first.compressedSize);
  try {
    const text = first.method === 0 ? data : inflateRawSync(data, { maxOutputLength: ODS_MIMETYPE.length });
    return Buffer.from(text).toString('latin1') === ODS_MIMETYPE;
  } catch {
    return false;
  }
}

// ---------- the checked parts, for exceljs's stream reader ----------

/** A local header of a stored entry (method 0) of `size` bytes. */
function storedHeader(name: Uint8Array, size: number, crc: number): Buffer {
  const header = Buffer.alloc(30 + name.byteLength);
  const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
  view.setUint32(0, SIG.local, true);
  view.setUint16(4, 10, true);
  view.setUint32(14, crc, true);
  view.setUint32(18, size, true);
  view.setUint32(22, size, true);
  view.setUint16(26, name.byteLength, true);
  header.set(name, 30);
  return header;
}

/** An entry's data inflated, refusing more bytes than the directory declared or a wrong CRC-32. */
async function* inflated(bytes: Uint8Array, entry: ZipEntry, fileName: string): AsyncGenerator<Buffer> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const start = entryDataOffset(view, entry);
  const data = Buffer.from(bytes.buffer, bytes.byteOffset + start, entry.compressedSize);
  const damaged = (why: string) => new UserError(zipMessages.damaged(fileName, `delen «${entry.name}» ${why}`));
  let size = 0;
  let crc = 0;
  const chunks = entry.method === 0 ? [data] : createInflateRaw().end(data);
  try {
    for await (const chunk of chunks as AsyncIterable<Buffer>) {
      size += chunk.byteLength;
      // A deflate stream can hold more than its directory entry says: stop at the size checked.
      if (size > entry.uncompressedSize) throw damaged('fylder mere end zip-indholdsfortegnelsen siger');
      crc = crc32(chunk, crc);
      yield chunk;
    }
  } catch (error) {
    throw error instanceof UserError ? error : damaged('kan ikke pakkes ud');
  }
  if (size !== entry.uncompressedSize || crc !== entry.crc32) throw damaged('har en forkert kontrolsum');
}

/**
 * The entries named `first` (in that order; an empty `xl/sharedStrings.xml` when it is missing)
 * and then those `last` accepts, as a zip of stored entries: what a stream reader inflates is
 * then exactly what checkZip checked. Other parts (themes, images, …) are left out.
 */
export async function* storedZipStream(
  bytes: Uint8Array,
  fileName: string,
  first: string[],
  last: (name: string) => boolean,
): AsyncGenerator<Buffer> {
  const { entries } = readZipDirectory(bytes, fileName);
  const byName = new Map(entries.map((e) => [e.name, e]));
  const number = (e: ZipEntry) => Number(/(\d+)\.xml$/.exec(e.name)?.[1] ?? 0);
  const picked = [
    ...first.map((n) => byName.get(n) ?? n),
    ...entries.filter((e) => last(e.name)).sort((a, b) => number(a) - number(b)),
  ];
  for (const entry of picked) {
    if (typeof entry === 'string') {
      // Without shared strings the stream reader would park every sheet in a temporary file.
      if (entry !== 'xl/sharedStrings.xml') continue;
      const empty = Buffer.from('<sst/>');
      yield storedHeader(new TextEncoder().encode(entry), empty.byteLength, crc32(empty));
      yield empty;
      continue;
    }
    yield storedHeader(new TextEncoder().encode(entry.name), entry.uncompressedSize, entry.crc32);
    yield* inflated(bytes, entry, fileName);
  }
  // An end record, so that a stream reader stops there instead of running out of input.
  const end = Buffer.alloc(22);
  end.writeUInt32LE(SIG.end, 0);
  yield end;
}
