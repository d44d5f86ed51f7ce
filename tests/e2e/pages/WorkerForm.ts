import type { Page } from 'playwright-core';
import { label } from './common';

/** The new/edit worker modal (WorkerForm). */
export class WorkerForm {
  constructor(readonly page: Page) {}

  get root() {
    return this.page.getByRole('dialog', { name: /^(编辑职工 · |新增职工)/ });
  }
  get saveButton() {
    return this.root.getByRole('button', { name: label('保存') });
  }

  async waitUntilVisible(workerName?: string) {
    await (workerName ? this.page.getByRole('dialog', { name: `编辑职工 · ${workerName}` }) : this.root).waitFor();
    await this.root.getByLabel('工号', { exact: true }).waitFor();
  }

  input(fieldLabel: string) {
    return this.root.getByLabel(fieldLabel, { exact: true });
  }

  async save() {
    await this.saveButton.click();
    await this.root.waitFor({ state: 'hidden' });
  }
}
