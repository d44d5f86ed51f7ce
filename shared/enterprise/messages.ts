// Enterprise profile terms.
import { defineMessages } from '../kernel/i18n';

export const messages = defineMessages({
  'enterprise.uscc': { 'zh-CN': '统一社会信用代码', en: 'Unified social credit code' },
  'enterprise.industry': { 'zh-CN': '所属行业', en: 'Industry' },
  'enterprise.headcount': { 'zh-CN': '职工人数', en: 'Headcount' },
  'enterprise.address': { 'zh-CN': '地址', en: 'Address' },
  'enterprise.name': { 'zh-CN': '企业名称', en: 'Enterprise name' },
  'v.uscc.format': { 'zh-CN': '统一社会信用代码应为 18 位数字或大写字母', en: 'Credit code must be 18 digits or capital letters' },
  'v.uscc.checksum': { 'zh-CN': '统一社会信用代码校验位不正确', en: 'Credit code check character is wrong' },
  'v.headcount': { 'zh-CN': '职工人数应为 1–1,000,000 的整数', en: 'Headcount must be a whole number from 1 to 1,000,000' },
  'err.enterprise.missing': { 'zh-CN': '尚未创建企业档案', en: 'The enterprise profile has not been created' },
  'err.enterprise.exists': { 'zh-CN': '企业档案已存在', en: 'The enterprise profile already exists' },
});
