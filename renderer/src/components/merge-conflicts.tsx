/**
 * The conflicts of a merge review: both sides changed the same value since their common copy.
 * Each row is resolved as mine, theirs, or a typed value (an amount in Danish format, or a text).
 */
import { useRef } from 'react';
import {
  type Choice,
  type Conflict,
  fieldLabel,
  NO_CHOICE,
  optionLabels,
  sideText,
  toResolution,
} from '../merge-review';
import { VirtualTable, type Column } from './virtual-table';

const SIDE = 'minmax(80px, 0.8fr)';
export const MINE: Column = { label: 'Min', width: SIDE, numeric: true, title: 'Værdien i din portefølje' };
export const THEIRS: Column = { label: 'Deres', width: SIDE, numeric: true, title: 'Værdien i den modtagne fil' };
/** Shown only where the history tells some common value. */
export const BASE: Column = {
  label: 'Fælles',
  width: SIDE,
  numeric: true,
  title: 'Værdien i den fælles udgave, begge filer kom fra (tom, hvor historikken ikke fortæller den)',
};

/** A conflict with its index in the review's full list, so a filtered list changes the right choice. */
export interface ConflictRow {
  c: Conflict;
  index: number;
}

interface Props {
  /** The rows shown (memoized by the caller: a new array scrolls the table to its top). */
  rows: readonly ConflictRow[];
  /** Whether to show the common value (some conflict has one). */
  withBase: boolean;
  choices: readonly Choice[];
  onChoose: (index: number, choice: Choice) => void;
}

export function ConflictTable({ rows, withBase, choices, onChoose }: Props) {
  const columns: Column[] = [
    { label: 'Pulje', width: 'minmax(110px, 1fr)' },
    { label: 'Linje', width: 'minmax(160px, 1.6fr)' },
    { label: 'År / felt', width: '112px' },
    MINE,
    THEIRS,
    ...(withBase ? [BASE] : []),
    { label: 'Afgørelse', width: 'minmax(330px, 2.4fr)' },
  ];
  return (
    <VirtualTable
      label="Konflikter"
      testId="merge-conflicts"
      columns={columns}
      rows={rows}
      rowHeight={38}
      rowKey={(r) => r.c.id}
      rowClass={(r) => (choices[r.index]?.take ? 'pp-resolved' : 'pp-unresolved')}
      empty="Ingen konflikter: alt kan flettes af sig selv."
      cells={({ c, index }) => {
        const numeric = c.kind === 'amount';
        const side = (s: 'mine' | 'theirs' | 'base') => (
          <span className={numeric ? 'pp-num' : 'pp-text'} title={sideText(c, s)}>
            {sideText(c, s)}
          </span>
        );
        return [
          <span title={c.pool}>{c.pool}</span>,
          <span title={c.line}>{c.line}</span>,
          fieldLabel(c.kind, c.year, c.label),
          side('mine'),
          side('theirs'),
          ...(withBase ? [side('base')] : []),
          <Resolve conflict={c} choice={choices[index] ?? NO_CHOICE} onChoose={(choice) => onChoose(index, choice)} />,
        ];
      }}
    />
  );
}

function Resolve({
  conflict,
  choice,
  onChoose,
}: {
  conflict: Conflict;
  choice: Choice;
  onChoose: (c: Choice) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const labels = optionLabels(conflict);
  const r = toResolution(conflict, choice);
  const error = 'error' in r ? r.error : null;
  const radio = (take: 'mine' | 'theirs' | 'value', label: string) => (
    <label className="pp-choice">
      <input
        type="radio"
        name={`resolve-${conflict.id}`}
        checked={choice.take === take}
        onChange={() => {
          onChoose({ ...choice, take });
          if (take === 'value') requestAnimationFrame(() => input.current?.focus());
        }}
      />
      {label}
    </label>
  );
  return (
    <div
      className="pp-resolve"
      role="radiogroup"
      aria-label={`Afgørelse for ${conflict.line} ${fieldLabel(conflict.kind, conflict.year, conflict.label)}`}
      data-testid="merge-conflict"
      data-conflict-id={conflict.id}
    >
      {radio('mine', labels.mine)}
      {radio('theirs', labels.theirs)}
      {labels.value && (
        <>
          {radio('value', labels.value)}
          <input
            ref={input}
            type="text"
            className={error ? 'pp-resolve-value pp-invalid' : 'pp-resolve-value'}
            aria-label={`${labels.value} ${conflict.line}`}
            aria-invalid={error ? true : undefined}
            title={error ?? undefined}
            placeholder={labels.placeholder}
            value={choice.text}
            onChange={(e) => onChoose({ take: 'value', text: e.target.value })}
          />
        </>
      )}
    </div>
  );
}
