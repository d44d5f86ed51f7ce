// The whole roster journey in a real Chromium against a real browser host on a fresh data folder:
// first run → sign out/in with a PIN → GBK CSV import with problem rows → tree, search, drawer, edit,
// delete + undo → Excel export → English UI. Steps run in order and share one page.
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { Shell } from './pages/Shell';
import { describe, expect, it } from 'vitest';
import { ENTERPRISE, journeySteps, useE2E } from './fixtures';
import { RosterPage, SetupPage, SignInPage, label, toast, waitCount, waitText } from './pages';
import { BAD_DATE_ROW, BAD_ID_ROW, WORKSHOPS, rosterCsvGbk, rosterRows } from './rosterFixture';

const OPERATOR = { empNo: 'A0001', name: '王主席', gender: '男' as const, pin: '246810' };
const ROWS = rosterRows();
const VALID = ROWS.length - 2; // 28
const TOTAL_AFTER_IMPORT = VALID + 1; // the first operator is a worker too
const EXPORT_HEADER = ['工号', '姓名', '性别', '身份证号', '手机号', '车间', '班组', '岗位', '入职日期', '安全技能等级', '状态', '安全职责', '职工代表', '一线职工', '中层及以上管理人员', '特种作业类别', '特种作业证号', '证书有效期至', '接触职业病危害因素'];

