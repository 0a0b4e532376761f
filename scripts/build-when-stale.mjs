// `npm start`'s first step: builds the app (`npm run build`) only when something it is built from
// changed since the last build, so that a second start goes straight to the app.
//
// The stamp is a hash of the path, size and modification time of every file in the project
// outside node_modules, dist and the other output folders (sources, config, package.json and the
// lock file alike). It is taken before the build starts and written to dist/ only once the build
// has succeeded: a file changed during a build, or a build that failed, means the next start
// builds again. Usage: node scripts/build-when-stale.mjs [--root DIR]
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Folders that are outputs, caches or another tool's, never the app's sources. */
const SKIPPED = new Set(['node_modules', 'dist', '.git', 'release', 'test-results', 'playwright-report', 'screenshots', '.electron-native']);

/** What a build must have left for the app to start. */
const OUTPUTS = ['dist/node/start.cjs', 'dist/node/cli.cjs', 'dist/electron/main.cjs', 'dist/renderer/index.html'];

const STAMP = path.join('dist', '.build-stamp');

function* files(root, dir = '') {
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    if (SKIPPED.has(entry.name)) continue;
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(root, relative);
    else if (entry.isFile()) yield relative;
  }
}

/** The stamp of the project's files as they are now. */
function sourceStamp(root) {
  const hash = createHash('sha256');
  for (const file of [...files(root)].sort()) {
    const { size, mtimeMs } = fs.statSync(path.join(root, file));
    hash.update(`${file}\t${size}\t${mtimeMs}\n`);
  }
  return hash.digest('hex');
}

/** Whether the build in dist/ is missing, incomplete or older than the sources. */
function needsBuild(root, stamp) {
  if (OUTPUTS.some((output) => !fs.existsSync(path.join(root, output)))) return true;
  const built = fs.existsSync(path.join(root, STAMP)) ? fs.readFileSync(path.join(root, STAMP), 'utf8') : '';
  return built !== stamp;
}

function main() {
  const at = process.argv.indexOf('--root');
  const root = path.resolve(at === -1 ? '.' : process.argv[at + 1]);
  const stamp = sourceStamp(root);
  if (!needsBuild(root, stamp)) {
    console.log('The build is up to date with the sources; not rebuilding.');
    return;
  }
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const build = spawnSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  fs.writeFileSync(path.join(root, STAMP), stamp);
}

main();
