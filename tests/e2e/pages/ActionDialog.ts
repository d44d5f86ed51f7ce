import type { Page } from 'playwright-core';
import { pickDate, pickSelect } from './antd';
import { label, waitText } from './common';

/** One workflow dialog of the hazard drawer (ActionDialog), titled "<action> · <serial>". */
export class ActionDialog {
  constructor(
    readonly page: Page,
    readonly action: string,
    readonly serial: string,
  ) {}

  get root() {
    return this.page.getByRole('dialog', { name: `${this.action} · ${this.serial}` });
  }
  get okButton() {
    return this.root.getByRole('button', { name: label('确定') });
  }
  get lecPreview() {
    return this.root.getByTestId('lec-preview');
  }
  get photoInput() {
    return this.root.getByTestId('photo-input');
  }

  field(labelText: string) {
    return this.root.getByLabel(labelText, { exact: true });
  }

  // ---- 确认定级 ----
  async chooseGrade(grade: '一般隐患' | '重大隐患') {
    await this.root.getByRole('radio', { name: grade }).check();
  }
  async chooseLec(l: number, e: number, c: number) {
    // each option is the value and its standard meaning ("3 — 可能，但不经常")
    const value = (v: number) => new RegExp(`^${String(v).replace('.', '\\.')} — `);
    await pickSelect(this.page, this.field('L 事故发生的可能性'), value(l));
    await pickSelect(this.page, this.field('E 暴露于危险环境的频繁程度'), value(e));
    await pickSelect(this.page, this.field('C 发生事故可能造成的后果'), value(c));
  }

  // ---- 落实整改（五落实） ----
  async fillFiveImpl(v: { responsibleName: string; plannedFunds: string; deadline: string; measures: string; emergencyPlan: string }) {
    await pickSelect(this.page, this.field('整改责任人'), new RegExp(`^${v.responsibleName} · `), v.responsibleName);
    await this.field('整改资金（元）').fill(v.plannedFunds);
    await pickDate(this.page, this.field('整改期限'), v.deadline);
    await this.field('整改措施').fill(v.measures);
    await this.field('应急预案').fill(v.emergencyPlan);
  }

  // ---- 提交验收 ----
  async fillSubmission(v: { note: string; actualFunds: string }) {
    await this.field('整改情况').fill(v.note);
    await this.field('实际投入资金（元）').fill(v.actualFunds);
  }
  async addPhoto(file: string, fileName: string) {
    await this.photoInput.setInputFiles(file);
    await this.root.getByAltText(fileName, { exact: true }).waitFor();
  }

  /** OK; the dialog closes once the backend accepted the action. */
  async ok() {
    await this.okButton.click();
    await this.root.waitFor({ state: 'hidden' });
  }

  async waitPreview(text: string | RegExp) {
    await waitText(this.lecPreview, text);
  }
}
