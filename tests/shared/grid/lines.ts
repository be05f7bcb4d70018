/** Portfolio lines for the grid tests (row-model, edit, the LibreOffice clipboard check), written short. */
import type { Line } from '../../../shared/domain/model';

/** Thousands of kroner as kroner: k(1500) is 1.500 in the grid. */
export const k = (t: number) => t * 1000;

/** A line with no description; a sub-line names its parent. */
export function line(
  id: string,
  poolId: string,
  name: string,
  position: number,
  amounts: Record<number, number>,
  parentId: string | null = null,
): Line {
  return { id, poolId, parentId, name, position, description: '', amounts };
}
