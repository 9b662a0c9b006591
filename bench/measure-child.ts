/**
 * Runs one benchmark task in this (child) process and prints one JSON line with its wall time and
 * peak RSS, so each task's memory is measured on its own and not inflated by the others.
 *   tsx bench/measure-child.ts <task> <args...>
 */
import { performance } from 'node:perf_hooks';

type Task = (args: string[]) => Promise<Record<string, unknown>>;

const tasks: Record<string, () => Promise<Task>> = {
  project: async () => (await import('./tasks/project-measures.ts')).run,
  duckdb: async () => (await import('./tasks/duckdb-measures.ts')).run,
  render: async () => (await import('./tasks/render-pack.ts')).run,
  'render-reference': async () => (await import('./tasks/render-reference.ts')).run,
  validate: async () => (await import('./tasks/validate-upload.ts')).run,
  reject: async () => (await import('./tasks/reject-upload.ts')).run,
};

const [name, ...args] = process.argv.slice(2);
const load = tasks[name];
if (!load) {
  console.error(`unknown task ${name}`);
  process.exit(2);
}
const task = await load();
const started = performance.now();
const extra = await task(args);
const wallSeconds = (performance.now() - started) / 1000;
// resourceUsage().maxRSS is in kilobytes.
const peakRssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify({ task: name, wallSeconds, peakRssMb, ...extra })}\n`);
