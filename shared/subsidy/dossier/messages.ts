// The subsidy module's dossier words (backend error codes and validation keys of the area).
import { defineMessages } from '../../kernel/i18n';

export const messages = defineMessages({
  'err.subsidy.notWriter': { 'zh-CN': '只有工会干部或管理员可以编写奖补申报材料', en: 'Only union officers or administrators write the subsidy dossier' },
  'err.subsidy.nomineeUnknown': { 'zh-CN': '推荐人员不在花名册中（可能已删除）', en: 'A nominee is not on the roster (perhaps deleted)' },
  'err.subsidy.nomineeLeft': { 'zh-CN': '{name} 已离职，不能推荐', en: '{name} has left and cannot be nominated' },
  'err.subsidy.nomineeNoRole': { 'zh-CN': '{name} 在花名册中不是“{role}”，请先在花名册中设置安全职责', en: '{name} does not hold “{role}” on the roster: set it there first' },
  'err.subsidy.photoOtherYear': {
    'zh-CN': '第 {n} 张照片是 {date} 的活动或文化墙照片，不属于 {year} 年度：请取消勾选',
    en: 'Photo {n} is of an activity or wall update on {date}, not of {year}: untick it',
  },
  'v.subsidy.photoOtherYear': { 'zh-CN': '不是本年度的照片', en: 'Not a photo of this year' },
  'v.subsidy.amount': { 'zh-CN': '申请金额应为 0–1 亿元，最多两位小数', en: 'The amount is 0 to 100,000,000 yuan, at most two decimals' },
  'v.subsidy.photos': { 'zh-CN': '最多选择 24 张照片', en: 'At most 24 photos' },
  'v.subsidy.photoTwice': { 'zh-CN': '同一张照片选了两次', en: 'The same photo is chosen twice' },
  'v.subsidy.nominees': { 'zh-CN': '最多推荐 100 人', en: 'At most 100 nominees' },
  'v.subsidy.nomineeTwice': { 'zh-CN': '同一名职工只能推荐一次', en: 'A worker is nominated once' },
});
