import type { Download, Page } from 'playwright-core';
import { label, toast, waitCount, waitText } from './common';
import { ImportDialog } from './ImportDialog';
import { WorkerDrawer } from './WorkerDrawer';
import { WorkerForm } from './WorkerForm';

/** The main screen: header (operator, language, sign-out), org tree on the left, worker table on the right. */
export class RosterPage {
  constructor(readonly page: Page) {}

  get total() {
    return this.page.getByTestId('roster-total');
  }
  get currentOperator() {
    return this.page.getByTestId('current-operator');
  }
  get search() {
    return this.page.getByLabel(/^(搜索姓名、工号、电话、岗位|Search name, employee no\., phone, post)$/);
  }
  get importButton() {
    return this.page.getByRole('button', { name: label('导入') });
  }
  get exportButton() {
    return this.page.getByRole('button', { name: /导出 Excel|Export Excel/ });
  }
  get languageButton() {
    return this.page.getByRole('button', { name: 'language' });
  }
  get signOutButton() {
    return this.page.getByRole('button', { name: /退出登录|Sign out/ });
  }
  get orgTree() {
    return this.page.getByRole('complementary');
  }
  get table() {
    return this.page.locator('section .ant-table').first();
  }
  get rows() {
    return this.table.locator('.ant-table-row');
  }

  get importDialog() {
    return new ImportDialog(this.page);
  }
  get drawer() {
    return new WorkerDrawer(this.page);
  }
  get form() {
    return new WorkerForm(this.page);
  }

  async waitUntilVisible() {
    await this.total.waitFor();
    await this.table.waitFor();
  }

  async waitTotal(n: number, locale: 'zh' | 'en' = 'zh') {
    await waitText(this.total, locale === 'zh' ? `共 ${n} 人` : `${n} workers`);
  }

  unit(name: string) {
    return this.page.getByTestId(`unit-${name}`);
  }

  /** The table row whose name link is `name`. */
  row(name: string) {
    return this.rows.filter({ has: this.page.getByRole('button', { name, exact: true }) });
  }

  /** A cell of the row for `name`, by column title (the table is virtual: only rendered rows can be found). */
  async cell(name: string, columnTitle: string) {
    const titles = await this.table.locator('.ant-table-thead th').allInnerTexts();
    const i = titles.findIndex((t) => t.trim() === columnTitle);
    if (i < 0) throw new Error(`no column ${columnTitle} in ${JSON.stringify(titles)}`);
    return this.row(name).locator('.ant-table-cell').nth(i);
  }

  async waitRowCount(n: number) {
    await waitCount(this.rows, n);
  }

  /** Types into the search box; the page debounces and the total updates. */
  async searchFor(text: string, expectedTotal: number) {
    await this.search.fill(text);
    await this.waitTotal(expectedTotal);
    await this.waitRowCount(expectedTotal);
  }

  async openDetails(name: string) {
    await this.row(name).getByRole('button', { name, exact: true }).click();
  }

  async openImport() {
    await this.importButton.click();
    await this.importDialog.waitUntilVisible();
  }

  async deleteWorker(name: string) {
    await this.page.getByRole('button', { name: `删除 ${name}` }).click();
    const pop = this.page.locator('.ant-popconfirm').filter({ hasText: `删除职工 ${name}？` });
    await pop.waitFor();
    await pop.getByRole('button', { name: label('删除') }).click();
    await toast(this.page, `已删除 ${name}`).waitFor();
  }

  async undoDelete(name: string) {
    await toast(this.page, `已删除 ${name}`).getByRole('button', { name: label('撤销') }).click();
    await toast(this.page, `已恢复 ${name}`).waitFor();
  }

  async exportExcel(): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.exportButton.click()]);
    return download;
  }

  async signOut() {
    await this.signOutButton.click();
  }
}
