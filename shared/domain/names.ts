/**
 * How Puljeplan compares names and words the rules it states about lines, the same in every layer:
 * the commands, the Excel import's matching, the merge's «samme linje?», the CLI and the grid.
 */

/** A line's or pool's name as it is matched: spaces around it and case do not count (Danish case rules). */
export function nameKey(name: string): string {
  return name.trim().toLocaleLowerCase('da');
}

/** Whether two names are the same name by nameKey. */
export function sameName(a: string, b: string): boolean {
  return nameKey(a) === nameKey(b);
}

/** Why a line with sub-lines takes no amounts of its own. */
export function hasSubLinesMessage(lineName: string): string {
  return `«${lineName}» har underlinjer; dens beløb er summen af dem. Skriv beløbene på underlinjerne.`;
}
