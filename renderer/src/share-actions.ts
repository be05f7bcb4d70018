/**
 * Files between the regions (issue 4): send a copy, open a received file as a new portfolio,
 * merge a received file after a review, and restore a backup copy. The backend checks every
 * received file; a refusal is shown in its own Danish words and changes nothing.
 */
import type { Args, Result } from '../../shared/contract/contract';
import { regionName } from '../../shared/domain/model';
import { ApiFailure, type Api } from './api/client';
import { sentFileName } from '../../shared/danish/time';
import { backupReason, danishTime, fileSize } from './danish-text';
import { pickPortfolioFile, readAsBase64 } from './files';
import type { Ui } from './ui';
import type { PortfolioStore } from './store/portfolio-store';
import { mergeNotice } from './merge-review';

type Source = Args<'file.check'>['source'];

/** A message for the page after it reloads with another file (file.open). */
const AFTER_RELOAD = 'puljeplan:after-reload';

/** Reloads the page, which then shows the portfolio now open, and says `message` (greet). */
export function reloadWith(message: string): void {
  sessionStorage.setItem(AFTER_RELOAD, message);
  window.location.reload();
}

/** The copy's name as db/share/send.ts makes it: `Puljeplan RM 2026-11-22.sqlite`. */

const withNothingChanged = (message: string) =>
  message.includes('Intet blev ændret') ? message : `${message} Intet blev ændret.`;
const messageOf = (err: unknown) =>
  err instanceof ApiFailure ? err.message : `Uventet fejl: ${(err as Error).message}`;

export class ShareActions {
  constructor(
    private readonly api: Api,
    private readonly store: PortfolioStore,
    private readonly ui: Ui,
  ) {}

  /** Runs `work` under a busy notice; a failure is reported (by `failed`, after the notice) and gives null. */
  private async busy<T>(
    text: string,
    work: () => Promise<T>,
    failed: (message: string, err: unknown) => unknown,
  ): Promise<T | null> {
    this.ui.busy(text);
    let outcome: { value: T } | { err: unknown };
    try {
      outcome = { value: await work() };
    } catch (err) {
      outcome = { err };
    } finally {
      this.ui.busy(null);
    }
    if ('value' in outcome) return outcome.value;
    await failed(messageOf(outcome.err), outcome.err);
    return null;
  }

  /** A received file the backend refused: its message, in a dialog and the status line. */
  private refused = async (fileName: string, message: string) => {
    const text = withNothingChanged(message);
    this.ui.notify('error', text);
    await this.ui.notice(`«${fileName}» kan ikke bruges`, text);
  };

  private async readPicked(): Promise<{ file: File; source: Source } | null> {
    const file = await pickPortfolioFile();
    if (!file) return null;
    const data = await this.busy(
      `Læser «${file.name}» …`,
      () => readAsBase64(file),
      (m) => this.refused(file.name, m),
    );
    return data === null ? null : { file, source: { fileName: file.name, data } };
  }

  /** Shows, after the reload that file.open asks for, what was opened. */
  greet(): void {
    const text = sessionStorage.getItem(AFTER_RELOAD);
    if (!text) return;
    sessionStorage.removeItem(AFTER_RELOAD);
    this.ui.notify('info', text);
  }

  /** Filer → Send til en anden region…: one self-contained copy beside the portfolio. */
  sendFile = async () => {
    const meta = this.store.meta;
    if (!meta) return;
    const open = await this.api.call('app.info', {}).catch(() => null);
    // Sent from the person's region (Indstillinger), as the backend names the file; else the portfolio's.
    const from = (await this.api.call('person.region', {}).catch(() => null))?.region ?? meta.region;
    const ok = await this.ui.confirm(
      'Send til en anden region',
      'Puljeplan gemmer en selvstændig kopi af porteføljen, som du kan sende til en anden region, fx vedhæftet en e-mail. Din portefølje ændres ikke.',
      'Gem kopien',
      [
        ['Portefølje', meta.title],
        ['Fra', regionName(from)],
        ['Filnavn', sentFileName(from, new Date())],
        ['Mappe', open ? `Samme mappe som «${open.fileName}»` : 'Samme mappe som porteføljen'],
      ],
    );
    if (!ok) return;
    const sent = await this.busy(
      'Gemmer kopien …',
      () => this.api.call('file.send', {}),
      (m) => this.ui.notify('error', withNothingChanged(m)),
    );
    if (!sent) return;
    const folder = sent.folder;
    this.ui.notify('info', `Kopien «${sent.fileName}» er gemt i ${folder}.`);
    await this.ui.notice(
      'Kopien er gemt',
      'Send filen til den anden region. Modtageren åbner den med «Åbn fil fra anden region…» eller fletter den ind i sin egen portefølje med «Flet fil fra anden region…».',
      [
        ['Fil', sent.fileName],
        ['Mappe', folder],
        ['Størrelse', fileSize(sent.bytes)],
      ],
    );
  };

