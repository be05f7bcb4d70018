/**
 * The limits of shared/domain/limits.ts held where every change is written (db/core/ops.ts): the
 * app's commands, a paste, the CLI, the Excel import and a merge all write through applyOp, so no
 * path can store a text or amount that opening or receiving the file would later refuse
 * (docs/domain.md).
 */
import { AMOUNT_LIMIT_MESSAGE, textLimitError, YEAR_RANGE, type TextField } from '../../shared/domain/limits';
import { isValidCellKroner } from '../../shared/domain/money';
import type { Amounts } from '../../shared/domain/model';
import { UserError } from './errors';
import type { Op } from './ops';

/** Throws the Danish refusal when `text` is over its limit (or not text at all). */
export function checkText(field: TextField, text: unknown): void {
  if (typeof text !== 'string') throw new UserError('Teksten mangler.', 'invalid-args');
  const error = textLimitError(field, text);
  if (error) throw new UserError(error, 'invalid-args');
}

function checkAmount(value: unknown): void {
  if (value !== null && !isValidCellKroner(value)) throw new UserError(AMOUNT_LIMIT_MESSAGE, 'invalid-args');
}

function checkAmounts(amounts: Amounts | undefined): void {
  for (const value of Object.values(amounts ?? {})) checkAmount(value);
}

/** Refuses an op that would write a text, amount or year past its limit; the op is not applied. */
export function checkOpLimits(op: Op): void {
  switch (op.op) {
    case 'setAmount':
      return checkAmount(op.value);
    case 'setLineText':
    case 'setPoolText':
      return checkText(op.field, op.value);
    case 'insertLine':
      checkText('name', op.line.name);
      checkText('description', op.line.description);
      if (op.comment !== undefined) checkText('comment', op.comment);
      return checkAmounts(op.amounts);
    case 'insertPool':
      checkText('name', op.pool.name);
      return checkText('description', op.pool.description);
    case 'insertYear':
      if (!Number.isInteger(op.year) || op.year < YEAR_RANGE.min || op.year > YEAR_RANGE.max)
        throw new UserError(`År ${op.year} er uden for ${YEAR_RANGE.min}–${YEAR_RANGE.max}.`, 'invalid-args');
      return;
    case 'setMeta':
      if (op.field === 'title') checkText('title', op.value);
      return;
    default:
      return;
  }
}
