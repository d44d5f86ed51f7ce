// The PDF toolkit's data table: columns with fixed or shared widths, a header row repeated at the top of every page
// the table continues on, rows that wrap CJK text and continue across pages (see rows.ts), a total row.
import { CONTINUED, RowLayout, type Cell, type CellKind, type RowOptions } from './rows';
import type { Align, PdfDoc } from './doc';

export interface TableColumn {
  /** header text; '\n' where a narrow column should wrap it */
  header: string;
  /** width in points; columns without one share the rest by `flex` (default 1) */
  width?: number;
  flex?: number;
  /** alignment of the data cells (default left) */
  align?: Align;
  /** continuation of a split row: 'repeat' this cell (with “（续）”), or 'split' its text (default) */
  onSplit?: 'split' | 'repeat';
}

export type TableValue = string | number | null | undefined | { text: string; align?: Align; swatch?: string; bold?: boolean };

export interface TableOptions extends RowOptions {
  /** repeat the header row on every page the table continues on (default true) */
  repeatHeader?: boolean;
  /** total width (default: the page's text width) */
  width?: number;
  /** vertical alignment of every data cell (default: short content centred, long text from the top) */
  valign?: 'top' | 'center';
}

/** Column widths in points: fixed ones as given, the rest share what is left by flex. */
export function columnWidths(columns: readonly TableColumn[], total: number): number[] {
  if (columns.length === 0) throw new Error('a table needs at least one column');
  const fixed = columns.reduce((s, c) => s + (c.width ?? 0), 0);
  const flexSum = columns.reduce((s, c) => s + (c.width === undefined ? (c.flex ?? 1) : 0), 0);
  const rest = total - fixed;
  if (rest < -0.5 || (flexSum > 0 && rest < 8 * flexSum)) throw new Error(`table columns (${fixed.toFixed(0)} pt fixed) do not fit in ${total.toFixed(0)} pt`);
  return columns.map((c) => (c.width !== undefined ? c.width : (rest * (c.flex ?? 1)) / flexSum));
}

export class PdfTable {
  readonly widths: number[];
  private readonly rows: RowLayout;
  private removeHook: (() => void) | null = null;
  private count = 0;

  constructor(
    readonly pdf: PdfDoc,
    readonly columns: readonly TableColumn[],
    private readonly o: TableOptions = {},
  ) {
    this.widths = columnWidths(columns, o.width ?? pdf.width);
    this.rows = new RowLayout(pdf, o);
  }

  private headerCells(): Cell[] {
    return this.columns.map((c, i) => ({ text: c.header, w: this.widths[i]!, kind: 'head', align: 'center' }));
  }

  /** Draws the header (with room for at least one row under it) and repeats it on later pages. */
  begin(): this {
    const header = this.headerCells();
    this.pdf.ensure(this.rows.height(header) + this.rows.minRow);
    this.rows.row(header);
    if (this.o.repeatHeader ?? true) this.removeHook = this.pdf.onNewPage(() => this.rows.row(header));
    return this;
  }

  /** One data row (kind 'value') or the total row (kind 'total'). */
  row(values: readonly TableValue[], kind: Extract<CellKind, 'value' | 'total'> = 'value'): this {
    this.rows.row(this.cells(values, kind));
    this.count++;
    return this;
  }

  /** The height row(values, kind) takes when it is not split across pages (to keep rows with what follows them). */
  rowHeight(values: readonly TableValue[], kind: Extract<CellKind, 'value' | 'total'> = 'value'): number {
    return this.rows.height(this.cells(values, kind));
  }

  private cells(values: readonly TableValue[], kind: Extract<CellKind, 'value' | 'total'>): Cell[] {
    if (values.length !== this.columns.length) throw new Error(`table row has ${values.length} cells, the table ${this.columns.length} columns`);
    return values.map((v, i) => {
      const col = this.columns[i]!;
      const obj = v !== null && typeof v === 'object' ? v : null;
      const text = obj ? obj.text : v === null || v === undefined ? '' : String(v);
      return {
        text,
        w: this.widths[i]!,
        kind,
        align: obj?.align ?? col.align ?? 'left',
        ...(obj?.swatch ? { swatch: obj.swatch } : {}),
        ...(obj?.bold !== undefined ? { bold: obj.bold } : {}),
        ...(this.o.valign ? { valign: this.o.valign } : {}),
        onSplit: col.onSplit ?? 'split',
      };
    });
  }

  /** A row spanning every column (e.g. “本期无记录”). */
  note(text: string, align: Align = 'center'): this {
    this.rows.row([{ text, w: this.widths.reduce((a, b) => a + b, 0), kind: 'value', align }]);
    return this;
  }

  get rowCount() {
    return this.count;
  }

  /** Stops repeating the header (call before drawing what follows the table). */
  end(): void {
    this.removeHook?.();
    this.removeHook = null;
  }
}

export { CONTINUED };
