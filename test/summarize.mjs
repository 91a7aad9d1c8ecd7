// Prints the closing line CI reads, summed over every suite: "N passed, N failed".
// Each vitest run writes a JSON report to test-results/; a step that failed before any test ran
// (the type check, the build) counts as one failure, so a red run never reads as green.
import { existsSync, readFileSync } from 'node:fs';

const suites = ['unit', 'unit-node22', 'e2e'];
let passed = 0;
let failed = 0;
for (const suite of suites) {
  const file = `test-results/${suite}.json`;
  if (!existsSync(file)) continue;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  console.log(`${suite}: ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
}
const exitCode = Number(process.argv[2] ?? 0);
if (exitCode !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
