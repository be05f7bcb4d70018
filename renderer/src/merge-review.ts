/**
 * The merge review's logic, apart from its dialog: how each conflict and change reads in Danish,
 * what a choice (mine, theirs, a typed value) sends to merge.apply, and the notice afterwards.
 * Typed amounts go through the one Danish parser (shared/danish/number.ts).
 */
import type { Args, Result } from '../../shared/contract/contract';
import { formatAmount, parseAmount } from '../../shared/danish/number';
import { regionName, TEXT_LIMITS } from '../../shared/domain/model';
import { danishTime } from './danish-text';

export type MergeReview = Result<'merge.preview'>;
export type Conflict = MergeReview['conflicts'][number];
export type Resolution = Args<'merge.apply'>['resolutions'][number];
type Value = Conflict['mine'];
type Field = MergeReview['changes'][number]['cells'][number]['field'];

/** The user's answer to one conflict; `text` is what they typed (kept when they switch back). */
export interface Choice {
  take: 'mine' | 'theirs' | 'value' | null;
  text: string;
}

export const NO_CHOICE: Choice = { take: null, text: '' };

/** `1 konflikt`, `2 konflikter`. */
export { count } from '../../shared/danish/text';
import { count } from '../../shared/danish/text';

const FIELD: Record<Field, string> = {
  amount: 'Beløb',
  name: 'Navn',
  description: 'Beskrivelse',
  comment: 'Kommentar',
  project: 'Projekt',
};

/** The conflicts about a whole pool or year, and how each reads. */
const WHOLE: Record<string, { label: string; removed: 'mine' | 'theirs'; remove: string; keep: string }> = {
  'pool-deleted-by-me': {
    label: 'Puljen slettet hos mig',
    removed: 'mine',
    remove: 'Slet puljen',
    keep: 'Behold puljen',
  },
  'pool-deleted-by-them': {
    label: 'Puljen slettet hos dem',
    removed: 'theirs',
    remove: 'Slet puljen',
    keep: 'Behold puljen',
  },
  'year-removed-by-me': { label: 'Året fjernet hos mig', removed: 'mine', remove: 'Fjern året', keep: 'Behold året' },
  'year-removed-by-them': {
    label: 'Året fjernet hos dem',
    removed: 'theirs',
    remove: 'Fjern året',
    keep: 'Behold året',
  },
};

export function fieldLabel(field: Field | Conflict['kind'], year: number | null, label?: string): string {
  if (label) return label;
  const whole = WHOLE[field];
  if (whole) return year === null ? whole.label : `${whole.label} (${year})`;
  if (year !== null) return String(year);
  if (field === 'deleted-by-me') return 'Slettet hos mig';
  if (field === 'deleted-by-them') return 'Slettet hos dem';
  if (field === 'same-line') return 'Ny linje hos begge';
  return FIELD[field as Field];
}

/** An amount or a text as the review shows it; undefined is a value the history does not tell. */
export function valueText(field: Field | Conflict['kind'], v: Value | undefined): string {
  if (v === undefined) return '';
  if (field === 'amount') return v === null ? '(tom)' : formatAmount(Number(v));
  if (field === 'project') return v === null ? '(ingen)' : String(v);
  return v === null ? '' : String(v);
}

/** What each side of a conflict means, in the words of its kind. */
export function sideText(c: Conflict, side: 'mine' | 'theirs' | 'base'): string {
  const whole = WHOLE[c.kind];
  if (whole)
    return side === 'base' ? '' : side === whole.removed ? (c.year === null ? 'Slettet' : 'Fjernet') : 'Ændret i';
  if (c.kind === 'deleted-by-me') return side === 'base' ? '' : side === 'mine' ? 'Slettet' : 'Ændret';
  if (c.kind === 'deleted-by-them') return side === 'base' ? '' : side === 'theirs' ? 'Slettet' : 'Ændret';
  return valueText(c.kind, c[side]);
}

/** The three answers a conflict offers; no `value` where typing makes no sense (a deletion). */
export function optionLabels(c: Conflict): { mine: string; theirs: string; value?: string; placeholder?: string } {
  const whole = WHOLE[c.kind];
  if (whole)
    return whole.removed === 'mine'
      ? { mine: whole.remove, theirs: whole.keep }
      : { mine: whole.keep, theirs: whole.remove };
  switch (c.kind) {
    case 'deleted-by-me':
      return { mine: 'Slet linjen', theirs: 'Behold linjen' };
    case 'deleted-by-them':
      return { mine: 'Behold linjen', theirs: 'Slet linjen' };
    case 'same-line':
      return { mine: 'Samme, mine tal', theirs: 'Samme, deres tal', value: 'To linjer:', placeholder: 'navn på deres' };
    case 'amount':
      return { mine: 'Min', theirs: 'Deres', value: 'Beløb:', placeholder: 'fx 1.500' };
    case 'project':
      return { mine: 'Min', theirs: 'Deres' };
    default:
      return { mine: 'Min', theirs: 'Deres', value: 'Tekst:', placeholder: c.kind === 'name' ? 'navn' : 'tekst' };
  }
}

