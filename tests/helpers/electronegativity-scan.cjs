// Runs Electronegativity over a folder through its own API and prints the findings as JSON:
// `node electronegativity-scan.cjs INPUT ELECTRON_VERSION`. Its command line writes the CSV
// header and the rows with two unsynchronised writes, so the header could overwrite the first
// finding. The check for newer Electron releases needs the network and is left out; `got` is
// refused (no-network.cjs), so nothing is downloaded.
require('./no-network.cjs');
const path = require('node:path');
const run = require('@doyensec/electronegativity/dist/runner.js');

const [input, electronVersion] = process.argv.slice(2);
run({
  input: path.resolve(input),
  customScan: [],
  excludeFromScan: ['availablesecurityfixesglobalcheck'],
  isRelative: true,
  isVerbose: false,
  electronVersionOverride: electronVersion,
  parserPlugins: [],
}).then(
  (result) => {
    const findings = result.issues.map((issue) => ({ issue: issue.id, severity: issue.severity.name, filename: issue.file, location: `${issue.location.line}:${issue.location.column}` }));
    process.stdout.write(`${JSON.stringify(findings)}\n`);
  },
  (error) => {
    console.error(error);
    process.exitCode = 1;
  },
);
