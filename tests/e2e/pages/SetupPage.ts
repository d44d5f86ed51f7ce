import type { Page } from 'playwright-core';
import { label } from './common';

export interface EnterpriseData {
  name: string;
  uscc: string;
  industry?: string;
  address?: string;
  headcount: number;
}
export interface FirstOperator {
  empNo: string;
  name: string;
  gender: '男' | '女';
  pin?: string;
}

/** The first-run wizard (SetupWizard): step 1 enterprise profile, step 2 first operator. */
export class SetupPage {
  constructor(readonly page: Page) {}

  get title() {
    return this.page.getByText('首次使用：创建企业档案和第一位操作员');
  }
  get nextButton() {
    return this.page.getByRole('button', { name: label('下一步') });
  }
  get finishButton() {
    return this.page.getByRole('button', { name: label('完成并进入') });
  }

  async waitUntilVisible() {
    await this.title.waitFor();
    await this.page.getByLabel('企业名称').waitFor();
  }

  async fillEnterprise(e: EnterpriseData) {
    await this.page.getByLabel('企业名称').fill(e.name);
    await this.page.getByLabel('统一社会信用代码').fill(e.uscc);
    if (e.industry) await this.page.getByLabel('所属行业').fill(e.industry);
    if (e.address) await this.page.getByLabel('地址').fill(e.address);
    await this.page.getByLabel('职工人数').fill(String(e.headcount));
  }

  async next() {
    await this.nextButton.click();
    await this.page.getByText('操作员是担任安全职责的职工', { exact: false }).waitFor();
  }

  async fillOperator(o: FirstOperator) {
    await this.page.getByLabel('工号').fill(o.empNo);
    await this.page.getByLabel('姓名').fill(o.name);
    await this.page.getByRole('radio', { name: o.gender }).check();
    if (o.pin) await this.page.getByLabel(/^PIN/).fill(o.pin);
  }

  async finish() {
    await this.finishButton.click();
  }
}
