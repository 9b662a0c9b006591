/**
 * Every email's HTML, as built for real from realistic data (test/support/email-gallery.ts), run
 * through axe-core in jsdom: no WCAG 2.1 A/AA or best-practice violation, and the landmarks a
 * screen reader navigates by. jsdom lays nothing out, so axe cannot judge colour contrast here:
 * the contrast of every text against its background is computed from the inline CSS the email
 * carries (WCAG 2.1 relative luminance), and .ci/run repeats axe in headless Chromium with it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { JSDOM } from 'jsdom';
import type { AxeResults } from 'axe-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { emailGallery, type GalleryEmail } from '../../support/email-gallery.ts';
import { contrastRatio } from '../../support/contrast.ts';
import { RAG_STYLE } from '../../../functions/core/cards/palette.ts';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

let emails: (GalleryEmail & { document: Document })[];
beforeAll(async () => {
  emails = (await emailGallery()).map((e) => ({ ...e, document: new JSDOM(e.html).window.document }));
});

async function axe(html: string): Promise<AxeResults> {
  const dom = new JSDOM(html, { runScripts: 'outside-only', pretendToBeVisual: true });
  dom.window.eval(AXE_SOURCE);
  const run = (dom.window as unknown as { axe: typeof import('axe-core') }).axe.run;
  return run(dom.window.document, { runOnly: { type: 'tag', values: TAGS }, resultTypes: ['violations'] });
}

/** The first value of `property` in an inline style, from `el` up: what the email's CSS sets for it. */
function inherited(el: Element | null, property: 'color' | 'background'): string | null {
  for (let e = el; e; e = e.parentElement) {
    const m = new RegExp(`(?:^|;)\\s*${property}(?:-color)?\\s*:\\s*(#[0-9a-f]{6})`, 'i').exec(e.getAttribute('style') ?? '');
    if (m) return m[1];
  }
  return null;
}

describe('every email, in jsdom', () => {
  it('covers every kind the pipeline sends', () => {
    expect(emails.map((e) => e.name)).toEqual(['pack-board', 'pack-board-revised', 'preview-manual', 'preview-manual-too-late', 'preview-auto', 'rejection', 'reminder', 'owners-notice', 'missed-sends']);
  });

  it('has no axe-core violation (WCAG 2.1 A and AA, best practice)', async () => {
    const found: string[] = [];
    for (const e of emails) {
      const results = await axe(e.html);
      // Rules that ran and passed are counted, so a run that checked nothing could not pass.
      expect(results.passes.length, e.name).toBeGreaterThan(10);
      for (const v of results.violations) found.push(`${e.name}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.html.slice(0, 120)}`);
    }
    expect(found).toEqual([]);
  }, 60_000);

  it('finds the violations of a broken email (the harness itself works)', async () => {
    const results = await axe('<!DOCTYPE html><html><head><title>x</title></head><body><img src="a.png"><p style="color:#777777">text</p></body></html>');
    expect(results.violations.map((v) => v.id)).toEqual(expect.arrayContaining(['html-has-lang', 'image-alt', 'region']));
  });

  it('has its landmarks: lang, a title, one main holding everything, one h1 and no skipped heading level', async () => {
    for (const e of emails) {
      const { document } = e;
      expect(document.documentElement.lang, e.name).toBe('en-GB');
      expect(document.title.length, e.name).toBeGreaterThan(10);
      expect([...document.body.children].map((c) => c.tagName), e.name).toEqual(['MAIN']);
      const levels = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => Number(h.tagName[1]));
      expect(levels[0], e.name).toBe(1);
      expect(levels.filter((l) => l === 1), e.name).toHaveLength(1);
      for (let i = 1; i < levels.length; i++) expect(levels[i] - levels[i - 1], e.name).toBeLessThanOrEqual(1);
    }
  });

  it('gives every text at least 4.5:1 contrast against its background, as the inline CSS sets them', async () => {
    const low: string[] = [];
    let checked = 0;
    const pairs = new Set<string>();
    for (const e of emails) {
      const { document } = e;
      const walker = document.createTreeWalker(document.body, 4 /* NodeFilter.SHOW_TEXT */);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (!n.textContent?.trim()) continue;
        const fg = inherited(n.parentElement, 'color') ?? '#000000';
        const bg = inherited(n.parentElement, 'background') ?? '#ffffff';
        pairs.add(`${fg} on ${bg}`);
        checked++;
        const ratio = contrastRatio(fg, bg);
        if (ratio < 4.5) low.push(`${e.name}: "${n.textContent.trim().slice(0, 40)}" ${fg} on ${bg} = ${ratio.toFixed(2)}`);
      }
    }
    expect(low).toEqual([]);
    expect(checked).toBeGreaterThan(500);
    // Each RAG word was met on its own fill (the pack emails show all four).
    for (const r of Object.values(RAG_STYLE)) expect(pairs).toContain(`${r.text} on ${r.fill}`);
  });
});

describe('contrastRatio', () => {
  it('matches WCAG 2.1 worked values', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    // #767676 on white is the well-known lightest grey that passes AA: 4.54:1.
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#777777', '#ffffff')).toBeLessThan(4.5);
  });
});
