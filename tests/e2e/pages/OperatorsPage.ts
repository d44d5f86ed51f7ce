import type { Page } from 'playwright-core';
import { pickSelect } from './antd';
import { label } from './common';

/** 操作员 page: the operator table and the admin's 添加操作员 dialog. */
export class OperatorsPage {
  constructor(readonly page: Page) {}

  get addButton() {
    return this.page.getByRole('button', { name: '添加操作员' });
  }
  get table() {
    return this.page.locator('.ant-card .ant-table');
  }

  row(name: string) {
    return this.table.locator('.ant-table-row').filter({ has: this.page.locator('td', { hasText: new RegExp(`^${name}$`) }) });
  }

  async waitUntilVisible() {
    await this.addButton.waitFor();
    await this.table.locator('.ant-table-row').first().waitFor();
  }

  /** Adds the worker `name` (found by typing the name) as a non-admin operator without a PIN. */
  async add(name: string) {
    await this.addButton.click();
    const dlg = this.page.getByRole('dialog', { name: '添加操作员' });
    await pickSelect(this.page, dlg.getByLabel('职工（须担任安全职责）'), new RegExp(`^${name} `), name);
    await dlg.getByRole('button', { name: label('保存') }).click();
    await dlg.waitFor({ state: 'hidden' });
    await this.row(name).waitFor();
  }
}
