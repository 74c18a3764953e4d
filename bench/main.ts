/**
 * `npm run bench`: prints speed and memory figures (medians, and ratios against a reference run
 * in the same process, so the numbers mean something on any machine). Nothing here asserts.
 * Run one suite with `npm run bench -- classify`.
 */
import { benchClassify } from './classify';
import { benchFeedServer } from './feed-server';
import { benchPlan } from './plan';
import { benchPopup } from './popup';
import { benchReadIcs } from './read-ics';

const suites: Record<string, () => Promise<void>> = {
  classify: benchClassify,
  'read-ics': benchReadIcs,
  plan: benchPlan,
  popup: benchPopup,
  'feed-server': benchFeedServer,
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in suites));
if (unknown.length > 0) {
  console.error(
    `unknown bench suite(s): ${unknown.join(', ')}; known: ${Object.keys(suites).join(', ')}`,
  );
  process.exit(2);
}
console.log(`Ironstride bench · Node ${process.version} · ${new Date().toISOString()}`);
for (const [name, run] of Object.entries(suites)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  console.log(`\n## ${name}`);
  await run();
}
