import { classifyEvent } from '../../core/classify';
import type { CliIo } from '../io';

/**
 * `classify`: one `title<TAB>description` per stdin line → one JSON object per line, in order.
 * Blank lines are skipped; further tab-separated columns (labels in a TSV) are ignored.
 */
export async function runClassify(io: CliIo): Promise<number> {
  const input = await io.readStdin();
  const out: string[] = [];
  for (const line of input.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const [title = '', description = ''] = line.split('\t');
    const c = classifyEvent({ title, description });
    out.push(
      JSON.stringify({
        activity: c.activity,
        kind: c.kind,
        intensity: c.intensity,
        key: c.key,
        confidence: c.confidence,
        reasons: c.reasons,
        ...(c.accessory ? { accessory: true } : {}),
      }),
    );
  }
  if (out.length > 0) io.stdout(`${out.join('\n')}\n`);
  return 0;
}
