// Renders build/icon.svg to the PNG sizes the installers need (Linux icon set, and a 1024 px
// master from which electron-builder makes the Windows .ico and macOS .icns). Run after changing
// the SVG: `node scripts/render-icons.mjs` (needs Chromium, as the end-to-end tests do).
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';

const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const svg = fs.readFileSync('build/icon.svg', 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.GAINSAY_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  fs.mkdirSync('build/icons', { recursive: true });
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
    const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    fs.writeFileSync(size === 1024 ? 'build/icon.png' : path.join('build/icons', `${size}x${size}.png`), png);
    await page.close();
  }
} finally {
  await browser.close();
}
