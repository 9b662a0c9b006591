/**
 * Child process for the workbook limit tests: validates each named hostile workbook
 * (hostile-workbooks.ts; `far-right-cells` too) as a population upload and prints one JSON line
 * per workbook, then one with the process's peak RSS. Run with `--max-old-space-size=512`, so a
 * reader that held what a workbook describes would die of it rather than pass.
 *   node --max-old-space-size=512 --import tsx test/support/validate-hostile.ts NAME...
 */
import { performance } from 'node:perf_hooks';
import { validateUpload } from '../../functions/core/uploads/validate-upload.ts';
import { farRightCells, HOSTILE, type HostileName } from './hostile-workbooks.ts';

for (const name of process.argv.slice(2)) {
  const bytes = name === 'far-right-cells' ? farRightCells() : HOSTILE[name as HostileName].build();
  const started = performance.now();
  const result = await validateUpload('population', bytes, { fileName: 'hostile.xlsx' });
  const seconds = (performance.now() - started) / 1000;
  const { errorCountsByRule, rows } = result;
  const first = result.errors[0] && { row: result.errors[0].row, rule: result.errors[0].rule, message: result.errors[0].message };
  process.stdout.write(`${JSON.stringify({ name, zipBytes: bytes.length, seconds, rows, errorCountsByRule, first, accepted: result.data !== null })}\n`);
}
// resourceUsage().maxRSS is in kilobytes.
process.stdout.write(`${JSON.stringify({ peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
