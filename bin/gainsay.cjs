#!/usr/bin/env node
// The `gainsay` command: runs the bundled CLI (built by `npm run build`).
const fs = require('node:fs');
const path = require('node:path');

const cli = path.join(__dirname, '..', 'dist', 'node', 'cli.cjs');
if (!fs.existsSync(cli)) {
  console.error('gainsay: the app is not built yet; run `npm run build` in the Gainsay folder first.');
  process.exit(1);
}
require(cli);
