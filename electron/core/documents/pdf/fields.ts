// The PDF toolkit's field block: the “label: value” grid of a form (整改通知单, 验收记录, minutes…): grey label cells,
// values that wrap and continue across pages (the label repeats with “（续）”), two pairs per row or one full-width
// pair, and section headings that never end a page.
import type { PdfDoc } from './doc';
import { RowLayout, type Cell, type RowOptions } from './rows';

export type FieldValue = string | number | null | undefined;
export interface FieldExtra {
  /** a colour swatch (#RRGGBB) before the value */
  swatch?: string;
  align?: Cell['align'];
}

export interface FieldGridOptions extends RowOptions {
  /** width of the label cells (default 88 pt) */
  labelWidth?: number;
}

const text = (v: FieldValue) => (v === null || v === undefined ? '' : String(v));

export class FieldGrid {
  readonly labelWidth: number;
  private readonly rows: RowLayout;

  constructor(
    readonly pdf: PdfDoc,
    o: FieldGridOptions = {},
  ) {
    this.labelWidth = o.labelWidth ?? 88;
    this.rows = new RowLayout(pdf, o);
    if (pdf.width < 2 * this.labelWidth + 80) throw new Error('field grid labels are wider than the page');
  }

  private get valueWidth() {
    return (this.pdf.width - 2 * this.labelWidth) / 2;
  }

  private sectionCells(title: string): Cell[] {
    return [{ text: title, w: this.pdf.width, kind: 'section', align: 'left' }];
  }
  /** A heading row across the grid (一、隐患情况). */
  section(title: string): this {
    this.rows.row(this.sectionCells(title));
    return this;
  }
  /** The height of section(title). */
  sectionHeight(title: string): number {
    return this.rows.height(this.sectionCells(title));
  }

  private fullCells(label: string, value: FieldValue, extra: FieldExtra): Cell[] {
    return [
      { text: label, w: this.labelWidth, kind: 'label' },
      { text: text(value), w: this.pdf.width - this.labelWidth, kind: 'value', ...extra },
    ];
  }
  private pairCells(label1: string, value1: FieldValue, label2: string, value2: FieldValue, extra2: FieldExtra, extra1: FieldExtra): Cell[] {
    return [
      { text: label1, w: this.labelWidth, kind: 'label' },
      { text: text(value1), w: this.valueWidth, kind: 'value', ...extra1 },
      { text: label2, w: this.labelWidth, kind: 'label' },
      { text: text(value2), w: this.valueWidth, kind: 'value', ...extra2 },
    ];
  }

  /** One label and its value across the full width. */
  full(label: string, value: FieldValue, extra: FieldExtra = {}): this {
    this.rows.row(this.fullCells(label, value, extra));
    return this;
  }
  /** The height full(label, value) takes when it is not split across pages. */
  fullHeight(label: string, value: FieldValue, extra: FieldExtra = {}): number {
    return this.rows.height(this.fullCells(label, value, extra));
  }

  /** Two label/value pairs side by side. */
  pair(label1: string, value1: FieldValue, label2: string, value2: FieldValue, extra2: FieldExtra = {}, extra1: FieldExtra = {}): this {
    this.rows.row(this.pairCells(label1, value1, label2, value2, extra2, extra1));
    return this;
  }

  /** Fields laid out two per row in order; a field marked `full` (or a last odd one) takes a row of its own. */
  fields(list: readonly { label: string; value: FieldValue; full?: boolean; extra?: FieldExtra }[]): this {
    for (let i = 0; i < list.length; i++) {
      const a = list[i]!;
      const b = list[i + 1];
      if (a.full || !b || b.full) {
        this.full(a.label, a.value, a.extra);
      } else {
        this.pair(a.label, a.value, b.label, b.value, b.extra, a.extra);
        i++;
      }
    }
    return this;
  }
}
