import type { Page } from 'playwright-core';
import { waitText } from './common';
import { SignInPage } from './SignInPage';

export type NavItem = '首页' | '隐患台账' | '职工花名册' | '职代会' | '企业档案' | '操作员' | '设置';

/** The signed-in frame: header menu, current operator, sign-out. */
export class Shell {
  constructor(readonly page: Page) {}

  get currentOperator() {
    return this.page.getByTestId('current-operator');
  }
  get signOutButton() {
    return this.page.getByRole('button', { name: /退出登录|Sign out/ });
  }

  navItem(item: NavItem) {
    return this.page.getByRole('menuitem', { name: item });
  }

  async go(item: NavItem) {
    await this.navItem(item).click();
    await this.page.locator('.ant-menu-item-selected').filter({ hasText: item }).waitFor();
  }

  async waitSignedIn(name: string) {
    await waitText(this.currentOperator, new RegExp(name));
  }

  /** Signs out and back in as `name` (an operator without a PIN); lands on the home page. */
  async switchOperator(name: string) {
    await this.signOutButton.click();
    const signIn = new SignInPage(this.page);
    await signIn.waitUntilVisible(name);
    await signIn.choose(name);
    await this.waitSignedIn(name);
  }
}
