import type { Page } from 'playwright-core';
import { label } from './common';

/** The organisation tree on the roster page (OrgTree): 新建 → 新增车间 / 新增班组（车间）, with a 名称 dialog. */
export class OrgTree {
  constructor(readonly page: Page) {}

  get root() {
    return this.page.getByRole('complementary');
  }
  get createButton() {
    return this.root.getByRole('button', { name: label('新建') });
  }

  unit(name: string) {
    return this.page.getByTestId(`unit-${name}`);
  }

  /** the tree node (row) of a unit */
  node(name: string) {
    return this.root.locator('.ant-tree-treenode').filter({ has: this.unit(name) });
  }

  /** Expands a collapsed node (the tree expands everything only when it first mounts). */
  async expand(name: string) {
    const closed = this.node(name).locator('.ant-tree-switcher_close');
    if (await closed.count()) await closed.click();
    await this.node(name).locator('.ant-tree-switcher_open').waitFor();
  }

  /** Selects 全部车间 (clears the unit filter of the roster table). */
  async selectAll() {
    await this.root.locator('.ant-tree-node-content-wrapper').filter({ hasText: /^全部车间/ }).click();
    await this.root.locator('.ant-tree-node-selected').filter({ hasText: /^全部车间/ }).waitFor();
  }

  private async create(menuItem: RegExp | string, dialogTitle: string, name: string) {
    await this.createButton.click();
    await this.page.getByRole('menuitem', { name: menuItem }).click();
    const dlg = this.page.getByRole('dialog', { name: dialogTitle });
    await dlg.getByLabel('名称').fill(name);
    await dlg.getByRole('button', { name: label('保存') }).click();
    await dlg.waitFor({ state: 'hidden' });
  }

  async addWorkshop(name: string) {
    await this.create('新增车间', '新增车间', name);
    await this.unit(name).waitFor();
  }

  /** Selects the workshop in the tree, then 新建 → 新增班组（workshop）. */
  async addTeam(workshop: string, name: string) {
    await this.unit(workshop).click();
    await this.page.locator('.ant-tree-node-selected').filter({ has: this.unit(workshop) }).waitFor();
    await this.create(`新增班组（${workshop}）`, '新增班组', name);
    await this.node(workshop).locator('.ant-tree-switcher:not(.ant-tree-switcher-noop)').waitFor(); // it has a child now
    await this.expand(workshop);
    await this.unit(name).waitFor();
  }
}