describe('roster journey (browser host + Chromium)', () => {
  const app = useE2E({ cleanShots: true });
  // The steps build on each other: once one fails, the rest are skipped (the first failure is the one to read).
  const step = journeySteps(app, '');
  const roster = () => new RosterPage(app.page);

  step('first-run wizard: enterprise with a valid USCC, then the first operator with a PIN', async () => {
    const setup = new SetupPage(app.page);
    await setup.waitUntilVisible();
    await setup.fillEnterprise(ENTERPRISE);
    await app.shot('01-setup-enterprise');
    await setup.next();
    await setup.fillOperator(OPERATOR);
    await app.shot('02-setup-operator');
    await setup.finish();

    // the shell opens on the home page (dashboard); the roster is one click away
    const shell = new Shell(app.page);
    await shell.waitSignedIn('王主席');
    await shell.go('职工花名册');
    const r = roster();
    await r.waitUntilVisible();
    await waitText(r.currentOperator, /王主席/);
    expect(await r.currentOperator.innerText()).toContain('管理员');
  });

  step('lands in the roster: no workshops yet, only the operator in the table', async () => {
    const r = roster();
    await r.waitTotal(1);
    await app.page.getByText('还没有车间').waitFor(); // org tree empty state
    await r.row(OPERATOR.name).waitFor();
    await r.waitRowCount(1);
    await app.shot('03-roster-empty');
  });

  step('sign out, then sign in: a wrong PIN shows an error, the right PIN gets in', async () => {
    const r = roster();
    await r.signOut();
    const signIn = new SignInPage(app.page);
    await signIn.waitUntilVisible(OPERATOR.name);
    await app.page.getByText(app.dataDir).waitFor(); // the sign-in card names the data folder
    await signIn.choose(OPERATOR.name);
    await signIn.pinInput.first().waitFor();
    await signIn.submitPin('000000');
    await waitText(signIn.error, /PIN 不正确/);
    await app.shot('04-signin-wrong-pin');
    await signIn.submitPin(OPERATOR.pin);
    await new Shell(app.page).go('职工花名册');
    await r.waitUntilVisible();
    await waitText(r.currentOperator, /王主席/);
    await r.waitTotal(1);
  });

  step('imports a GBK CSV with a title row and odd column order; the preview lists the two problem rows', async () => {
    const r = roster();
    await r.openImport();
    const dlg = r.importDialog;
    await dlg.upload('职工花名册-2024.csv', 'text/csv', rosterCsvGbk());
    await waitText(dlg.summary, `共 ${ROWS.length} 行：新增 ${VALID}，更新 0，有问题 2`);
    await waitText(dlg.headerRowNote, '表头在第 2 行'); // title row skipped
    await dlg.root.getByText('跳过有问题的 2 行').waitFor();
    const newUnits = await dlg.root.getByText(/^将新建车间\/班组：/).innerText();
    for (const [ws, teams] of Object.entries(WORKSHOPS)) {
      expect(newUnits).toContain(ws);
      for (const t of teams) expect(newUnits).toContain(`${ws} / ${t}`);
    }
    // GBK decoded correctly: names in the preview are real Chinese, not mojibake
    await dlg.root.getByText(ROWS[0]!.name, { exact: true }).waitFor();
    await app.shot('05-import-preview');

    await dlg.onlyInvalid.check();
    await dlg.row(BAD_ID_ROW).waitFor();
    await dlg.row(BAD_DATE_ROW).waitFor();
    await waitCount(dlg.rows, 2);
    const problemRows = await dlg.rows.allInnerTexts();
    expect(problemRows).toHaveLength(2);
    const badId = ROWS[BAD_ID_ROW - 3]!;
    const badDate = ROWS[BAD_DATE_ROW - 3]!;
    expect(problemRows[0]).toContain(String(BAD_ID_ROW));
    expect(problemRows[0]).toContain(badId.empNo);
    expect(problemRows[0]).toContain(badId.name);
    expect(problemRows[0]).toContain('身份证号校验位不正确');
    expect(problemRows[1]).toContain(String(BAD_DATE_ROW));
    expect(problemRows[1]).toContain(badDate.name);
    expect(problemRows[1]).toMatch(/入职日期：日期格式应为 YYYY-MM-DD/);
    await app.shot('06-import-problem-rows');

    await waitText(dlg.commitButton, `导入 ${VALID} 行`);
    // rows with problems are skipped only after an explicit choice
    await dlg.root.getByText('跳过有问题的 2 行').click();
    await dlg.commit();
    await toast(app.page, `导入完成：新增 ${VALID}，更新 0，跳过 2`).waitFor();
  });

  step('after import: the total counts the imported workers and the new workshops/teams are in the org tree', async () => {
    const r = roster();
    await r.waitTotal(TOTAL_AFTER_IMPORT);
    for (const [ws, teams] of Object.entries(WORKSHOPS)) {
      await r.unit(ws).waitFor();
      for (const t of teams) await r.unit(t).waitFor();
    }
    // worker counts next to the units: 16 in 合成车间, 7 in 包装车间, 5 in 储运车间 (2 of its rows were invalid)
    await waitText(r.unit('合成车间'), /合成车间\s*16/);
    await waitText(r.unit('包装车间'), /包装车间\s*7/);
    await waitText(r.unit('储运车间'), /储运车间\s*5/);
    await waitText(r.unit('仓储班'), /仓储班\s*5/);
    // the invalid rows were skipped
    await r.search.fill(ROWS[BAD_ID_ROW - 3]!.name);
    await r.waitTotal(0);
    await app.page.getByText('没有符合条件的职工').waitFor();
    await r.search.fill('');
    await r.waitTotal(TOTAL_AFTER_IMPORT);
    await app.shot('07-roster-after-import');
  });

  step('selecting a workshop in the org tree filters the table', async () => {
    const r = roster();
    await r.unit('包装车间').click();
    await r.waitTotal(7);
    await r.unit('仓储班').click();
    await r.waitTotal(5);
    await app.page.getByRole('treeitem').filter({ hasText: '全部车间' }).first().click();
    await r.waitTotal(TOTAL_AFTER_IMPORT);
  });

  step('searching a Chinese substring narrows the table (3+ characters and a 2-character name)', async () => {
    const r = roster();
    await r.searchFor('欧阳明', 1); // 3 characters: full-text (trigram) search
    await r.row('欧阳明华').waitFor();
    await r.searchFor('仓库管理', 3); // part of a post
    for (const n of ['王强', '马超', '唐亮']) await r.row(n).waitFor();
    await r.searchFor('王芳', 1); // surname + given name: 2 characters, among several 王s
    await r.row('王芳').waitFor();
    await r.searchFor('王', 4); // 王芳, 王建国, 王强 and the operator 王主席
  });

  step('clicking a name opens the detail drawer', async () => {
    const r = roster();
    await r.searchFor('欧阳明', 1);
    const w = ROWS[0]!;
    await r.openDetails(w.name);
    await r.drawer.waitFor(w.name, w.empNo);
    await waitText(r.drawer.field('岗位'), w.post);
    await waitText(r.drawer.field('车间 / 班组'), `${w.workshop} / ${w.team}`);
    await waitText(r.drawer.field('入职日期'), '2005-01-01');
    // the ID card is masked until asked for
    const masked = await r.drawer.field('身份证号').innerText();
    expect(masked).toContain('*');
    expect(masked).not.toContain(w.idCard);
    await r.drawer.root.getByRole('button', { name: label('显示') }).click();
    await waitText(r.drawer.field('身份证号'), new RegExp(w.idCard));
    await r.drawer.root.getByText('新建').first().waitFor(); // history: created by the import
    await app.shot('08-worker-drawer');
  });

  step('editing the worker (post) from the drawer shows the change in the table and the drawer', async () => {
    const r = roster();
    const w = ROWS[0]!;
    await r.drawer.editButton.click();
    await r.form.waitUntilVisible(w.name);
    const post = r.form.input('岗位');
    expect(await post.inputValue()).toBe(w.post);
    await post.fill('内操主控');
    await app.shot('09-worker-edit-form');
    await r.form.save();
    await toast(app.page, '已保存').waitFor();
    await waitText(r.drawer.field('岗位'), '内操主控');
    await r.drawer.root.getByText('修改').first().waitFor(); // history gained an update
    await r.drawer.closeButton.click();
    await r.drawer.root.waitFor({ state: 'hidden' });
    await waitText(await r.cell(w.name, '岗位'), '内操主控');
    // the full-text index follows the edit
    await r.searchFor('内操主', 1);
    await r.row(w.name).waitFor();
  });

  step('deleting a worker and undoing it restores them', async () => {
    const r = roster();
    await r.searchFor('王芳', 1);
    await r.deleteWorker('王芳');
    await r.waitTotal(0);
    await r.search.fill('');
    await r.waitTotal(TOTAL_AFTER_IMPORT - 1);
    await r.undoDelete('王芳');
    await r.waitTotal(TOTAL_AFTER_IMPORT);
    await r.searchFor('王芳', 1);
    await r.row('王芳').waitFor();
    await r.search.fill('');
    await r.waitTotal(TOTAL_AFTER_IMPORT);
  });

  step('exports the roster to Excel: the download has the header row and every worker', async () => {
    const r = roster();
    const download = await r.exportExcel();
    expect(download.suggestedFilename()).toMatch(/^职工花名册-.*\.xlsx$/);
    const file = path.join(app.dataDir, 'downloads', download.suggestedFilename());
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await download.saveAs(file);
    await toast(app.page, `已导出 ${TOTAL_AFTER_IMPORT} 名职工`).waitFor();
    await app.shot('10-export-done');

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('职工花名册') ?? wb.worksheets[0]!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(EXPORT_HEADER);
    expect(ws.actualRowCount).toBe(1 + TOTAL_AFTER_IMPORT);
    const byEmpNo = new Map<string, unknown[]>();
    ws.eachRow((row, n) => {
      if (n > 1) byEmpNo.set(String(row.getCell(1).value), (row.values as unknown[]).slice(1));
    });
    expect(byEmpNo.get(ROWS[0]!.empNo)?.slice(0, 2)).toEqual([ROWS[0]!.empNo, ROWS[0]!.name]);
    expect(byEmpNo.get(ROWS[0]!.empNo)?.[7]).toBe('内操主控'); // the edit is exported
    expect(byEmpNo.has(ROWS[1]!.empNo)).toBe(true); // the restored worker is exported
    expect(byEmpNo.has(ROWS[BAD_ID_ROW - 3]!.empNo)).toBe(false); // skipped rows are not
  });

  step('switching the language to English relabels the UI', async () => {
    const r = roster();
    await app.page.locator('.ant-message-notice').first().waitFor({ state: 'detached' }); // let the Chinese toasts go
    await r.languageButton.click();
    await r.waitTotal(TOTAL_AFTER_IMPORT, 'en');
    await app.page.getByRole('menuitem', { name: 'Worker roster' }).waitFor();
    await app.page.getByRole('button', { name: 'Import', exact: true }).waitFor();
    await app.page.getByRole('button', { name: 'Export Excel' }).waitFor();
    await app.page.getByRole('button', { name: 'Sign out' }).waitFor();
    await app.page.getByText('All workshops').waitFor();
    await app.page.getByText('Organisation').waitFor();
    for (const h of ['Employee no.', 'Name', 'Post', 'Committee roles']) {
      await r.table.locator('.ant-table-thead th').filter({ hasText: new RegExp(`^${h.replace('.', '\\.')}$`) }).first().waitFor();
    }
    await waitText(r.currentOperator, /^Operator: 王主席/);
    expect(await app.page.locator('html').getAttribute('lang')).toBe('en');
    await app.shot('11-english');
  });

  it('left no uncaught errors in the page', () => {
    expect(app.pageErrors.filter((e) => !/favicon/.test(e))).toEqual([]);
  });
});
