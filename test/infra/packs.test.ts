import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { App } from 'aws-cdk-lib';
import { PackTemplateError } from '../../functions/core/cards/parse-packs.ts';
import { buildApp } from '../../infra/build.ts';
import { EnvironmentConfig, loadConfig } from '../../infra/config.ts';
import { PROJECT_ROOT } from '../../infra/constructs/report-function.ts';
import { mailAddresses, packListProblems } from '../../infra/packs.ts';
import { cdkJson, defaultRawConfig } from './synth.ts';

const PACKS = path.join(PROJECT_ROOT, 'templates', 'packs');
const config = () => EnvironmentConfig.parse(defaultRawConfig());

describe('pack lists against the environment', () => {
  it('finds every list the shipped packs name in the default environment', () => {
    expect(packListProblems(config(), PACKS)).toEqual([]);
  });

  it('names the pack, the field and the list when the environment lacks one', () => {
    const c = config();
    delete c.lists.clerks;
    const problems = packListProblems(c, PACKS);
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) expect(p).toMatch(/^lists: pack "[a-z-]+" \(distribution\.lists\) sends to list "clerks", which this environment does not define$/);
  });

  it('checks the preview and owners lists too, and reports a broken template as the renderer would', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'packs-'));
    try {
      const [first] = ['scrutiny-board.json'];
      const pack = JSON.parse(readFileSync(path.join(PACKS, first!), 'utf8'));
      pack.distribution.previewList = 'analysts';
      writeFileSync(path.join(dir, first!), JSON.stringify(pack));
      expect(packListProblems(config(), dir)).toEqual([
        `lists: pack "${pack.id}" (distribution.previewList) sends to list "analysts", which this environment does not define`,
      ]);
      writeFileSync(path.join(dir, first!), '{ not json');
      expect(() => packListProblems(config(), dir)).toThrow(PackTemplateError);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('measure ids at synth', () => {
  it('a pack naming a measure the catalogue does not hold fails synth, naming the file and the id', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'packs-'));
    try {
      const pack = JSON.parse(readFileSync(path.join(PACKS, 'scrutiny-board.json'), 'utf8'));
      pack.sections[0].measures[1] = 'FPCO';
      writeFileSync(path.join(dir, 'scrutiny-board.json'), JSON.stringify(pack));
      const app = new App({ context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] } });
      const { name, config } = loadConfig((k) => app.node.tryGetContext(k));
      expect(() => buildApp(app, name, config, dir)).toThrow(
        `${path.join(dir, 'scrutiny-board.json')}: sections.0.measures.1: 'FPCO' is not a measure in the catalogue (functions/core/measures/catalogue/)`,
      );
      // The same folder with the id spelt right builds.
      pack.sections[0].measures[1] = 'FPOC';
      writeFileSync(path.join(dir, 'scrutiny-board.json'), JSON.stringify(pack));
      const ok = new App({ context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] } });
      expect(() => buildApp(ok, name, config, dir)).not.toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the addresses a function may mail', () => {
  const lists = {
    board: ['Chair@Example.org', 'member@example.org'],
    clerks: ['clerk@example.org', 'chair@example.org'],
    'performance-team': ['team@example.org'],
    owners: ['owner@example.org'],
    unused: ['nobody@example.org'],
  };

  it('takes a named list as it is, lower-cased as the handlers send', () => {
    expect(mailAddresses(lists, PACKS, [{ list: 'board' }])).toEqual(['chair@example.org', 'member@example.org']);
  });

  it('takes the lists the shipped packs name in a field, once each, sorted, never a list no pack names', () => {
    // Both shipped packs: lists board + clerks, preview performance-team, owners owners.
    expect(mailAddresses(lists, PACKS, [{ packField: 'lists' }, { packField: 'ownersList' }])).toEqual([
      'chair@example.org',
      'clerk@example.org',
      'member@example.org',
      'owner@example.org',
    ]);
    expect(mailAddresses(lists, PACKS, [{ packField: 'previewList' }])).toEqual(['team@example.org']);
  });

  it('refuses a list the environment does not define', () => {
    expect(() => mailAddresses(lists, PACKS, [{ list: 'analysts' }])).toThrow(/list "analysts" is not defined/);
  });
});
