import fs from 'node:fs';
import path from 'node:path';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli';

const config = JSON.parse(fs.readFileSync(path.join(ROOT, 'electron-builder.json'), 'utf8'));
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

/** Width and height from a PNG's IHDR. */
function pngSize(file: string): [number, number] {
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

// No Electron binary can be had on our machines, so installers cannot be built here; this checks
// what can be checked without one. `npm run dist` builds them on a machine with network access.
describe('the electron-builder configuration', () => {
  it('passes electron-builder’s own schema validation', async () => {
    const { $schema: _schema, ...settings } = config;
    await expect(validateConfiguration(settings, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...settings, fileAssociation: config.fileAssociations }, new DebugLogger(false))).rejects.toThrow(/fileAssociation/);
  });

  it('builds an AppImage and a deb, an NSIS installer and a dmg, and opens .gainsay files', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'gainsay', role: 'Editor' })]);
    expect(pkg.scripts.dist).toMatch(/electron-builder --config electron-builder\.json/);
  });

  it('packages the built app and rebuilds better-sqlite3 for Electron, outside the asar', () => {
    expect(pkg.main).toBe('dist/electron/main.cjs');
    expect(config.files).toEqual(expect.arrayContaining(['dist/electron/**/*', 'dist/renderer/**/*']));
    expect(config.npmRebuild).toBe(true);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**/*');
    // The build writes what the configuration packages.
    for (const file of ['dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/electron/suggest-worker.cjs', 'dist/node/suggest-worker.cjs', 'dist/renderer/index.html']) {
      expect(fs.existsSync(path.join(ROOT, file)), file).toBe(true);
    }
  });

  it('has the icons each platform needs, rendered from build/icon.svg', () => {
    expect(pngSize(path.join(ROOT, 'build', 'icon.png'))).toEqual([1024, 1024]);
    for (const size of [16, 32, 48, 64, 128, 256, 512]) {
      expect(pngSize(path.join(ROOT, 'build', 'icons', `${size}x${size}.png`))).toEqual([size, size]);
    }
    expect(fs.readFileSync(path.join(ROOT, config.mac.entitlements), 'utf8')).toContain('com.apple.security.cs.allow-jit');
  });
});
