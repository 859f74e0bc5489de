const { relative } = require('node:path');

// Prints every skipped test with its reason (the test's name says why, e.g. "SKIPPED: no
// container runtime (Kafka)"), then the plain closing line CI counts: "N passed, N failed"
// (", N skipped" when any). Jest does not show a suite's console output when all its tests are
// skipped, so the reasons are printed here.
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skippedTests = [];
    for (const file of results.testResults) {
      for (const test of file.testResults) {
        if (test.status === 'pending' || test.status === 'todo') skippedTests.push(`  skipped: ${test.fullName} — ${relative(process.cwd(), file.testFilePath)}`);
      }
    }
    const skipped = results.numPendingTests + results.numTodoTests;
    const failedSuites = results.numRuntimeErrorTestSuites;
    const failed = results.numFailedTests + failedSuites;
    const line = `${results.numPassedTests} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : '');
    process.stdout.write(`\n${skippedTests.length ? `${skippedTests.join('\n')}\n` : ''}${line}\n`);
  }
}
module.exports = SummaryReporter;