/** A choice as merge.apply wants it, or why it is not one yet (null error: simply not chosen). */
export function toResolution(c: Conflict, choice: Choice): { resolution: Resolution } | { error: string | null } {
  if (choice.take === null) return { error: null };
  if (choice.take !== 'value') return { resolution: { id: c.id, take: choice.take } };
  const text = choice.text.trim();
  if (c.kind === 'amount') {
    if (!text) return { error: `Skriv et beløb for «${c.line}» ${c.year ?? ''}, eller vælg Min eller Deres.` };
    const parsed = parseAmount(text);
    if (!parsed.ok) return { error: `${parsed.message} (${c.line}, ${c.year ?? ''})` };
    return { resolution: { id: c.id, take: 'value', value: parsed.value } };
  }
  const limit =
    c.kind === 'description' ? TEXT_LIMITS.description : c.kind === 'comment' ? TEXT_LIMITS.comment : TEXT_LIMITS.name;
  if (!text) return { error: `Skriv en tekst for «${c.line}», eller vælg en af de andre.` };
  if (text.length > limit)
    return { error: `Teksten for «${c.line}» er for lang (højst ${limit.toLocaleString('da-DK')} tegn).` };
  return { resolution: { id: c.id, take: 'value', value: text } };
}

/** Every conflict's resolution, or the first reason one is missing. */
export function collectResolutions(conflicts: readonly Conflict[], choices: readonly Choice[]) {
  const resolutions: Resolution[] = [];
  let unresolved = 0;
  let firstError: string | null = null;
  conflicts.forEach((c, i) => {
    const r = toResolution(c, choices[i] ?? NO_CHOICE);
    if ('resolution' in r) resolutions.push(r.resolution);
    else {
      unresolved++;
      firstError ??= r.error;
    }
  });
  return { resolutions, unresolved, firstError };
}

export interface ChangeRow {
  key: string;
  pool: string;
  line: string;
  field: string;
  mine: string;
  theirs: string;
  base: string;
  /** An amount (right-aligned) rather than a text. */
  amount: boolean;
  outcome: 'mine' | 'theirs' | 'conflict';
}

const collator = new Intl.Collator('da', { numeric: true });

/** The changes one row per line and year (or text field), by pool and line. */
export function changeRows(review: MergeReview): ChangeRow[] {
  const lines = [...review.changes].sort(
    (a, b) => collator.compare(a.pool, b.pool) || collator.compare(a.line, b.line),
  );
  const rows: ChangeRow[] = [];
  for (const l of lines) {
    for (const c of l.cells) {
      rows.push({
        key: `${l.lineId}:${c.field}:${c.year ?? ''}`,
        pool: l.pool,
        line: l.line,
        field: fieldLabel(c.field, c.year, c.label),
        mine: valueText(c.field, c.mine),
        theirs: valueText(c.field, c.theirs),
        base: valueText(c.field, c.base),
        amount: c.field === 'amount',
        outcome: c.outcome,
      });
    }
  }
  return rows;
}

export const OUTCOME: Record<ChangeRow['outcome'], string> = {
  theirs: 'Deres tages',
  mine: 'Min beholdes',
  conflict: 'Konflikt: afgøres ovenfor',
};

/** `Fra Region Syddanmark · «Bilag 1» · sendt 22. nov. 2026 kl. 14.03 med Puljeplan 0.1.0`. */
export function fromText(review: MergeReview): string {
  const f = review.from;
  const sent = f.sentAt
    ? `sendt ${danishTime(f.sentAt)}${f.appVersion ? ` med Puljeplan ${f.appVersion}` : ''}`
    : 'ikke sendt med «Send til en anden region»';
  return `Fra ${regionName(f.region)} · porteføljen «${f.title}» · ${sent}`;
}

/** Nothing would change: no conflict and no value to take from theirs. */
export const nothingToMerge = (review: MergeReview) => review.conflicts.length === 0 && review.counts.fromTheirs === 0;

/** The status line after a merge: what came from where, and that one Ctrl+Z undoes it. */
export function mergeNotice(review: MergeReview, resolutions: readonly Resolution[]): string {
  const parts = [count(review.counts.fromTheirs, 'værdi', 'værdier') + ' fra deres fil'];
  if (review.onlyTheirs.length) parts.push(count(review.onlyTheirs.length, 'ny linje', 'nye linjer'));
  if (resolutions.length) {
    const by = (t: Resolution['take']) => resolutions.filter((r) => r.take === t).length;
    parts.push(
      `${count(resolutions.length, 'konflikt', 'konflikter')} afgjort (${by('mine')} min, ${by('theirs')} deres, ${by('value')} skrevet)`,
    );
  }
  return `Flettet fra ${regionName(review.from.region)} («${review.fileName}»): ${parts.join(', ')}. Ctrl+Z fortryder hele fletningen.`;
}
