/** The CLI run inside the test's process (fast), for tests that need no separate process. */
import { runCliAsync } from '../../../db/cli/main';

/** Its exit code, stdout joined by lines, and stderr's lines. */
export async function cliInProcess(...argv: string[]): Promise<{ code: number; out: string; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCliAsync(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err };
}
