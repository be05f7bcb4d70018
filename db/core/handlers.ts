/**
 * The contract's editing channels (portfolio.*, amounts.*, lines.*, pools.*, years.*, history.*)
 * and app.info, for db/dispatcher.ts: each one plan or step on the open portfolio's Session.
 */
import { basename } from 'node:path';
import type { Group, Handlers } from './backend';
import * as commands from './commands';
import * as lineCommands from './line-commands';
import { SCHEMA_VERSION } from './migrations/index';

export type CoreChannel = Exclude<
  Group<'portfolio' | 'amounts' | 'lines' | 'pools' | 'years' | 'history' | 'app'>,
  'pools.setKind' // the project card's (db/core/project-card-handlers.ts)
>;

export const coreHandlers: Handlers<CoreChannel> = {
  'app.info': (b) => ({
    fileName: basename(b.session().path),
    appVersion: b.appVersion,
    schemaVersion: SCHEMA_VERSION,
    shell: b.shell,
  }),
  'portfolio.load': (b) => b.session().snapshot({ lineInfo: true }),
  'portfolio.setMeta': (b, a) => b.session().run((db) => commands.setMeta(db, a)),
  'amounts.set': (b, a) => b.session().run((db) => commands.setAmounts(db, a)),
  'amounts.paste': (b, a) => b.session().run((db) => commands.pasteCells(db, a)),
  'lines.add': (b, a) => b.session().run((db) => commands.addLine(db, a)),
  'lines.rename': (b, a) => b.session().run((db) => commands.renameLine(db, a)),
  'lines.setDescription': (b, a) => b.session().run((db) => commands.setLineDescription(db, a)),
  'lines.setComment': (b, a) => b.session().run((db) => commands.setLineComment(db, a)),
  'lines.place': (b, a) => b.session().run((db) => commands.placeLine(db, a)),
  'lines.delete': (b, a) => b.session().run((db) => commands.deleteLine(db, a)),
  'lines.move': (b, a) => b.session().run((db) => commands.moveLine(db, a)),
  'lines.moveToPool': (b, a) => b.session().run((db) => commands.moveLineToPool(db, a)),
  'lines.indent': (b, a) => b.session().run((db) => lineCommands.indentLine(db, a)),
  'lines.outdent': (b, a) => b.session().run((db) => lineCommands.outdentLine(db, a)),
  'lines.sort': (b, a) => b.session().run((db) => lineCommands.sortPool(db, a)),
  'pools.add': (b, a) => b.session().run((db) => commands.addPool(db, a)),
  'pools.rename': (b, a) => b.session().run((db) => commands.renamePool(db, a)),
  'pools.setDescription': (b, a) => b.session().run((db) => commands.setPoolDescription(db, a)),
  'pools.delete': (b, a) => b.session().run((db) => commands.deletePool(db, a)),
  'pools.move': (b, a) => b.session().run((db) => commands.movePool(db, a)),
  'years.add': (b) => b.session().run((db) => commands.addYear(db)),
  'years.remove': (b, a) => b.session().run((db) => commands.removeYear(db, a)),
  'history.undo': (b) => b.session().undo(),
  'history.redo': (b) => b.session().redo(),
};
