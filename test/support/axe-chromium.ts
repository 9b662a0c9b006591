/**
 * axe-core over every email's HTML in a real browser (Debian's chromium, headless, driven by
 * playwright-core): all WCAG 2.1 A and AA rules and axe's best practices, colour contrast
 * included, which jsdom cannot lay out (test/core/mail/accessibility.test.ts checks the rest
 * there). Run by .ci/run after the tests: `npx tsx test/support/axe-chromium.ts [--png DIR]`.
 *
 * Prints `axe: N emails, 0 violations` and exits 0, or lists each violation and exits 1. Without
 * chromium it tries `apt-get install -y chromium`; when apt is not there or cannot install (no
 * network, not root) it says so and exits 0: a missing browser is not a fault in the emails.
 * `--png DIR` also saves each email as rendered, for a person to look at.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { emailGallery } from './email-gallery.ts';

/** Debian's chromium; AXE_CHROMIUM points elsewhere (to try the skip path on a machine that has it). */
const CHROMIUM = process.env.AXE_CHROMIUM ?? '/usr/bin/chromium';
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/** Whether chromium is there, installing it with apt when it can. */
function ensureChromium(): boolean {
  if (existsSync(CHROMIUM)) return true;
  const apt = (args: string[]) => spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], timeout: 15 * 60_000 });
  if (apt(['--version']).status !== 0) {
    console.log(`axe: skipped - ${CHROMIUM} is not installed and apt-get is not available`);
    return false;
  }
  console.log('axe: installing chromium (apt-get install -y chromium)');
  // A fresh image has no package lists yet: update once, then try again.
  if (apt(['install', '-y', 'chromium']).status !== 0 && apt(['update']).status === 0) apt(['install', '-y', 'chromium']);
  if (existsSync(CHROMIUM)) return true;
  console.log('axe: skipped - chromium could not be installed (no network, or not root?)');
  return false;
}

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { html: string; failureSummary?: string }[];
}

async function main(): Promise<number> {
  const pngAt = process.argv.indexOf('--png');
  const pngDir = pngAt > 0 ? process.argv[pngAt + 1] : null;
  if (!ensureChromium()) return 0;
  const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  const emails = await emailGallery();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  let violations = 0;
  try {
    const page = await browser.newPage({ viewport: { width: 800, height: 1000 } });
    for (const e of emails) {
      await page.setContent(e.html, { waitUntil: 'load' });
      await page.addScriptTag({ content: axeSource });
      const found = (await page.evaluate(
        (tags) => (window as unknown as { axe: { run: (o: unknown) => Promise<{ violations: unknown[] }> } }).axe.run({ runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
        TAGS,
      )) as { violations: Violation[] };
      for (const v of found.violations) {
        violations++;
        console.log(`axe: ${e.name}: ${v.id} (${v.impact}) ${v.help}`);
        for (const n of v.nodes.slice(0, 3)) console.log(`  ${n.html.slice(0, 160)}\n    ${(n.failureSummary ?? '').replace(/\n/g, ' ')}`);
      }
      if (pngDir) {
        mkdirSync(pngDir, { recursive: true });
        await page.screenshot({ path: path.join(pngDir, `${e.name}.png`), fullPage: true });
      }
    }
  } finally {
    await browser.close();
  }
  console.log(`axe: ${emails.length} emails, ${violations} violations`);
  return violations === 0 ? 0 : 1;
}

process.exitCode = await main();
