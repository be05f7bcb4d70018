/**
 * The renderer's one way to the backend. In Electron it calls the preload's bridge; in a
 * plain browser it posts to the harness's /api/<channel>. Calls run one at a time, in the
 * order made, so changes reach the file and come back in the order the user made them.
 */
import type { Channel } from '../../../shared/contract/channels';
import type { Args, Envelope, Result } from '../../../shared/contract/contract';
import type { PuljeplanBridge } from '../../../shared/contract/bridge';

declare global {
  interface Window {
    puljeplan?: PuljeplanBridge;
  }
}

export class ApiFailure extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

type Transport = <C extends Channel>(channel: C, args: Args<C>) => Promise<Envelope<Result<C>>>;

/** Posts JSON to the browser harness (db/web/server.ts) and gives its envelope; a server that is gone is told in Danish. */
async function postJson(path: string, body: unknown): Promise<Envelope<never>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    return {
      ok: false,
      error: { code: 'internal', message: 'Puljeplan-serveren svarer ikke. Er «npm run web» stoppet?' },
    };
  }
  if (!response.ok) return { ok: false, error: { code: 'internal', message: `Serveren svarede ${response.status}.` } };
  return (await response.json()) as Envelope<never>;
}

function httpTransport(): Transport {
  return (channel, args) => postJson(`api/${encodeURIComponent(channel)}`, args);
}

/**
 * The browser harness's own file requests outside the contract (`web/files`, `web/open`,
 * `web/new`, `web/saveAs`: db/web/file-routes.ts); a refusal is thrown as an ApiFailure.
 */
export async function webCall<T>(path: `web/${string}`, body: unknown): Promise<T> {
  const envelope = (await postJson(path, body)) as Envelope<T>;
  if (!envelope.ok) throw new ApiFailure(envelope.error.message, envelope.error.code);
  return envelope.value;
}

function bridgeTransport(bridge: PuljeplanBridge): Transport {
  return (channel, args) => bridge.channels[channel](args);
}

export interface Api {
  call<C extends Channel>(channel: C, args: Args<C>): Promise<Result<C>>;
  shell: 'electron' | 'web';
}

export function createApi(): Api {
  const bridge = window.puljeplan;
  const transport = bridge ? bridgeTransport(bridge) : httpTransport();
  let queue: Promise<unknown> = Promise.resolve();
  return {
    shell: bridge ? 'electron' : 'web',
    call(channel, args) {
      const run = async () => {
        const envelope = await transport(channel, args);
        if (!envelope.ok) throw new ApiFailure(envelope.error.message, envelope.error.code);
        return envelope.value;
      };
      const next = queue.then(run, run);
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
