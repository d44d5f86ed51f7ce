// Date pickers speak the UI's language: antd's locale covers its own words, dayjs's the month and weekday names the
// pickers show ("2026年 Dec" and "Su Mo Tu" in the Chinese UI before).
import dayjs from 'dayjs';
import { afterEach, expect, test } from 'vitest';
import { useI18n } from '../../renderer/src/i18n';

afterEach(() => useI18n.getState().setLocale('zh-CN'));

test('dayjs follows the language: 12月 / 一 in Chinese, Dec / Mo in English', () => {
  useI18n.getState().setLocale('zh-CN');
  expect(dayjs.locale()).toBe('zh-cn');
  expect(dayjs('2026-12-01').format('MMM')).toBe('12月');
  expect(dayjs('2026-11-30').format('dd')).toBe('一');
  useI18n.getState().setLocale('en');
  expect(dayjs.locale()).toBe('en');
  expect(dayjs('2026-12-01').format('MMM')).toBe('Dec');
  expect(dayjs('2026-11-30').format('dd')).toBe('Mo');
});
