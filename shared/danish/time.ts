/**
 * Times and sent-file names as Puljeplan writes them, the same in the page, the app and the CLI:
 * `22. nov. 2026 kl. 14.03` (date-fns with the da locale) and `Puljeplan RM 2026-11-22.sqlite`.
 */
import { format } from 'date-fns';
import { da } from 'date-fns/locale';
import type { RegionCode } from '../domain/model';

/** `22. nov. 2026 kl. 14.03`; an unreadable time is shown as it came. */
export function danishTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : format(date, "d. MMM yyyy 'kl.' HH.mm", { locale: da });
}

/** The name of a copy sent to another region: `Puljeplan RM 2026-11-22.sqlite`. */
export function sentFileName(region: RegionCode, when: Date): string {
  return `Puljeplan ${region} ${format(when, 'yyyy-MM-dd')}.sqlite`;
}
