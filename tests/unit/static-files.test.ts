import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readStaticFile } from '../../electron/server/static-files';
import { tempDir } from '../helpers/temp';

describe('static files', () => {
  let temp: ReturnType<typeof tempDir>;
  let root: string;
  beforeEach(() => {
    temp = tempDir();
    root = path.join(temp.dir, 'renderer');
    fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
    fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'export {}');
    fs.writeFileSync(path.join(temp.dir, 'secret.txt'), 'secret');
  });
  afterEach(() => temp.remove());

  it('serves the index and assets with their types', () => {
    expect(readStaticFile(root, '/')?.type).toMatch(/text\/html/);
    expect(readStaticFile(root, '/assets/app.js')?.type).toMatch(/javascript/);
  });

  it('has the index asked for every time, the bundles named by their content kept for good, and anything else for an hour', () => {
    fs.writeFileSync(path.join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    expect(readStaticFile(root, '/')?.cacheControl).toBe('no-cache');
    expect(readStaticFile(root, '/index.html')?.cacheControl).toBe('no-cache');
    expect(readStaticFile(root, '/assets/app.js')?.cacheControl).toBe('max-age=31536000, immutable');
    expect(readStaticFile(root, '/favicon.svg')?.cacheControl).toBe('max-age=3600');
  });

  it('refuses anything outside its folder', () => {
    expect(readStaticFile(root, '/../secret.txt')).toBeNull();
    expect(readStaticFile(root, '/%2e%2e/secret.txt')).toBeNull();
    expect(readStaticFile(root, '/assets/%00.js')).toBeNull();
    expect(readStaticFile(root, '/%E0%A4%A')).toBeNull();
    expect(readStaticFile(root, '/assets')).toBeNull();
    expect(readStaticFile(root, '/missing.js')).toBeNull();
  });
});
