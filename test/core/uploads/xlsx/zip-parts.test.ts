/**
 * The zip limits, with work bounded by counting: entries are counted before the zip library lists
 * them, and a part's inflated bytes are counted as they come, so a lying directory is caught
 * after the bytes it records, not after the gigabyte it hides.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { BEYOND, MAX_INFLATED_BYTES, MAX_ZIP_ENTRIES } from '../../../../functions/core/uploads/xlsx/limits.ts';
import { WorkbookZip } from '../../../../functions/core/uploads/xlsx/zip-parts.ts';
import { deflatedEntry, repeatedEntry, zipBytes } from '../../../support/zip-bytes.ts';

const MB = 2 ** 20;
const part = deflatedEntry('xl/workbook.xml', '<workbook/>');

/** Reads the part's stream, counting bytes, until it ends or throws. */
async function drain(zip: WorkbookZip, path: string, read: { bytes: number }): Promise<void> {
  for await (const chunk of zip.part(path)!.stream()) read.bytes += chunk.length;
}

describe('zip limits', () => {
  it(`${MAX_ZIP_ENTRIES.toLocaleString('en-GB')} entries open; one more is refused before they are listed`, async () => {
    // (JSZip names an entry from its local header, so these all read as the one part.)
    const zip = await WorkbookZip.open(zipBytes([part], MAX_ZIP_ENTRIES - 1));
    expect(zip.part('xl/workbook.xml')).not.toBeNull();
    await expect(WorkbookZip.open(zipBytes([part], MAX_ZIP_ENTRIES))).rejects.toThrow(BEYOND.zipEntries);
  });

  it('a part is read whole, its name in any case', async () => {
    const zip = await WorkbookZip.open(zipBytes([deflatedEntry('xl/Workbook.xml', 'x'.repeat(3 * MB))]));
    const read = { bytes: 0 };
    await drain(zip, 'XL/workbook.xml', read);
    expect(read.bytes).toBe(3 * MB);
  });

  it('a part whose directory records more than the limit is refused before a byte is inflated', async () => {
    const big = repeatedEntry('xl/sheet.xml', '', '<x/>'.repeat(MB / 4), 2048 + 1, '');
    expect(big.size).toBeGreaterThan(MAX_INFLATED_BYTES);
    const zip = await WorkbookZip.open(zipBytes([big]));
    const read = { bytes: 0 };
    await expect(drain(zip, 'xl/sheet.xml', read)).rejects.toThrow(BEYOND.inflatedBytes);
    expect(read.bytes).toBe(0);
  });

  it('a part that inflates beyond what its directory records is refused at that size, not at its end', async () => {
    const lying = { ...repeatedEntry('xl/sheet.xml', '', '<x/>'.repeat(MB / 4), 1024, ''), size: 4096 };
    const zip = await WorkbookZip.open(zipBytes([lying]));
    const read = { bytes: 0 };
    await expect(drain(zip, 'xl/sheet.xml', read)).rejects.toThrow(BEYOND.understatedSize);
    expect(read.bytes).toBeLessThanOrEqual(4096);
  });

  it('a part that inflates to fewer bytes than its directory records is damaged', async () => {
    const short = { ...deflatedEntry('xl/sheet.xml', '<x/>'.repeat(1000)), size: 4001 };
    const zip = await WorkbookZip.open(zipBytes([short]));
    const read = { bytes: 0 };
    await expect(drain(zip, 'xl/sheet.xml', read)).rejects.toThrow(/fewer bytes/);
    expect(read.bytes).toBe(4000);
  });

  it('a stored (uncompressed) part is read whole too', async () => {
    const stored = new JSZip().file('xl/workbook.xml', 'y'.repeat(200_000));
    const zip = await WorkbookZip.open(await stored.generateAsync({ type: 'nodebuffer', compression: 'STORE' }));
    const read = { bytes: 0 };
    await drain(zip, 'xl/workbook.xml', read);
    expect(read.bytes).toBe(200_000);
  });
});
