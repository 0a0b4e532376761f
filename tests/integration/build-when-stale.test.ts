import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp';

const SCRIPT = path.join(__dirname, '..', '..', 'scripts', 'build-when-stale.mjs');

/**
 * `npm start`'s build step, run for real on a small stand-in project whose `npm run build` writes
 * the outputs the app needs and notes each build in a log outside the project.
 */
describe('npm start rebuilds only when the sources changed', () => {
  let temp: ReturnType<typeof tempDir>;
  let root: string;
  let log: string;
  beforeEach(() => {
    temp = tempDir();
    root = path.join(temp.dir, 'app');
    log = path.join(temp.dir, 'builds.log');
    fs.mkdirSync(path.join(root, 'electron'), { recursive: true });
    fs.mkdirSync(path.join(root, 'node_modules', 'dep'), { recursive: true });
    fs.writeFileSync(path.join(root, 'electron', 'main.ts'), 'export const a = 1;\n');
    fs.writeFileSync(path.join(root, 'node_modules', 'dep', 'index.js'), '');
    const build = `const fs = require('fs');
      if (fs.existsSync('fail')) process.exit(3);
      for (const f of ['dist/node/start.cjs', 'dist/node/cli.cjs', 'dist/electron/main.cjs', 'dist/renderer/index.html']) {
        fs.mkdirSync(require('path').dirname(f), { recursive: true });
        fs.writeFileSync(f, '');
      }
      fs.appendFileSync(${JSON.stringify(log)}, 'built\\n');`;
    fs.writeFileSync(path.join(root, 'build.cjs'), build);
    fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'stand-in', private: true, scripts: { build: 'node build.cjs' } }));
  });
  afterEach(() => temp.remove());

  const start = () => spawnSync(process.execPath, [SCRIPT, '--root', root], { encoding: 'utf8' });
  const builds = () => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').filter(Boolean).length : 0);
  const touch = (file: string) => {
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(path.join(root, file), later, later);
  };

  it('builds the first time, skips when nothing changed, and builds again after a source is touched', () => {
    expect(start().status).toBe(0);
    expect(builds()).toBe(1);
    const second = start();
    expect(second.status).toBe(0);
    expect(second.stdout).toContain('up to date');
    expect(builds()).toBe(1);
    touch('electron/main.ts');
    expect(start().status).toBe(0);
    expect(builds()).toBe(2);
    expect(start().status).toBe(0);
    expect(builds()).toBe(2);
  });

  it('builds again when a file is added or config changes, not when only outputs or node_modules do', () => {
    start();
    fs.writeFileSync(path.join(root, 'electron', 'new.ts'), '');
    start();
    expect(builds()).toBe(2);
    touch('package.json');
    start();
    expect(builds()).toBe(3);
    touch('node_modules/dep/index.js');
    fs.writeFileSync(path.join(root, 'dist', 'extra.txt'), 'x');
    start();
    expect(builds()).toBe(3);
  });

  it('builds again when an output is missing, and after a failed build', () => {
    start();
    fs.rmSync(path.join(root, 'dist', 'renderer', 'index.html'));
    start();
    expect(builds()).toBe(2);
    touch('electron/main.ts');
    fs.writeFileSync(path.join(root, 'fail'), '');
    expect(start().status).toBe(3);
    fs.rmSync(path.join(root, 'fail'));
    expect(start().status).toBe(0);
    expect(builds()).toBe(3);
  });
});
