/**
 * Times, sizes and provenance as the page writes them in Danish: `22. nov. 2026 kl. 14.03`
 * (date-fns with the da locale, the same pattern the backend's messages use), `1,4 MB`.
 */
import { danishTime } from '../../shared/danish/time';
import { regionName, type LineInfo } from '../../shared/domain/model';

export { danishTime };
export { backupReason, count } from '../../shared/danish/text';

const oneDecimal = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 });

/** `820 byte`, `120 KB`, `1,4 MB` (1 KB = 1.024 byte, as Windows Explorer counts). */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} byte`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${oneDecimal.format(bytes / 1024 / 1024)} MB`;
}

/** `Oprettet af Region Midtjylland · senest ændret af Region Syddanmark 22. nov. 2026 kl. 14.03`. */
export function provenanceText(info: LineInfo | undefined): string | null {
  if (!info) return null;
  const made = `Oprettet af ${regionName(info.createdBy)}`;
  if (!info.changedBy) return `${made} · ikke ændret efter oprettelsen`;
  const when = info.changedAt ? ` ${danishTime(info.changedAt)}` : '';
  return `${made} · senest ændret af ${regionName(info.changedBy)}${when}`;
}
