// The PDF toolkit's row engine: a row of bordered cells whose text wraps (Chinese without spaces included). A row
// that does not fit the rest of the page moves to the next page when short, or is split: the part that fits stays,
// the rest continues on the next page (after that page's hooks: running header, repeated table header). Cells of
// kind 'value' split their text; the others repeat with “（续）”. Used by tables and field grids.
import { PDF_STYLE, type Align, type PdfDoc } from './doc';

export type CellKind = 'label' | 'value' | 'section' | 'head' | 'total';

export interface Cell {
  text: string;
  /** width in points */
  w: number;
  kind: CellKind;
  align?: Align;
  /** a colour swatch (#RRGGBB) drawn before the text */
  swatch?: string;
  /** default: short content centred, long value text from the top */
  valign?: 'top' | 'center';
  /** what a split does with this cell: 'split' its text (default for values) or 'repeat' it with “（续）” */
  onSplit?: 'split' | 'repeat';
  /** bold text (default: every kind but 'value') */
  bold?: boolean;
}

export interface RowOptions {
  /** the smallest row height (default 24) */
  minRow?: number;
  /** space above and below the text of a cell (default 5) */
  padY?: number;
  /** space left and right of the text of a cell (default 6) */
  padX?: number;
  /** rows up to this height move to the next page whole instead of being split (default 110) */
  keepTogether?: number;
}

export const CONTINUED = '（续）';
const SWATCH_W = 20;

export class RowLayout {
  readonly minRow: number;
  readonly padY: number;
  readonly padX: number;
  readonly keepTogether: number;

  constructor(
    readonly pdf: PdfDoc,
    o: RowOptions = {},
  ) {
    this.minRow = o.minRow ?? 24;
    this.padY = o.padY ?? 5;
    this.padX = o.padX ?? 6;
    this.keepTogether = o.keepTogether ?? 110;
  }

  /** never split a row into a piece shorter than three lines */
  private get minSplit() {
    return 3 * 17 + 2 * this.padY;
  }

  private font(c: Cell) {
    const bold = c.bold ?? c.kind !== 'value';
    this.pdf.font(bold, c.kind === 'section' ? PDF_STYLE.body + 0.5 : PDF_STYLE.body);
  }
  private innerW(c: Cell) {
    return Math.max(8, c.w - 2 * this.padX - (c.swatch ? SWATCH_W : 0));
  }
  private textH(c: Cell, text = c.text): number {
    if (!text) return 0;
    this.font(c);
    return this.pdf.measure(text, { width: this.innerW(c) });
  }
  height(cells: readonly Cell[]): number {
    let h = this.minRow;
    for (const c of cells) h = Math.max(h, this.textH(c) + 2 * this.padY);
    return Math.ceil(h);
  }

  private drawRow(cells: readonly Cell[], h: number): void {
    const { pdf } = this;
    const doc = pdf.doc;
    let x = pdf.left;
    doc.lineWidth(0.75);
    for (const c of cells) {
      const fill = c.kind === 'label' || c.kind === 'head' || c.kind === 'total' ? PDF_STYLE.labelFill : c.kind === 'section' ? PDF_STYLE.sectionFill : null;
      if (fill) doc.rect(x, pdf.y, c.w, h).fill(fill);
      doc.rect(x, pdf.y, c.w, h).strokeColor(PDF_STYLE.border).stroke();
      if (c.text || c.swatch) {
        const th = this.textH(c);
        this.font(c);
        const lineH = doc.currentLineHeight(true);
        const valign = c.valign ?? (c.kind === 'value' && th > 2 * lineH + 1 ? 'top' : 'center');
        const ty = valign === 'top' ? pdf.y + this.padY : pdf.y + Math.max(this.padY, (h - th) / 2);
        let tx = x + this.padX;
        if (c.swatch) {
          doc.rect(tx, pdf.y + (h - 11) / 2, 15, 11).fillAndStroke(c.swatch, '#333333');
          doc.strokeColor(PDF_STYLE.border);
          tx += SWATCH_W;
        }
        if (c.text) {
          this.font(c);
          doc.fillColor(PDF_STYLE.text);
          pdf.draw(c.text, tx, ty, { width: this.innerW(c), align: c.align ?? (c.kind === 'value' ? 'left' : 'center') });
        }
      }
      x += c.w;
    }
    pdf.y += h;
  }

  /** Draws a row at the cursor: whole if it fits, else on the next page (short rows) or split across pages. */
  row(cells: readonly Cell[]): void {
    const { pdf } = this;
    // a section heading never ends a page: keep it with (the start of) the next row
    if (cells.length === 1 && cells[0]!.kind === 'section') pdf.ensure(this.height(cells) + 2 * this.minRow);
    let cur = cells;
    for (let guard = 0; guard < 1000; guard++) {
      const h = this.height(cur);
      if (h <= pdf.avail + 0.01) {
        this.drawRow(cur, h);
        return;
      }
      const atTop = pdf.atPageTop;
      if (!atTop && (h <= this.keepTogether || pdf.avail < this.minSplit)) {
        pdf.newPage();
        continue;
      }
      const availH = pdf.avail;
      const head: Cell[] = [];
      const tail: Cell[] = [];
      let progress = false;
      for (const c of cur) {
        if ((c.onSplit ?? (c.kind === 'value' ? 'split' : 'repeat')) === 'split') {
          this.font(c);
          const [a, b] = pdf.fit(c.text, availH - 2 * this.padY, { width: this.innerW(c) });
          if (a) progress = true;
          head.push({ ...c, text: a, valign: 'top' });
          tail.push({ ...c, text: b, valign: 'top' });
        } else {
          head.push(c);
          tail.push({ ...c, text: c.text && !c.text.endsWith(CONTINUED) ? `${c.text}${CONTINUED}` : c.text });
        }
      }
      if (!progress) {
        if (atTop) {
          this.drawRow(cur, availH); // only a repeated cell taller than a page gets here: draw it clipped
          return;
        }
        pdf.newPage();
        continue;
      }
      this.drawRow(head, availH);
      pdf.newPage();
      cur = tail;
    }
    throw new Error('row layout did not converge');
  }
}
