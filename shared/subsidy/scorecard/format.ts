// A scorecard figure as text, the same in the tab, the home card and the dossier PDF: a share as a percentage with one
// decimal, fen as yuan with separators, hours with one decimal; nothing to show as “—”.
import { formatYuan } from '../../kernel/money';
import type { Figure } from './types';

export function figureText(f: Pick<Figure, 'value' | 'unit'>): string {
  if (f.value === null || f.value === '') return '—';
  if (typeof f.value === 'string') return f.value;
  switch (f.unit) {
    case 'share':
      return `${(Math.round(f.value * 1000) / 10).toFixed(1)}%`;
    case 'fen':
      return formatYuan(f.value);
    case 'hours':
      return String(Math.round(f.value * 10) / 10);
    default:
      return String(f.value);
  }
}
