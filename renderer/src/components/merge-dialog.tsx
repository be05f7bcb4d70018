/**
 * The merge review (Filer → Flet fil fra anden region…): where the file came from, what merging
 * it does, the conflicts first — each resolved as mine, theirs or a typed value — then the
 * changes the merge makes by itself, lines only one side has, renames and deletions. Nothing is
 * applied before «Flet», which waits until every conflict is resolved. Lists are virtualized.
 */
import { useMemo, useState } from 'react';
import { formatAmount } from '../../../shared/danish/number';
import { sumKroner } from '../../../shared/domain/money';
import {
  changeRows,
  type Choice,
  collectResolutions,
  count,
  fromText,
  type MergeReview,
  NO_CHOICE,
  nothingToMerge,
  OUTCOME,
  type Resolution,
} from '../merge-review';
import { BASE, ConflictTable, MINE, THEIRS } from './merge-conflicts';
import { Modal } from './modal';
import { VirtualTable, type Column } from './virtual-table';

type Tab = 'conflicts' | 'changes' | 'theirs' | 'mine' | 'renames' | 'deletions';

interface Props {
  review: MergeReview;
  onApply: (resolutions: Resolution[]) => void;
  onCancel: () => void;
}

const POOL: Column = { label: 'Pulje', width: 'minmax(120px, 1fr)' };
const LINE: Column = { label: 'Linje', width: 'minmax(180px, 2fr)' };
const WHAT: Column = { label: 'Det sker', width: 'minmax(150px, 1fr)' };
/** Whether any of a row's texts holds what was typed in the find field (all rows when empty). */
function matcher(filter: string): (...texts: string[]) => boolean {
  const q = filter.trim().toLocaleLowerCase('da');
  return (...texts) => !q || texts.some((t) => t.toLocaleLowerCase('da').includes(q));
}

/** A cell's text, whole in its tooltip when the column cuts it. */
const plain = (t: string) => <span title={t}>{t}</span>;

const amountsText = (amounts: Record<string, number>) =>
  Object.keys(amounts)
    .sort()
    .map((y) => `${y}: ${formatAmount(amounts[y])}`)
    .join(' · ');

