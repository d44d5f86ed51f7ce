import type { Download, Locator, Page } from 'playwright-core';
import { ActionDialog } from './ActionDialog';
import { exactText, label, waitText } from './common';

export type HazardActionLabel = '确认定级' | '落实整改（五落实）' | '开始整改' | '提交验收' | '验收通过（销号）' | '验收不通过' | '作废' | '更正';

/** The hazard detail drawer (HazardDrawer): serial + tags in the title, PDF buttons, actions, 五落实, photos, timeline. */
export class HazardDrawer {
  constructor(readonly page: Page) {}

  get root() {
    return this.page.getByRole('dialog').filter({ has: this.page.locator('.ant-drawer-title') });
  }
  get serial() {
    return this.root.getByTestId('hazard-serial');
  }
  /** status, grade and risk tags next to the serial */
  get tags() {
    return this.root.locator('.ant-drawer-title .ant-tag');
  }
  get actions() {
    return this.root.getByTestId('hazard-actions');
  }
  get fiveImpl() {
    return this.root.getByTestId('five-impl');
  }
  get timeline() {
    return this.root.getByTestId('hazard-timeline');
  }
  get timelineItems() {
    return this.timeline.locator('.ant-timeline-item');
  }
  get description() {
    return this.root.locator('.ant-drawer-body .ant-typography').first();
  }
  get noticePdfButton() {
    return this.root.getByRole('button', { name: '整改通知单 PDF' });
  }
  get acceptancePdfButton() {
    return this.root.getByRole('button', { name: '验收记录 PDF' });
  }
  get closeButton() {
    return this.root.locator('.ant-drawer-close');
  }

  actionButton(name: HazardActionLabel): Locator {
    return this.actions.getByRole('button', { name: label(name) });
  }

  /** A thumbnail: phase 整改前照片 / 整改后照片 and the uploaded file name. */
  photo(phase: '整改前照片' | '整改后照片', fileName: string) {
    return this.root.getByAltText(`${phase} ${fileName}`, { exact: true });
  }

  /** The value cell of a Descriptions item (main table or the 五落实 card). */
  field(labelText: string, scope: Locator = this.root) {
    return scope
      .locator('.ant-descriptions-item-label, th.ant-descriptions-item-label')
      .filter({ hasText: exactText(labelText) })
      .locator('xpath=following-sibling::*[1]');
  }

  async waitFor(serial?: string) {
    await this.root.waitFor();
    if (serial) await waitText(this.serial, serial);
    else await this.serial.waitFor();
    await this.actions.waitFor({ state: 'attached' });
  }

  async waitStatus(status: string) {
    await waitText(this.tags, status);
  }

  /** Waits until the photo's thumbnail has really loaded (blob URL decoded). */
  async waitPhotoLoaded(phase: '整改前照片' | '整改后照片', fileName: string) {
    const img = this.photo(phase, fileName);
    await img.waitFor();
    // runs in the page: resolves once the <img> has decoded (the node tsconfig has no DOM types, hence the shape)
    type Img = { complete: boolean; naturalWidth: number; onload: (() => void) | null; onerror: (() => void) | null };
    await img.evaluate((el) => {
      const i = el as unknown as Img;
      return i.complete && i.naturalWidth > 0 ? undefined : new Promise<void>((res, rej) => ((i.onload = () => res()), (i.onerror = () => rej(new Error('thumbnail failed')))));
    });
  }

  async openAction(name: Exclude<HazardActionLabel, '更正'>, serial: string): Promise<ActionDialog> {
    await this.actionButton(name).click();
    const dlg = new ActionDialog(this.page, name, serial);
    await dlg.root.waitFor();
    return dlg;
  }

  /** Opens 更正 (closed/cancelled records only): the dialog with 隐患描述, 具体位置, 更正原因 and 保存. */
  async openCorrection(serial: string) {
    await this.actionButton('更正').click();
    const dlg = this.page.getByRole('dialog', { name: `更正 · ${serial}` });
    await dlg.getByText(/已销号\/作废的记录不能修改/).waitFor();
    return {
      root: dlg,
      description: dlg.getByLabel('隐患描述'),
      reason: dlg.getByLabel('更正原因'),
      saveButton: dlg.getByRole('button', { name: label('保存') }),
    };
  }

  async download(button: Locator): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), button.click()]);
    return download;
  }

  async close() {
    await this.closeButton.click();
    await this.root.waitFor({ state: 'hidden' });
  }
}
