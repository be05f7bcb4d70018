/**
 * A labelled text field of the side panel whose text is committed when the field is left (or
 * Enter in a one-line field): one undo step. Escape puts the stored text back.
 */
import { useEffect, useState } from 'react';

export function CommitField({
  label,
  value,
  onCommit,
  multiline,
  testId,
  list,
}: {
  label: string;
  value: string;
  onCommit: (v: string) => void;
  multiline?: boolean | number;
  testId: string;
  /** Suggestions shown under a one-line field (a datalist's id). */
  list?: string;
}) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const commit = () => {
    if (draft !== value) onCommit(draft);
  };
  const common = {
    value: draft,
    'data-testid': testId,
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
    onBlur: commit,
    onKeyDown: (e: React.KeyboardEvent) => {
      if (e.key === 'Escape') setDraft(value);
      if (e.key === 'Enter' && !multiline) (e.target as HTMLElement).blur();
    },
  };
  return (
    <label className="pp-field">
      <span>{label}</span>
      {multiline ? (
        <textarea rows={multiline === true ? 14 : multiline} {...common} />
      ) : (
        <input type="text" list={list} {...common} />
      )}
    </label>
  );
}
