/**
 * .xlsx files written from their XML, part by part, for what ExcelJS never writes but other
 * producers do (and for damaging one part at a time in the fuzz test). Each part is built from
 * `Parts`, passed through `edit` (by zip path), then zipped.
 */
import JSZip from 'jszip';

export const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';

export interface Parts {
  /** The whole of xl/workbook.xml (default: one sheet, "Data", as rId1). */
  workbook?: string;
  /** What goes inside the sheet's `<sheetData>`. */
  sheetData: string;
  /** `<si>` elements of xl/sharedStrings.xml; no part when absent. */
  sharedStrings?: string[];
  /** The whole of xl/styles.xml; no part when absent. */
  styles?: string;
  /** The sheet's target as the workbook's relationships name it. */
  sheetTarget?: string;
}

export async function handMadeWorkbook(p: Parts, edit: (path: string, xml: string) => string = (_, xml) => xml): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [path, xml] of workbookParts(p)) zip.file(path, edit(path, xml));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** The workbook's parts as [zip path, XML], in zip order. */
export function workbookParts(p: Parts): [string, string][] {
  const rels = [`<Relationship Id="rId1" Type="${REL}/worksheet" Target="${p.sheetTarget ?? 'worksheets/sheet1.xml'}"/>`];
  if (p.sharedStrings) rels.push(`<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  if (p.styles) rels.push(`<Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/>`);
  const parts: [string, string | undefined][] = [
    ['_rels/.rels', `<?xml version="1.0"?><Relationships xmlns="${PACKAGE_RELS}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    ['xl/workbook.xml', p.workbook ?? `<?xml version="1.0"?><workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`],
    ['xl/_rels/workbook.xml.rels', `<?xml version="1.0"?><Relationships xmlns="${PACKAGE_RELS}">${rels.join('')}</Relationships>`],
    ['xl/sharedStrings.xml', p.sharedStrings && `<sst xmlns="${NS}">${p.sharedStrings.join('')}</sst>`],
    ['xl/styles.xml', p.styles],
    ['xl/worksheets/sheet1.xml', `<?xml version="1.0"?><worksheet xmlns="${NS}"><sheetData>${p.sheetData}</sheetData></worksheet>`],
  ];
  return parts.filter((part): part is [string, string] => part[1] !== undefined);
}