  /** Filer → Åbn fil fra anden region…: check it, make a private copy as a new file, open that. */
  openReceived = async () => {
    const picked = await this.readPicked();
    if (!picked) return;
    const { file, source } = picked;
    const checked = await this.busy(
      `Kontrollerer «${file.name}» …`,
      () => this.api.call('file.check', { source }),
      (m) => this.refused(file.name, m),
    );
    if (!checked) return;
    const ok = await this.ui.confirm(
      `Åbn «${checked.fileName}»`,
      'Filen er kontrolleret. Puljeplan laver en ny portefølje ud fra den, i samme mappe som din, og åbner den. Den modtagne fil og din nuværende portefølje ændres ikke.',
      'Åbn som ny fil',
      receivedDetails(checked),
    );
    if (!ok) return this.ui.notify('info', 'Intet blev åbnet.');
    const made = await this.busy(
      'Opretter den nye portefølje …',
      () => this.api.call('file.import', { source }),
      (m) => this.refused(file.name, m),
    );
    if (!made) return;
    const opened = await this.busy(
      `Åbner «${made.fileName}» …`,
      () => this.api.call('file.open', { file: made.file }),
      (m) => this.ui.notify('error', `«${made.fileName}» er oprettet, men kunne ikke åbnes: ${m}`),
    );
    if (!opened) return;
    reloadWith(
      `«${opened.fileName}» er oprettet ud fra «${checked.fileName}» fra ${regionName(checked.region)} og er nu åben.`,
    );
  };

  /** Filer → Flet fil fra anden region…: a review with every conflict resolved, then one undo step. */
  mergeFile = async (): Promise<void> => {
    const picked = await this.readPicked();
    if (!picked) return;
    const { file, source } = picked;
    const review = await this.busy(
      `Sammenligner «${file.name}» med din portefølje …`,
      () => this.api.call('merge.preview', { source }),
      (m) => this.refused(file.name, m),
    );
    if (!review) return;
    const resolutions = await this.ui.reviewMerge(review);
    if (!resolutions) return this.ui.notify('info', 'Fletningen er annulleret. Intet blev ændret.');
    let stale = null as string | null;
    const change = await this.busy(
      'Fletter …',
      () => this.api.call('merge.apply', { token: review.token, resolutions }),
      (m, err) => {
        if (err instanceof ApiFailure && (err.code === 'conflict' || err.code === 'not-found')) stale = m;
        else this.ui.notify('error', withNothingChanged(m));
      },
    );
    if (change) {
      this.store.apply(change);
      return this.ui.notify('info', mergeNotice(review, resolutions));
    }
    if (stale === null) return;
    const again = await this.ui.confirm('Fletningen blev ikke udført', withNothingChanged(stale), 'Vælg filen igen');
    if (again) return this.mergeFile();
    this.ui.notify('info', 'Fletningen blev ikke udført. Vælg filen igen for at flette den.');
  };

  /** Filer → Gendan fra sikkerhedskopi…: the portfolio as it was in a backup copy, as one undo step. */
  restoreBackup = async () => {
    const list = await this.busy(
      'Finder sikkerhedskopierne …',
      () => this.api.call('backups.list', {}),
      (m) => this.ui.notify('error', m),
    );
    if (!list) return;
    if (!list.length) {
      return this.ui.notice(
        'Ingen sikkerhedskopier',
        'Der er endnu ingen sikkerhedskopier af denne portefølje. Puljeplan gemmer en, før en import, en fletning eller en gendannelse ændrer filen.',
      );
    }
    const backup = await this.ui.chooseBackup(list);
    if (!backup) return;
    const when = danishTime(backup.at);
    const ok = await this.ui.confirm(
      'Gendan sikkerhedskopi',
      `Porteføljen bliver, som den var ${when} (${backupReason(backup.reason).toLocaleLowerCase('da')}). Puljeplan gemmer først en sikkerhedskopi af porteføljen, som den er nu, og Ctrl+Z fortryder gendannelsen.`,
      'Gendan',
    );
    if (!ok) return;
    const change = await this.busy(
      'Gendanner …',
      () => this.api.call('backups.restore', { fileName: backup.fileName }),
      (m) => this.ui.notify('error', withNothingChanged(m)),
    );
    if (!change) return;
    this.store.apply(change);
    this.ui.notify('info', `Gendannet fra sikkerhedskopien ${when}. Ctrl+Z fortryder gendannelsen.`);
  };
}

/** What a received file holds and where it came from, for the dialog before opening it. */
export function receivedDetails(r: Result<'file.check'>): [string, string][] {
  const years = r.years.length
    ? r.years.length > 1
      ? `${r.years[0]}–${r.years[r.years.length - 1]}`
      : String(r.years[0])
    : 'ingen';
  const sent = r.sentBy
    ? `${regionName(r.sentBy.region)}, ${danishTime(r.sentBy.sentAt)}`
    : 'Ikke sendt med «Send til en anden region»';
  return [
    ['Titel', r.title],
    ['Region', regionName(r.region)],
    ['Sendt af', sent],
    ['Puljer', String(r.pools)],
    ['Linjer', r.lines.toLocaleString('da-DK')],
    ['År', years],
    ...(r.sentBy ? ([['Lavet med', `Puljeplan ${r.sentBy.appVersion}`]] as [string, string][]) : []),
  ];
}
