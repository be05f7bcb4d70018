/**
 * The it-råd flags as the grid shows them (docs/grid.md «Projects: the card and the it-råd flag»):
 * which projects must be risk-assessed and are not yet, and the pools' kinds. Asked again after
 * every change the backend commits, so an edit that crosses the threshold is told the moment it
 * is saved; the filter «Skal risikovurderes» shows only the flagged projects.
 */
import type { RiskFlags } from '../../../shared/contract/project-card';
import type { PoolKind } from '../../../shared/domain/project';
import type { Api } from '../api/client';
import { Versioned } from '../store/versioned';

export class RiskFlagStore extends Versioned {
  /** Flagged project (top-level line) → why it must be risk-assessed. */
  flags = new Map<string, string>();
  poolKinds: Record<string, PoolKind> = {};
  private revision: number | null = null;
  private asked: Promise<unknown> = Promise.resolve();

  constructor(private readonly api: Api) {
    super();
  }

  reasonOf = (lineId: string): string | null => this.flags.get(lineId) ?? null;

  kindOf(poolId: string): PoolKind {
    return this.poolKinds[poolId] ?? 'other';
  }

  /**
   * Reads the flags again if the portfolio's revision moved; returns the names of the projects
   * flagged now that were not before (none at the first read: those were flagged already).
   */
  refresh(revision: number): Promise<string[]> {
    const next = this.asked.then(async () => {
      if (this.revision === revision) return [];
      const first = this.revision === null;
      const read: RiskFlags = await this.api.call('projectCard.riskFlags', {});
      this.revision = revision;
      const fresh = first ? [] : read.flags.filter((f) => !this.flags.has(f.lineId)).map((f) => f.name);
      this.flags = new Map(read.flags.map((f) => [f.lineId, f.reason]));
      this.poolKinds = read.poolKinds;
      this.notify();
      return fresh;
    });
    this.asked = next.catch(() => undefined);
    return next;
  }
}
