// Helpers for antd 6 pickers that render their menus in portals at the end of <body>. Each helper opens the picker,
// clicks the wanted entry in the *visible* popup and waits for the popup to close — no timeouts, only UI state.
import type { Locator, Page } from 'playwright-core';
import { exactText } from './common';

const asRe = (t: string | RegExp) => (typeof t === 'string' ? exactText(t) : t);

/** The open (visible) select-like popup (Select, TreeSelect and Cascader all use .ant-select-dropdown). */
export function openPopup(page: Page): Locator {
  return page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').filter({ visible: true });
}

/**
 * Picks an option of an antd Select. `search` is typed first for searchable selects (e.g. the worker picker that
 * queries the backend); the option is then waited for, so a debounced search is fine.
 */
export async function pickSelect(page: Page, combobox: Locator, option: string | RegExp, search?: string): Promise<void> {
  await combobox.click();
  if (search !== undefined) await combobox.pressSequentially(search);
  const popup = openPopup(page);
  const item = popup.locator('.ant-select-item-option').filter({ hasText: asRe(option) }).first();
  // a searching picker may render its list again under the click (its debounced answer arriving): the click is then
  // lost and the list stays open — clicked again until the list closes
  for (let tries = 1; ; tries++) {
    try {
      await item.click({ timeout: 5000 });
      await popup.waitFor({ state: 'hidden', timeout: 3000 });
      return;
    } catch (e) {
      if (!(await popup.isVisible())) return;
      if (tries >= 4) throw e;
    }
  }
}

/** Adds one value to an antd multiple Select, typed as a search first (its popup stays open: closed with Escape). */
export async function pickMultiple(page: Page, combobox: Locator, name: string): Promise<void> {
  await combobox.click();
  await combobox.pressSequentially(name);
  const popup = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').filter({ visible: true }).last();
  const option = popup.locator('.ant-select-item-option').filter({ hasText: name }).first();
  // typed while the picker was still busy, the search can be lost: typed again when no option shows
  for (let tries = 1; !(await option.isVisible()); tries++) {
    try {
      await option.waitFor({ timeout: 5000 });
    } catch (e) {
      if (tries >= 3) throw e;
      await combobox.fill('');
      await combobox.pressSequentially(name);
    }
  }
  await option.click();
  await page.keyboard.press('Escape');
  await popup.waitFor({ state: 'hidden' });
}

/** Picks a node of an antd TreeSelect by its title (team nodes are titled "车间 / 班组"). */
export async function pickTree(page: Page, combobox: Locator, title: string): Promise<void> {
  await combobox.click();
  const popup = openPopup(page);
  await popup.locator(`.ant-select-tree-node-content-wrapper[title="${title}"]`).click();
  await popup.waitFor({ state: 'hidden' });
}

/** Walks an antd Cascader: one label per level; the popup closes after the last one. */
export async function pickCascader(page: Page, combobox: Locator, path: string[]): Promise<void> {
  await combobox.click();
  const popup = openPopup(page);
  for (const [i, label] of path.entries()) {
    const menu = popup.locator('.ant-cascader-menu').nth(i);
    await menu.locator('.ant-cascader-menu-item').filter({ hasText: exactText(label) }).click();
  }
  await popup.waitFor({ state: 'hidden' });
}

/** Types a date (YYYY-MM-DD) into an antd DatePicker and commits it with Enter. */
export async function pickDate(page: Page, input: Locator, date: string): Promise<void> {
  await input.click();
  await input.fill(date);
  await input.press('Enter');
  await page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)').filter({ visible: true }).waitFor({ state: 'hidden' });
}
