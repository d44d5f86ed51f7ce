import type { Page } from 'playwright-core';

/** The roster import modal (ImportDialog): pick file → preview (summary, problem rows, mapping) → commit. */
export class ImportDialog {
  constructor(readonly page: Page) {}

  get root() {
    return this.page.getByRole('dialog', { name: '导入职工花名册' });
  }
  get summary() {
    return this.root.getByTestId('import-summary');
  }
  get headerRowNote() {
    return this.root.getByText(/^表头在第 \d+ 行$/);
  }
  get onlyInvalid() {
    return this.root.getByRole('checkbox', { name: '只看有问题的行' });
  }
  get commitButton() {
    return this.root.getByRole('button', { name: /^导入 \d+ 行$/ });
  }
  get rows() {
    return this.root.locator('.ant-table-row');
  }

  async waitUntilVisible() {
    await this.root.getByText('选择 .xlsx 或 .csv 文件').waitFor();
  }

  async upload(fileName: string, mimeType: string, buffer: Buffer) {
    await this.root.locator('input[type=file]').setInputFiles({ name: fileName, mimeType, buffer });
    await this.summary.waitFor();
  }

  /** A preview row by its 1-based row number in the file. */
  row(rowNumber: number) {
    return this.rows.filter({ has: this.page.locator('.ant-table-cell', { hasText: new RegExp(`^${rowNumber}$`) }) });
  }

  async commit() {
    await this.commitButton.click();
    await this.root.waitFor({ state: 'hidden' });
  }
}
