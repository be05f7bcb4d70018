/**
 * The projects' card fields as the grid's project columns show them (docs/grid.md «Project
 * columns»): read from the status report, only while a project column is shown, and read again
 * for the projects a committed change touched (an edit of a card, its undo, a merge), or all of
 * them after a change of lines.
 */
import type { ProjectFields } from '../../../shared/grid/project-cols';
import type { Api } from '../api/client';
import { Versioned } from '../store/versioned';

export class ProjectFieldStore extends Versioned {
  private fields = new Map<string, ProjectFields>();
  /** The revision read last; null before the first read. */
  private revision: number | null = null;
  private asked: Promise<unknown> = Promise.resolve();

  constructor(private readonly api: Api) {
    super();
  }

  fieldsOf = (lineId: string): ProjectFields | undefined => this.fields.get(lineId);

  /**
   * Reads the fields again: of every project (`all`: a load, a change of lines; and at the first
   * read), or, if the portfolio's revision moved, of the projects `touched` names. Reads queue, so
   * an older answer never overwrites a newer one.
   */
  refresh(revision: number, touched: readonly string[] | 'all'): Promise<void> {
    const next = this.asked.then(async () => {
      const every = this.revision === null || touched === 'all';
      if (!every && this.revision === revision) return;
      if (!every && !touched.length) {
        this.revision = revision;
        return;
      }
      const report = await this.api.call('status.report', every ? {} : { lineIds: [...touched] });
      if (every) this.fields.clear();
      // A touched line that is no project any more (deleted, or made a sub-line) has no row.
      else for (const id of touched) this.fields.delete(id);
      for (const p of report.projects)
        this.fields.set(p.lineId, {
          number: p.number,
          phase: p.phase,
          start: p.start,
          end: p.end,
          responsible: p.responsible,
        });
      this.revision = revision;
      this.notify();
    });
    this.asked = next.catch(() => undefined);
    return next;
  }
}
