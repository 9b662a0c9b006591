/**
 * Reads templates/bank-holidays.json (officers keep it current from GOV.UK) and hands the text to
 * the core parser, which names the file when an edit broke it.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseBankHolidays } from '../core/pipeline/working-days.ts';

export const BANK_HOLIDAYS_FILE = 'bank-holidays.json';

/** The England and Wales bank holidays in `templatesDir`, as `YYYY-MM-DD` dates. */
export async function loadBankHolidays(templatesDir: string): Promise<Set<string>> {
  const file = path.join(templatesDir, BANK_HOLIDAYS_FILE);
  return parseBankHolidays(await readFile(file, 'utf8'), file);
}