export function MergeDialog({ review, onApply, onCancel }: Props) {
  const [choices, setChoices] = useState<Choice[]>(() => review.conflicts.map(() => NO_CHOICE));
  // The conflicts first; without any, the first part that has something.
  const [tab, setTab] = useState<Tab>(() => firstTab(review));
  const [filter, setFilter] = useState('');

  const changes = useMemo(() => changeRows(review), [review]);
  // The common value is shown where the history tells it for some value.
  const conflictBase = useMemo(() => review.conflicts.some((c) => c.base !== undefined), [review]);
  const changeBase = useMemo(() => review.changes.some((l) => l.cells.some((c) => c.base !== undefined)), [review]);
  const { resolutions, unresolved, firstError } = useMemo(
    () => collectResolutions(review.conflicts, choices),
    [review, choices],
  );
  const match = useMemo(() => matcher(filter), [filter]);
  const conflictRows = useMemo(
    () => review.conflicts.map((c, index) => ({ c, index })).filter((r) => match(r.c.pool, r.c.line)),
    [review, match],
  );
  const changeList = useMemo(() => changes.filter((r) => match(r.pool, r.line)), [changes, match]);
  const theirs = useMemo(() => review.onlyTheirs.filter((r) => match(r.pool, r.line, r.parent ?? '')), [review, match]);
  const mine = useMemo(() => review.onlyMine.filter((r) => match(r.pool, r.line)), [review, match]);
  const renames = useMemo(() => review.renames.filter((r) => match(r.pool, r.mine, r.theirs)), [review, match]);
  const deletions = useMemo(() => review.deletions.filter((r) => match(r.pool, r.line)), [review, match]);

  const choose = (index: number, choice: Choice) => setChoices((all) => all.map((c, i) => (i === index ? choice : c)));
  // «Tag alle …» answers the conflicts shown: all of them, or those the find field leaves.
  const filtered = conflictRows.length < review.conflicts.length;
  const takeAll = (take: 'mine' | 'theirs') => {
    const shownIndexes = new Set(conflictRows.map((r) => r.index));
    setChoices((all) => all.map((c, i) => (shownIndexes.has(i) ? { ...c, take } : c)));
  };
  const nothing = nothingToMerge(review);
  const blocked = unresolved > 0 || nothing;

  const facts = [
    count(review.conflicts.length, 'konflikt', 'konflikter'),
    `${count(review.counts.fromTheirs, 'værdi', 'værdier')} hentes fra deres fil`,
    `${count(changes.length, 'forskel', 'forskelle')} i ${count(review.changes.length, 'linje', 'linjer')}`,
    count(review.onlyTheirs.length, 'ny linje fra dem', 'nye linjer fra dem'),
    count(review.onlyMine.length, 'linje kun hos mig', 'linjer kun hos mig'),
    ...(review.newYears.length ? [`nye år: ${review.newYears.join(', ')}`] : []),
    ...(review.newPools.length ? [`nye puljer: ${review.newPools.join(', ')}`] : []),
  ];

  return (
    <Modal
      title={`Flet «${review.fileName}» ind i din portefølje`}
      titleId="pp-merge-title"
      className="pp-merge"
      testId="merge-review"
      onCancel={onCancel}
      backdropCancels={false}
    >
      <p className="pp-merge-from" data-testid="merge-from">
        {fromText(review)}
      </p>
      {!review.sharedHistory && (
        <p className="pp-warning" role="note">
          Filerne har ingen fælles historik (de er lavet hver for sig eller med en ældre Puljeplan). Hver forskel i en
          linje, I begge har, er derfor en konflikt, og linjer og puljer, der er lavet hver for sig, kommer med som nye,
          også med samme navn.
        </p>
      )}
      <ul className="pp-facts" data-testid="merge-counts">
        {facts.map((f, i) => (
          <li key={f} className={i === 0 && review.conflicts.length ? 'pp-fact-warn' : undefined}>
            {f}
          </li>
        ))}
      </ul>

      <div className="pp-tabs" role="tablist" aria-label="Fletningens dele">
        {TABS.map(({ id, label, count: of }) => {
          const n = of(review);
          return (
            <button
              key={id}
              type="button"
              role="tab"
              aria-selected={tab === id}
              className={n ? '' : 'pp-tab-empty'}
              onClick={() => setTab(id)}
            >
              {label} <span className="pp-tab-count">{n.toLocaleString('da-DK')}</span>
            </button>
          );
        })}
      </div>
      <div className="pp-merge-tools">
        <input
          type="search"
          className="pp-merge-filter"
          placeholder="Find pulje eller linje …"
          aria-label="Find pulje eller linje"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        {tab === 'conflicts' && review.conflicts.length > 0 && (
          <>
            <button type="button" onClick={() => takeAll('mine')} disabled={!conflictRows.length}>
              {filtered ? `Tag mine for de ${conflictRows.length} viste` : 'Tag alle mine'}
            </button>
            <button type="button" onClick={() => takeAll('theirs')} disabled={!conflictRows.length}>
              {filtered ? `Tag deres for de ${conflictRows.length} viste` : 'Tag alle deres'}
            </button>
          </>
        )}
        <span className="pp-merge-hint">{TAB_HINT[tab]}</span>
      </div>

      <div className="pp-merge-body" role="tabpanel">
        {tab === 'conflicts' && (
          <ConflictTable rows={conflictRows} withBase={conflictBase} choices={choices} onChoose={choose} />
        )}
        {tab === 'changes' && (
          <VirtualTable
            label="Ændringer"
            testId="merge-changes"
            rows={changeList}
            rowHeight={28}
            rowKey={(r) => r.key}
            columns={[
              POOL,
              LINE,
              { label: 'År / felt', width: '112px' },
              MINE,
              THEIRS,
              ...(changeBase ? [BASE] : []),
              WHAT,
            ]}
            rowClass={(r) => `pp-outcome-${r.outcome}`}
            cells={(r) => {
              const side = (t: string) => (
                <span className={r.amount ? undefined : 'pp-text'} title={t}>
                  {t}
                </span>
              );
              return [
                ...[r.pool, r.line, r.field].map(plain),
                side(r.mine),
                side(r.theirs),
                ...(changeBase ? [side(r.base)] : []),
                plain(OUTCOME[r.outcome]),
              ];
            }}
            empty="Ingen værdier er forskellige i linjer, I begge har."
          />
        )}
        {tab === 'theirs' && (
          <VirtualTable
            label="Nye linjer fra dem"
            testId="merge-only-theirs"
            rows={theirs}
            rowHeight={28}
            rowKey={(r) => r.lineId}
            columns={[
              POOL,
              LINE,
              { label: 'Beløb', width: 'minmax(200px, 2fr)' },
              { label: 'I alt', width: '100px', numeric: true },
            ]}
            cells={(r) =>
              [
                r.pool,
                r.parent ? `${r.parent} › ${r.line}` : r.line,
                amountsText(r.amounts),
                formatAmount(sumKroner(Object.values(r.amounts))),
              ].map(plain)
            }
            empty="Den modtagne fil har ingen linjer, du ikke har."
          />
        )}
        {tab === 'mine' && (
          <VirtualTable
            label="Linjer kun hos mig"
            testId="merge-only-mine"
            rows={mine}
            rowHeight={28}
            rowKey={(r) => r.lineId}
            columns={[POOL, LINE, WHAT]}
            cells={(r) => [r.pool, r.line, 'Beholdes'].map(plain)}
            empty="Du har ingen linjer, den modtagne fil ikke har."
          />
        )}
        {tab === 'renames' && (
          <VirtualTable
            label="Omdøbte linjer"
            testId="merge-renames"
            rows={renames}
            rowHeight={28}
            rowKey={(r) => r.lineId}
            columns={[
              POOL,
              { label: 'Mit navn', width: 'minmax(160px, 2fr)' },
              { label: 'Deres navn', width: 'minmax(160px, 2fr)' },
              WHAT,
            ]}
            rowClass={(r) => `pp-outcome-${r.outcome}`}
            cells={(r) => [r.pool, r.mine, r.theirs, OUTCOME[r.outcome]].map(plain)}
            empty="Ingen linjer har fået et andet navn."
          />
        )}
        {tab === 'deletions' && (
          <VirtualTable
            label="Slettede linjer"
            testId="merge-deletions"
            rows={deletions}
            rowHeight={28}
            rowKey={(r) => r.lineId}
            columns={[POOL, LINE, { label: 'Slettet', width: '130px' }, WHAT]}
            rowClass={(r) => `pp-outcome-${r.outcome}`}
            cells={(r) =>
              [r.pool, r.line, r.by === 'mine' ? 'Hos mig' : 'Hos dem', deletionOutcome(r.by, r.outcome)].map(plain)
            }
            empty="Ingen linjer er slettet i den ene fil."
          />
        )}
      </div>

      <div className="pp-dialog-buttons pp-merge-footer">
        <span
          className={unresolved ? 'pp-merge-status pp-pending' : 'pp-merge-status'}
          data-testid="merge-status"
          role="status"
        >
          {nothing
            ? 'Filerne er ens: der er intet at flette.'
            : unresolved
              ? `${count(unresolved, 'konflikt mangler', 'konflikter mangler')} en afgørelse.${firstError ? ` ${firstError}` : ''}`
              : 'Klar til at flette. Det er ét trin, som Ctrl+Z fortryder.'}
        </span>
        <button type="button" onClick={onCancel}>
          Annullér
        </button>
        <button
          type="button"
          className="pp-primary"
          disabled={blocked}
          onClick={() => onApply(resolutions)}
          title={
            nothing
              ? 'Intet at flette'
              : unresolved
                ? 'Afgør først hver konflikt: min, deres eller en værdi'
                : 'Flet som ét trin, der kan fortrydes'
          }
        >
          Flet
        </button>
      </div>
    </Modal>
  );
}

