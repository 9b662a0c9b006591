// pdfmake's layout and renderer classes, which tagged-pdf.ts extends. pdfmake ships no types for
// them, and how a CommonJS default arrives differs between Node and a bundle: tagged-pdf.ts reads
// them as `unknown` and finds the class itself.
declare module 'pdfmake/js/LayoutBuilder.js' { const m: unknown; export default m }
declare module 'pdfmake/js/ElementWriter.js' { const m: unknown; export default m }
declare module 'pdfmake/js/PageElementWriter.js' { const m: unknown; export default m }
declare module 'pdfmake/js/Renderer.js' { const m: unknown; export default m }
