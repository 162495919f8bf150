// Prints "N passed, N failed, N skipped" from a vitest JSON report (the line CI reads).
import { existsSync, readFileSync } from 'node:fs';
const file = process.argv[2] ?? '.vitest-report.json';
if (!existsSync(file)) {
  console.log('0 passed, 1 failed');
  console.error(`test-summary: ${file} was not written (the test run crashed before reporting)`);
  process.exit(1);
}
const r = JSON.parse(readFileSync(file, 'utf8'));
console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + (r.numTodoTests ?? 0)} skipped`);
process.exit(r.numFailedTests > 0 || r.numTotalTests === 0 ? 1 : 0);
