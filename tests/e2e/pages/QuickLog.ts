import type { Page } from 'playwright-core';
import { pickCascader, pickTree } from './antd';
import { label } from './common';

/** The 上报隐患 modal (QuickLog): description first, Ctrl+Enter saves, the draft autosaves. */
export class QuickLog {
  constructor(readonly page: Page) {}

  get root() {
    return this.page.getByRole('dialog', { name: '上报隐患' });
  }
  get description() {
    return this.root.getByLabel('隐患描述');
  }
  get category() {
    return this.root.getByLabel('隐患类别');
  }
  get unit() {
    return this.root.getByLabel('车间 / 班组');
  }
  get place() {
    return this.root.getByLabel('具体位置');
  }
  /** "草稿已自动保存 HH:MM:SS", shown after the debounced drafts.save came back */
  get draftSaved() {
    return this.root.getByText(/^草稿已自动保存 \d\d:\d\d:\d\d$/);
  }
  /** "已恢复 YYYY-MM-DD HH:mm 的草稿" */
  get restoredAlert() {
    return this.root.getByRole('alert').filter({ hasText: /^已恢复 .* 的草稿$/ });
  }
  get photoInput() {
    return this.root.getByTestId('photo-input');
  }
  /** the footer's 关闭 (not the × in the title bar) */
  get closeButton() {
    return this.root.locator('.ant-modal-footer').getByRole('button', { name: label('关闭') });
  }
  get submitButton() {
    return this.root.getByRole('button', { name: '上报 (Ctrl+Enter)' });
  }

  /** A photo thumbnail in the picker (alt = the file name). */
  thumb(fileName: string) {
    return this.root.getByAltText(fileName, { exact: true });
  }

  async waitUntilVisible() {
    await this.description.waitFor();
  }

  async chooseCategory(path: string[]) {
    await pickCascader(this.page, this.category, path);
  }

  async chooseUnit(title: string) {
    await pickTree(this.page, this.unit, title);
  }

  async addPhoto(file: string, fileName: string) {
    await this.photoInput.setInputFiles(file);
    await this.thumb(fileName).waitFor();
  }

  async close() {
    await this.closeButton.click();
    await this.root.waitFor({ state: 'hidden' });
  }

  /** Ctrl+Enter from the description field; the modal closes when the hazard is saved. */
  async submitWithKeyboard() {
    await this.description.focus();
    await this.description.press('Control+Enter');
    await this.root.waitFor({ state: 'hidden' });
  }
}
