/**
 * Who is writing (docs/architecture.md «Identity of a copy»): the person's region, asked at first
 * start and changed in Filer → Indstillinger…. The backend keeps it (person.*) and records it with
 * every change from then on.
 */
import { regionName } from '../../shared/domain/model';
import { ApiFailure, type Api } from './api/client';
import type { Ui } from './ui';

const messageOf = (err: unknown) =>
  err instanceof ApiFailure ? err.message : `Uventet fejl: ${(err as Error).message}`;

export class PersonActions {
  constructor(
    private readonly api: Api,
    private readonly ui: Ui,
  ) {}

  /** At start: when no region is chosen yet, asks «Hvilken region arbejder du for?» before anything is written. */
  askAtStart = async (): Promise<void> => {
    const { region } = await this.api.call('person.region', {});
    if (region === null) await this.choose(null);
  };

  /** Filer → Indstillinger…: the person's region. */
  settings = async (): Promise<void> => {
    try {
      const { region } = await this.api.call('person.region', {});
      await this.choose(region);
    } catch (err) {
      this.ui.notify('error', messageOf(err));
    }
  };

  private async choose(current: Parameters<Ui['chooseRegion']>[0]): Promise<void> {
    const region = await this.ui.chooseRegion(current);
    if (!region || region === current) return;
    try {
      await this.api.call('person.setRegion', { region });
      this.ui.notify(
        'info',
        `Du arbejder for ${regionName(region)}. Dine ændringer registreres fremover som regionens.`,
      );
    } catch (err) {
      this.ui.notify('error', messageOf(err));
    }
  }
}
