import type { Download, Page } from 'playwright-core';
import { pickSelect } from './antd';
import { waitText } from './common';
import { HazardDrawer } from './HazardDrawer';
import { QuickLog } from './QuickLog';

/** 隐患台账: toolbar (上报隐患, search, filters, 导出台账, total) and the ledger table. */
export class LedgerPage {
  constructor(readonly page: Page) {}

  get quickLogButton() {
    return this.page.getByRole('button', { name: '上报隐患' });
  }
  get exportButton() {
    return this.page.getByRole('button', { name: '导出台账' });
  }
  get statusFilter() {
    return this.page.getByRole('combobox', { name: '状态' });
  }
  get total() {
    return this.page.getByTestId('ledger-total');
  }
  get table() {
    return this.page.locator('.ant-table').first();
  }
  get quickLog() {
    return new QuickLog(this.page);
  }
  get drawer() {
    return new HazardDrawer(this.page);
  }

  async waitUntilVisible() {
    await this.quickLogButton.waitFor();
    await this.total.waitFor();
  }

  async waitTotal(n: number) {
    await waitText(this.total, `共 ${n} 条`);
  }

  /** The table row holding the serial link. */
  row(serial: string) {
    return this.table.locator('.ant-table-row').filter({ has: this.page.getByRole('button', { name: serial, exact: true }) });
  }

  async openQuickLog() {
    await this.quickLogButton.click();
    await this.quickLog.waitUntilVisible();
  }

  async open(serial: string) {
    await this.row(serial).getByRole('button', { name: serial, exact: true }).click();
    await this.drawer.waitFor(serial);
  }

  /** 状态 filter: 未销号 (default), one status, or 全部. */
  async filterStatus(label: string) {
    await pickSelect(this.page, this.statusFilter, label);
  }

  async exportLedger(): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.exportButton.click()]);
    return download;
  }
}
