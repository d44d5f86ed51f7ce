import type { Page } from 'playwright-core';
import { label } from './common';

/** The operator picker shown after sign-out (SignIn). */
export class SignInPage {
  constructor(readonly page: Page) {}

  get title() {
    return this.page.getByText(/· 选择操作员$/);
  }
  get pinInput() {
    return this.page.getByRole('textbox', { name: 'PIN', exact: true }).or(this.page.getByLabel('PIN', { exact: true }));
  }
  get error() {
    return this.page.getByRole('alert');
  }

  operatorButton(name: string) {
    return this.page.getByRole('button', { name: `登录 ${name}` });
  }

  async waitUntilVisible(operatorName: string) {
    await this.title.waitFor();
    await this.operatorButton(operatorName).waitFor();
  }

  /** Picks an operator; when the operator has a PIN, the PIN field appears. */
  async choose(name: string) {
    await this.operatorButton(name).click();
  }

  async submitPin(pin: string) {
    await this.pinInput.first().fill(pin);
    await this.page.locator('form').getByRole('button', { name: label('登录') }).click();
  }
}
