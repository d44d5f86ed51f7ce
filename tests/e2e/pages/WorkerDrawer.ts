import type { Page } from 'playwright-core';
import { label } from './common';

/** The worker detail drawer (WorkerDrawer), titled "name · empNo". */
export class WorkerDrawer {
  constructor(readonly page: Page) {}

  get root() {
    return this.page.getByRole('dialog').filter({ has: this.page.locator('.ant-drawer-title') });
  }
  get title() {
    return this.root.locator('.ant-drawer-title');
  }
  get editButton() {
    return this.root.getByRole('button', { name: label('编辑') });
  }
  get closeButton() {
    return this.root.getByRole('button', { name: /close|关闭/i });
  }

  /** The value cell next to a Descriptions label. */
  field(labelText: string) {
    return this.root.locator('tr').filter({ has: this.page.locator('th', { hasText: new RegExp(`^${labelText}$`) }) }).locator('td');
  }

  async waitFor(name: string, empNo: string) {
    await this.page.getByText(`${name} · ${empNo}`, { exact: true }).waitFor();
    await this.root.getByText('变更记录').waitFor();
  }
}
