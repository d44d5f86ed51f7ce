// THE table of the four risk levels (风险分级, 红橙黄蓝) and of "not assessed": one colour set for screen, print and
// spreadsheets, and the message keys of their names. The PDF swatches, the xlsx cell fills, the ledger tags and the
// dashboard charts all read it.
import { defineMessages } from '../kernel/i18n';
import { RISK_COLORS, type RiskColor } from './rules';

export type RiskLevel = RiskColor | 'unassessed';
export const RISK_LEVELS: readonly RiskLevel[] = [...RISK_COLORS, 'unassessed'];

export interface RiskStyle {
  /** the solid colour: chart series, PDF swatch, tag border ('#RRGGBB') */
  hex: string;
  /** a light tint of it: spreadsheet cell fill, tag background ('#RRGGBB') */
  fill: string;
  /** text colour readable on `fill` ('#RRGGBB') */
  ink: string;
  /** message key of the level's name: 重大风险 / Major risk … */
  nameKey: string;
  /** message key of the colour's name: 红色 / Red … */
  colorKey: string;
}

export const RISK_STYLE: Readonly<Record<RiskLevel, RiskStyle>> = {
  red: { hex: '#E02020', fill: '#FFC7CE', ink: '#9C0006', nameKey: 'risk.red', colorKey: 'riskColor.red' },
  orange: { hex: '#F28C28', fill: '#FCE4D6', ink: '#974706', nameKey: 'risk.orange', colorKey: 'riskColor.orange' },
  yellow: { hex: '#F5C400', fill: '#FFF2CC', ink: '#7F6000', nameKey: 'risk.yellow', colorKey: 'riskColor.yellow' },
  blue: { hex: '#1F6FD0', fill: '#DDEBF7', ink: '#1F4E79', nameKey: 'risk.blue', colorKey: 'riskColor.blue' },
  unassessed: { hex: '#BFBFBF', fill: '#F2F2F2', ink: '#595959', nameKey: 'risk.unassessed', colorKey: 'riskColor.unassessed' },
};

/** The style of a hazard's risk; null (no LEC evaluation yet) is "unassessed". */
export function riskStyle(risk: RiskColor | 'unassessed' | null | undefined): RiskStyle {
  return RISK_STYLE[risk ?? 'unassessed'];
}

/** '#E02020' → 'FFE02020' (exceljs ARGB). */
export function argb(hex: string): string {
  const m = /^#?([0-9a-fA-F]{6})$/.exec(hex);
  if (!m) throw new Error(`not a #RRGGBB colour: ${hex}`);
  return `FF${m[1]!.toUpperCase()}`;
}

/**
 * The names of the colours and of "not assessed" (the level names 'risk.red'… are in ./messages.ts). To be merged
 * into the hazards module's messages; until then callers may fall back to these texts directly.
 */
export const riskMessages = defineMessages({
  'risk.unassessed': { 'zh-CN': '未评价', en: 'Not assessed' },
  'riskColor.red': { 'zh-CN': '红色', en: 'Red' },
  'riskColor.orange': { 'zh-CN': '橙色', en: 'Orange' },
  'riskColor.yellow': { 'zh-CN': '黄色', en: 'Yellow' },
  'riskColor.blue': { 'zh-CN': '蓝色', en: 'Blue' },
  'riskColor.unassessed': { 'zh-CN': '未评价', en: 'Not assessed' },
});
