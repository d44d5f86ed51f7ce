// The PDF toolkit every module's documents are built from (see the README's architecture section):
//   createPdf (A4 setup, embedded CJK font, layout cursor, footer with page numbers and a fingerprint line),
//   titleBlock / runningHeader, FieldGrid (label: value forms), PdfTable (columns, header repeated, rows continued
//   across pages), signatureLine(s) / signatureBoxes, photoGrid.
export { createPdf, PdfDoc, PDF_FONT, PDF_STYLE, defaultPageNumberText, fingerprintText, localStamp, type Align, type PdfFooter, type PdfSetup } from './doc';
export { RowLayout, CONTINUED, type Cell, type CellKind, type RowOptions } from './rows';
export { PdfTable, columnWidths, type TableColumn, type TableOptions, type TableValue } from './table';
export { FieldGrid, type FieldExtra, type FieldGridOptions, type FieldValue } from './fields';
export {
  BLANK_DATE,
  infoLine,
  photoGrid,
  photoGridRows,
  photoRowHeight,
  runningHeader,
  signatureBoxes,
  signatureLine,
  signatureLines,
  signatureLinesHeight,
  sniffImage,
  titleBlock,
  type GridPhoto,
  type PhotoSkip,
  type SignatureItem,
  type TitleBlock,
} from './blocks';
export { fontPaths, loadFonts, parsedFonts, resetFontCache } from './fonts';
