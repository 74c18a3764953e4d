// Prints the plain "N passed, N failed" line CI looks for, from Vitest's JSON report.
import { readFileSync } from 'node:fs';

// Usage: node scripts/count-results.mjs <vitest.json> [failed CI steps, e.g. check or build]
const [file = 'artifacts/vitest.json', extra = '0'] = process.argv.slice(2);
const failedSteps = Number(extra) || 0;
let report;
try {
  report = JSON.parse(readFileSync(file, 'utf8'));
} catch (error) {
  console.log(`0 passed, ${1 + failedSteps} failed`);
  console.error(`could not read ${file}: ${error.message}`);
  process.exit(1);
}
const passed = report.numPassedTests ?? 0;
// A suite that fails to load, or whose setup hook fails, has no failed test to count (its tests
// show as skipped), but it is a failure all the same.
const failedSuites = (report.testResults ?? []).filter(
  (r) => r.status === 'failed' && !(r.assertionResults ?? []).some((a) => a.status === 'failed'),
).length;
let failed = (report.numFailedTests ?? 0) + failedSuites + failedSteps;
// Never print "0 failed" for a run Vitest itself calls unsuccessful.
if (failed === 0 && report.success === false) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || !report.success ? 1 : 0);
