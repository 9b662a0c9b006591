/** Runs a CLI command module's `run(args)` in-process, capturing what it writes to stdout and stderr. */
import { vi } from 'vitest';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function captureCli(run: (args: string[]) => Promise<number>, args: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  try {
    const code = await run(args);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}