const TAB_HINT: Record<Tab, string> = {
  conflicts:
    'Begge har ændret værdien siden jeres fælles udgave, eller den ene har slettet en pulje eller et år, som den anden har ændret i: vælg din, deres, eller skriv en anden.',
  changes: 'Forskelle, fletningen afgør selv: den nyeste ændring vinder.',
  theirs: 'Linjer, som kun den modtagne fil har: de tilføjes.',
  mine: 'Linjer, som kun du har: de beholdes.',
  renames: 'Linjer med et andet navn i den modtagne fil.',
  deletions: 'Linjer, som den ene side har slettet.',
};

/** The review's parts, in order, each with how many rows it has. */
const TABS: { id: Tab; label: string; count: (r: MergeReview) => number }[] = [
  { id: 'conflicts', label: 'Konflikter', count: (r) => r.conflicts.length },
  {
    id: 'changes',
    label: 'Ændringer pr. linje og år',
    count: (r) => r.changes.reduce((n, l) => n + l.cells.length, 0),
  },
  { id: 'theirs', label: 'Nye linjer fra dem', count: (r) => r.onlyTheirs.length },
  { id: 'mine', label: 'Linjer kun hos mig', count: (r) => r.onlyMine.length },
  { id: 'renames', label: 'Omdøbte linjer', count: (r) => r.renames.length },
  { id: 'deletions', label: 'Slettede linjer', count: (r) => r.deletions.length },
];

const firstTab = (r: MergeReview): Tab => TABS.find((t) => t.count(r) > 0)?.id ?? 'conflicts';

function deletionOutcome(by: 'mine' | 'theirs', outcome: 'mine' | 'theirs' | 'conflict'): string {
  if (outcome === 'conflict')
    return by === 'mine' ? 'Konflikt: du slettede, de ændrede' : 'Konflikt: de slettede, du ændrede';
  if (outcome !== by) return 'Linjen beholdes';
  return by === 'mine' ? 'Forbliver slettet' : 'Linjen slettes';
}
