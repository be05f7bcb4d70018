/**
 * The project channels of the contract (projects.*, status.*) through the one dispatcher, as the
 * app's Status view and project card call them: a light set in a month comes back in the report
 * beside the month before, a paste is one undo step, «Ny statusmåned» starts from the month
 * before, and bad values are refused in Danish with nothing changed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Channel } from '../../shared/contract/channels';
import type { Dispatch } from '../../db/dispatcher';
import { callerOf, closeExampleDispatcher, openExampleDispatcher, type ExampleDispatcher } from './example-dispatcher';

const KIIT = 'Klinisk immunologisk IT (KIIT) (Blodbank)';
const PPJ = 'Fællesregionalt udbud af Præhospital Patientjournal (PPJ)';

let dispatch: Dispatch;
const call = callerOf(() => dispatch);

let example: ExampleDispatcher;
beforeEach(() => {
  example = openExampleDispatcher('puljeplan-projects-');
  ({ dispatch } = example);
});
afterEach(() => closeExampleDispatcher(example));

async function refused(channel: Channel, args: unknown): Promise<string> {
  const before = await call('status.report', { month: '2023-11' });
  const answer = await dispatch(channel, args);
  expect(await call('status.report', { month: '2023-11' })).toEqual(before);
  if (answer.ok) throw new Error(`${channel} was accepted`);
  return answer.error.message;
}
const project = async (name: string, month = '2023-11') =>
  (await call('status.report', { month })).projects.find((p) => p.name === name)!;

describe('status.report', () => {
  it("shows the example's November 2023: KIIT red on leverancer, tid and penge, overall red", async () => {
    const report = await call('status.report', {});
    expect(report.month).toBe('2023-11');
    const kiit = report.projects.find((p) => p.name === KIIT)!;
    expect(kiit).toMatchObject({ number: '18-6', phase: 'Gennemførelse', end: '2024-03' });
    expect(kiit.status).toEqual({ deliveries: 'rød', time: 'rød', money: 'rød', resources: '-', overall: 'rød' });
    expect(kiit.previous).toBeNull();
  });

  it('with lineIds gives only those projects (what a view repaints after a change)', async () => {
    const { lineId } = await project(PPJ);
    const report = await call('status.report', { month: '2023-11', lineIds: [lineId] });
    expect(report.projects.map((p) => p.name)).toEqual([PPJ]);
  });
});

describe('status.set', () => {
  it('sets lights of a month; the next month shows them as the previous status', async () => {
    const { lineId } = await project(PPJ);
    const change = await call('status.set', {
      month: '2023-11',
      cells: [
        { lineId, field: 'deliveries', value: 'gul' },
        { lineId, field: 'time', value: 'grøn' },
      ],
    });
    expect(change.projectIds).toEqual([lineId]);
    expect(change.history.undoLabel).toContain('PPJ');
    expect((await project(PPJ)).status).toMatchObject({ deliveries: 'gul', time: 'grøn', overall: 'gul' });
    expect((await project(PPJ, '2023-12')).previous).toMatchObject({ deliveries: 'gul', time: 'grøn' });
  });

  it("answers with the changed projects' rows as the whole report shows them (one round trip to repaint)", async () => {
    const kiit = (await project(KIIT)).lineId;
    const change = await call('status.set', {
      month: '2023-11',
      cells: [{ lineId: kiit, field: 'resources', value: 'gul' }],
    });
    expect(change.projects).toEqual([await project(KIIT)]);
    expect(change.projects[0]!.status.resources).toBe('gul');
    expect(change.projects[0]!.total).toBeGreaterThan(0);
  });

  it('a paste over several projects is one undo step', async () => {
    const kiit = (await project(KIIT)).lineId;
    const ppj = (await project(PPJ)).lineId;
    await call('status.set', {
      month: '2023-11',
      cells: [
        { lineId: kiit, field: 'resources', value: 'gul' },
        { lineId: ppj, field: 'resources', value: 'rød' },
      ],
    });
    await call('history.undo', {});
    expect((await project(KIIT)).status.resources).toBe('-');
    expect((await project(PPJ)).status.resources).toBe('-');
  });

  it('the overall status set by hand wins over the worst light; null gives it back', async () => {
    const { lineId } = await project(KIIT);
    await call('status.set', { month: '2023-11', cells: [{ lineId, field: 'overall', value: 'gul' }] });
    expect((await project(KIIT)).status.overall).toBe('gul');
    await call('status.set', { month: '2023-11', cells: [{ lineId, field: 'overall', value: null }] });
    expect((await project(KIIT)).status.overall).toBe('rød');
  });

  it('refuses a light that is not one, and a month that is not one, in Danish', async () => {
    const { lineId } = await project(KIIT);
    expect(
      await refused('status.set', { month: '2023-11', cells: [{ lineId, field: 'time', value: 'lilla' }] }),
    ).toMatch(/Ugyldige oplysninger/);
    expect(await refused('status.set', { month: '2023-13', cells: [{ lineId, field: 'time', value: 'rød' }] })).toMatch(
      /måned/,
    );
  });
});

describe('status.setRemark and status.newMonth', () => {
  it('a remark is kept per month', async () => {
    const { lineId } = await project(PPJ);
    await call('status.setRemark', { lineId, month: '2023-12', remark: 'Udbud sendt.' });
    expect((await project(PPJ, '2023-12')).remark).toBe('Udbud sendt.');
    expect((await project(PPJ)).remark).toMatch(/^Styregruppen/);
  });

  it('«Ny statusmåned» copies the month before as one undo step', async () => {
    const change = await call('status.newMonth', { month: '2023-12' });
    expect(change.history.undoLabel).toBe('Ny statusmåned 2023-12');
    const kiit = await project(KIIT, '2023-12');
    expect(kiit.status).toMatchObject({ deliveries: 'rød', time: 'rød', money: 'rød' });
    expect(kiit.previous).toEqual(kiit.status);
    await call('history.undo', {});
    expect((await project(KIIT, '2023-12')).status.deliveries).toBe('-');
  });
});

describe('projects.get and projects.set', () => {
  it("reads a card, sets fields by the contract's names and clears one with null", async () => {
    const { lineId } = await project(KIIT);
    expect(await call('projects.get', { lineId })).toMatchObject({
      number: '18-6',
      phase: 'Gennemførelse',
      end: '2024-03',
      riskProfile: 'A',
      riskReview: { required: false },
    });
    await call('projects.set', {
      lineId,
      changes: { phase: 'Afsluttet', start: '2021-01', caseRef: '21/1234', riskProfile: null },
    });
    expect(await call('projects.get', { lineId })).toMatchObject({
      phase: 'Afsluttet',
      start: '2021-01',
      caseRef: '21/1234',
      riskProfile: null,
    });
  });

  it('refuses a project number another project has, and a phase that is not one', async () => {
    const { lineId } = await project(PPJ);
    expect(await refused('projects.set', { lineId, changes: { number: '18-6' } })).toMatch(/bruges allerede/);
    expect(await refused('projects.set', { lineId, changes: { phase: 'Færdig' } })).toMatch(/Ugyldige oplysninger/);
  });
});
