import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DESCRIBED_RULES, describeRule } from '../../../functions/core/uploads/rule-descriptions.ts';

const ROOT = path.resolve(import.meta.dirname, '../../../functions');

/** Every `.ts` file under `dir`. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.join(e.parentPath, e.name));
}

/**
 * Rule ids as the code emits them: `rule: 'id'`, `CsvFormatError(msg, 'id')`, and the rule
 * argument of `error`/`warn`/`fileError` (the literal just before the message argument).
 */
function emittedRules(): Set<string> {
  const found = new Set<string>();
  const patterns = [
    /\brule: '([a-z0-9-]+)'/g,
    /\.(?:error|warn|fileError)\([^;]*?'([a-z0-9-]+)',\s*[`'"]/g,
    /CsvFormatError\([\s\S]*?,\s*'([a-z0-9-]+)'/g,
    /errorCountsByRule: \{ '([a-z0-9-]+)'/g,
  ];
  // The ingest use case emits the whole-file rules (file-size, internal) beside the uploads' own.
  for (const file of [...sources(path.join(ROOT, 'core/uploads')), path.join(ROOT, 'core/pipeline/ingest-upload.ts')]) {
    const text = readFileSync(file, 'utf8');
    for (const re of patterns) for (const m of text.matchAll(re)) found.add(m[1]);
  }
  return found;
}

describe('describeRule', () => {
  it('has a description for every rule id the validation code emits', () => {
    const emitted = emittedRules();
    // The scan finds the rules it must (a scan that found nothing would pass vacuously).
    for (const known of ['impossible-date', 'code-list', 'required', 'field-count', 'unclosed-quote', 'not-xlsx', 'file-size', 'missing-column', 'internal']) {
      expect(emitted).toContain(known);
    }
    expect([...emitted].filter((rule) => !DESCRIBED_RULES.includes(rule))).toEqual([]);
  });

  it('describes in words, never echoing an id', () => {
    for (const rule of DESCRIBED_RULES) {
      expect(describeRule(rule)).toMatch(/^[A-Z][^]*[a-z0-9)]$/);
      expect(describeRule(rule).toLowerCase()).not.toContain(rule.includes('-') ? rule : `${rule}-`);
    }
    expect(describeRule('not-a-rule')).toBe('Another problem (see the message of each error)');
  });
});
