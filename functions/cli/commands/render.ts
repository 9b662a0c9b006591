/**
 * `report-cards render [--pack ID] --out DIR [inputs]` (cli.md): validates the inputs exactly as
 * `measures` does, computes the measures document, and writes DIR/<period>-<pack>.pdf for the
 * named pack or for every pack in templates/packs, each with its data appendix
 * DIR/<period>-<pack>.csv beside it. Prints each path written.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadFonts } from '../../adapters/fonts.ts';
import { loadPackTemplates } from '../../adapters/pack-templates.ts';
import { appendixCsv } from '../../core/cards/appendix.ts';
import { PackTemplateError } from '../../core/cards/parse-packs.ts';
import { renderPack } from '../../core/cards/render-pack.ts';
import { packVersion } from '../../core/cards/summary.ts';
import { computeMeasures } from '../../core/measures/compute.ts';
import { PERIOD_KIND } from '../../core/uploads/kinds/index.ts';
import { INPUT_HELP, INPUT_OPTIONS, inputUsage, loadInputs } from '../load-inputs.ts';

export const help = `${inputUsage('Usage: report-cards render [--pack ID] --out DIR')}

Validates every input, computes the measures and writes each committee pack's report cards for
the latest month as DIR/<period>-<pack>.pdf, and beside each its data appendix
DIR/<period>-<pack>.csv (every figure the pack publishes, under the same disclosure control);
prints each path written.

  --pack ID           render only this pack (a templates/packs/<ID>.json); default: every pack
  --out DIR           folder for the PDFs and appendices (created if missing)
  --templates DIR     folder of pack templates (default: templates/packs of this project)
  --generated-at ISO  time printed on the cover (default: now)
${INPUT_HELP}

Exit codes: 0 done, 1 an input was rejected (errors on stderr), 2 usage error.`;

/** templates/packs beside this project's functions/ folder. */
export const DEFAULT_TEMPLATES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../templates/packs');

function usage(message: string): number {
  process.stderr.write(`report-cards render: ${message}\n\n${help}\n`);
  return 2;
}

export async function run(args: string[]): Promise<number> {
  let values: Record<string, string | string[] | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      options: { ...INPUT_OPTIONS, pack: { type: 'string' }, out: { type: 'string' }, templates: { type: 'string' }, 'generated-at': { type: 'string' } },
      allowPositionals: false,
      strict: true,
    }));
  } catch (e) {
    return usage(e instanceof Error ? e.message : String(e));
  }
  if (typeof values.out !== 'string') return usage('--out DIR is required');
  if (typeof values[PERIOD_KIND] !== 'string') return usage(`--${PERIOD_KIND} FILE is required`);
  const generatedAt = (values['generated-at'] as string | undefined) ?? new Date().toISOString();
  if (Number.isNaN(Date.parse(generatedAt))) return usage(`--generated-at '${generatedAt}' is not an ISO date-time`);

  let packs;
  try {
    packs = await loadPackTemplates((values.templates as string | undefined) ?? DEFAULT_TEMPLATES);
  } catch (e) {
    process.stderr.write(`report-cards render: ${e instanceof PackTemplateError ? e.message : `cannot read pack templates: ${(e as Error).message}`}\n`);
    return 2;
  }
  if (values.pack !== undefined) {
    packs = packs.filter((p) => p.id === values.pack);
    if (packs.length === 0) return usage(`no pack '${values.pack}' in the templates`);
  }
  if (packs.length === 0) return usage('no pack templates found');

  const loaded = await loadInputs('render', values);
  if (!loaded.ok) return loaded.exitCode;
  const doc = computeMeasures(loaded.inputs);

  await mkdir(values.out, { recursive: true });
  for (const pack of packs) {
    const pdf = await renderPack(doc, pack, { generatedAt, version: packVersion(doc, pack), fonts: loadFonts() });
    const file = path.join(values.out, `${doc.period}-${pack.id}.pdf`);
    await writeFile(file, pdf);
    const appendix = path.join(values.out, `${doc.period}-${pack.id}.csv`);
    await writeFile(appendix, appendixCsv(doc, pack), 'utf8');
    process.stdout.write(`${file}\n${appendix}\n`);
  }
  return 0;
}
