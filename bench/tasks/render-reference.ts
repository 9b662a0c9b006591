/**
 * The reference for rendering: pdfmake laying out 30 A4 pages of plain text in the same fonts,
 * so the report-card figure reads as "how much slower than the cheapest 30-page PDF".
 */
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

export async function run(): Promise<Record<string, unknown>> {
  const pdfmake = require('pdfmake');
  const fonts = path.join(path.dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((file: string) => path.resolve(file).startsWith(fonts));
  pdfmake.setFonts({
    Roboto: {
      normal: path.join(fonts, 'Roboto-Regular.ttf'),
      bold: path.join(fonts, 'Roboto-Medium.ttf'),
      italics: path.join(fonts, 'Roboto-Italic.ttf'),
      bolditalics: path.join(fonts, 'Roboto-MediumItalic.ttf'),
    },
  });
  const paragraph = 'Long term (Care Act) assessments completed per 100,000 adults. '.repeat(20);
  const content = Array.from({ length: 30 }, (_, i) => [
    { text: `Page ${i + 1}`, fontSize: 16, bold: true, pageBreak: i > 0 ? 'before' : undefined },
    { text: paragraph },
  ]).flat();
  const started = performance.now();
  const buffer: Buffer = await pdfmake.createPdf({ pageSize: 'A4', content }).getBuffer();
  return { bytes: buffer.byteLength, renderSeconds: (performance.now() - started) / 1000 };
}
