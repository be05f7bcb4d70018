/**
 * The contract's person.* channels: the person's region (person.ts), read and set the same way in
 * every shell; the shell says where it is kept (keepPersonSettings). A change takes effect at the
 * open portfolio's next write, which starts a new epoch under the new region (docs/architecture.md
 * «Identity of a copy»).
 */
import type { Backend, Group, Handlers } from '../core/backend';
import { personRegion, setPersonRegion } from './person';

function openSession(b: Backend) {
  try {
    return b.session();
  } catch {
    return null;
  }
}

export const personHandlers: Handlers<Group<'person'>> = {
  'person.region': () => ({ region: personRegion() ?? null }),
  'person.setRegion': (b, a) => {
    setPersonRegion(a.region);
    openSession(b)?.writerChanged();
    return { region: personRegion() ?? null };
  },
};
