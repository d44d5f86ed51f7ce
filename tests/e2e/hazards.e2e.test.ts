// The hazard ledger (隐患台账) journey in a real Chromium against a real browser host on a fresh data folder:
// first run → workshop/team, a safety officer and a team leader through the roster, the safety officer made an
// operator → a draft that survives a reload → 上报隐患 with a photo (Ctrl+Enter) → 确认定级 (LEC) → 五落实 →
// 开始整改 → 提交验收 → the submitter cannot accept → another operator rejects, then accepts (销号) → ledger Excel,
// 整改通知单 / 验收记录 PDFs → the home page → 更正 of the closed record. Steps run in order and share one page.
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTERPRISE, journeySteps, SHOTS_DIR, useE2E } from './fixtures';
import { DashboardPage, LedgerPage, OperatorsPage, OrgTree, RosterPage, SetupPage, Shell, pickTree, toast, waitCount, waitText } from './pages';

const A = { empNo: 'A0001', name: '李主席', gender: '男' as const }; // first operator: admin, 工会负责人, no PIN
const B = { empNo: 'B0002', name: '张安全', role: '安全员' }; // safety officer, made an operator: the acceptor
const C = { empNo: 'C0003', name: '赵班长', role: '班组长' }; // team leader: the responsible person
const WORKSHOP = '合成车间';
const TEAM = '合成一班';
const YEAR = new Date().getFullYear();
const SERIAL = `YH-${YEAR}-0001`;
const DESCRIPTION = '合成车间二楼反应釜平台东侧防护栏杆松动，缺少踢脚板，存在高处坠落风险';
const CORRECTED = '合成车间二楼3号反应釜平台东侧防护栏杆松动，缺少踢脚板，存在高处坠落风险';
const PLACE = '二楼反应釜平台东侧';
const MEASURES = '更换松动的栏杆立柱并加装 180mm 踢脚板，完成前设置警戒线';
const EMERGENCY = '平台作业须系安全带；发生坠落立即启动车间高处坠落应急处置方案';
const NOTE_1 = '已紧固栏杆立柱，踢脚板已订货';
const REJECT_REASON = '踢脚板尚未安装，栏杆高度不足 1.05 米';
const NOTE_2 = '栏杆已整体更换为 1.2 米高，踢脚板已安装并焊接牢固';
const CORRECT_REASON = '描述中漏写了反应釜编号';

/** local calendar date, `days` from today, as YYYY-MM-DD */
function localDate(days = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
const DEADLINE = localDate(5);
const squash = (s: string) => s.replace(/\s+/g, '');

describe('hazard ledger journey (browser host + Chromium)', () => {
  const app = useE2E();
  // The steps build on each other: once one fails, the rest are skipped (the first failure is the one to read).
  const step = journeySteps(app, 'hz-');
  const shell = () => new Shell(app.page);
  const ledger = () => new LedgerPage(app.page);
  const drawer = () => ledger().drawer;
  const home = () => new DashboardPage(app.page);
  const shot = (n: string) => app.shot(`hz-${n}`);

  // real images, made with sharp: a "before" PNG and an "after" JPEG
  let tmp: string;
  const photo = { before: '', after: '' };
  beforeAll(async () => {
    // this file's screenshots and downloads from an earlier run (the roster journey's files are left alone)
    if (fs.existsSync(SHOTS_DIR)) for (const f of fs.readdirSync(SHOTS_DIR)) if (/^(failed-)?hz-/.test(f)) fs.rmSync(path.join(SHOTS_DIR, f));
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ankang-hz-photos-'));
    const picture = (bg: string, bar: string) =>
      sharp(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480"><rect width="640" height="480" fill="${bg}"/><rect x="60" y="200" width="520" height="24" fill="${bar}"/><rect x="80" y="120" width="18" height="260" fill="${bar}"/><rect x="540" y="120" width="18" height="260" fill="${bar}"/></svg>`));
    photo.before = path.join(tmp, '栏杆松动.png');
    photo.after = path.join(tmp, '整改完成.jpg');
    await picture('#9ca3af', '#b91c1c').png().toFile(photo.before);
    await picture('#d1fae5', '#047857').jpeg({ quality: 85 }).toFile(photo.after);
  });
  afterAll(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  /** Saves a download under test-results/e2e/ and returns the path. */
  const saveDownload = async (d: import('playwright-core').Download, name: string) => {
    const file = path.join(SHOTS_DIR, name);
    await d.saveAs(file);
    return file;
  };

  step('first-run wizard: enterprise, then admin operator A (工会负责人, no PIN)', async () => {
    const setup = new SetupPage(app.page);
    await setup.waitUntilVisible();
    await setup.fillEnterprise(ENTERPRISE);
    await setup.next();
    await setup.fillOperator(A);
    await app.page.getByRole('checkbox', { name: '工会负责人' }).waitFor();
    expect(await app.page.getByRole('checkbox', { name: '工会负责人' }).isChecked()).toBe(true);
    await shot('01-setup-operator');
    await setup.finish();
    await shell().waitSignedIn(A.name);
    expect(await shell().currentOperator.innerText()).toContain('管理员');
    await home().waitUntilVisible();
    await shot('02-home-empty');
  });

  step('roster: a workshop and team, worker B (安全员) and worker C (班组长) in the team', async () => {
    await shell().go('职工花名册');
    const roster = new RosterPage(app.page);
    await roster.waitUntilVisible();
    const tree = new OrgTree(app.page);
    await tree.addWorkshop(WORKSHOP);
    await tree.addTeam(WORKSHOP, TEAM);
    await tree.selectAll();

    for (const w of [B, C]) {
      await app.page.getByRole('button', { name: '新增职工' }).click();
      const form = roster.form;
      await form.waitUntilVisible();
      await form.input('工号').fill(w.empNo);
      await form.input('姓名').fill(w.name);
      await pickTree(app.page, form.input('车间 / 班组'), `${WORKSHOP} / ${TEAM}`);
      await form.root.getByRole('checkbox', { name: w.role }).check();
      if (w === B) await shot('03-worker-form-B');
      await form.save();
      await roster.drawer.waitFor(w.name, w.empNo); // a new worker opens in the detail drawer
      await waitText(roster.drawer.field('安全职责'), w.role);
      await roster.drawer.closeButton.click();
      await roster.drawer.root.waitFor({ state: 'hidden' });
      await roster.row(w.name).waitFor();
    }
    await waitText(tree.unit(TEAM), new RegExp(`${TEAM}\\s*2`));
    await roster.waitTotal(3);
    await shot('04-roster');
  });

  step('operators: A adds B as an operator (添加操作员)', async () => {
    await shell().go('操作员');
    const ops = new OperatorsPage(app.page);
    await ops.waitUntilVisible();
    await ops.add(B.name);
    await waitText(ops.row(B.name), new RegExp(`${B.name}.*${B.empNo}.*安全员`));
    await shot('05-operators');
  });

  step('上报隐患 draft: typed text is autosaved, survives closing the modal and reloading the page', async () => {
    await shell().go('隐患台账');
    const l = ledger();
    await l.waitUntilVisible();
    await l.waitTotal(0);
    await app.page.getByText(/^没有未销号的隐患/).waitFor();
    await shot('06-ledger-empty');
    await l.openQuickLog();
    const q = l.quickLog;
    await q.description.pressSequentially(DESCRIPTION); // typed, as a person would (autosave starts once the stored draft was checked)
    await q.draftSaved.waitFor(); // drafts.save came back
    await shot('07-quicklog-draft-saved');
    await q.close();

    await app.page.reload();
    await shell().waitSignedIn(A.name); // the session survives the reload
    await shell().go('隐患台账');
    await l.openQuickLog();
    await q.restoredAlert.waitFor();
    expect(await q.description.inputValue()).toBe(DESCRIPTION);
    await shot('08-quicklog-draft-restored');
  });

  step('上报隐患: category (cascader), team, place, a before-photo, Ctrl+Enter → the drawer opens on YH-<year>-0001', async () => {
    const l = ledger();
    const q = l.quickLog;
    await q.chooseCategory(['物的因素', '物理性危险和有害因素']);
    await waitText(q.root.locator('.ant-cascader .ant-select-content, .ant-cascader .ant-select-selection-item').first(), /物的因素 \/ 物理性危险和有害因素/);
    await q.chooseUnit(`${WORKSHOP} / ${TEAM}`);
    await q.place.fill(PLACE);
    await q.addPhoto(photo.before, path.basename(photo.before));
    await shot('09-quicklog-filled');
    await q.submitWithKeyboard();

    await toast(app.page, `已上报 ${SERIAL}`).waitFor();
    const d = drawer();
    await d.waitFor(SERIAL);
    await d.waitStatus('已上报');
    await d.waitPhotoLoaded('整改前照片', path.basename(photo.before));
    await waitText(d.description, DESCRIPTION);
    await waitText(d.field('车间 / 班组'), `${WORKSHOP} / ${TEAM}`);
    await waitText(d.field('具体位置'), PLACE);
    await waitText(d.field('隐患类别'), '物的因素 / 物理性危险和有害因素');
    await waitText(d.field('发现人'), A.name);
    await l.waitTotal(1);
    await shot('10-drawer-reported');
  });

  step('确认定级: 一般隐患 with L/E/C → the preview shows D and the risk level', async () => {
    const d = drawer();
    const dlg = await d.openAction('确认定级', SERIAL);
    await dlg.chooseGrade('一般隐患');
    await dlg.chooseLec(3, 6, 15);
    await dlg.waitPreview(/较大风险 D=270/);
    await shot('11-confirm-lec-preview');
    await dlg.ok();
    await d.waitStatus('已确认');
    await waitText(d.tags, '一般隐患');
    await waitText(d.tags, '较大风险 D=270');
    await waitText(d.field('LEC 评价'), 'L=3 E=6 C=15 → D=270');
  });

  step('落实整改（五落实）: responsible C, funds, deadline, measures, emergency plan → the 五落实 card', async () => {
    const d = drawer();
    await waitText(d.fiveImpl, /尚未落实整改（五落实）/);
    const dlg = await d.openAction('落实整改（五落实）', SERIAL);
    await dlg.fillFiveImpl({ responsibleName: C.name, plannedFunds: '5000', deadline: DEADLINE, measures: MEASURES, emergencyPlan: EMERGENCY });
    await shot('12-assign-dialog');
    await dlg.ok();
    await d.waitStatus('已落实整改');
    await waitText(d.field('整改责任人', d.fiveImpl), C.name);
    await waitText(d.field('整改期限', d.fiveImpl), DEADLINE);
    await waitText(d.field('整改资金（元）', d.fiveImpl), '5,000.00');
    await waitText(d.field('整改措施', d.fiveImpl), MEASURES);
    await waitText(d.field('应急预案', d.fiveImpl), EMERGENCY);
    await shot('13-drawer-five-impl');
  });

  step('开始整改, then 提交验收 with a note, actual funds and an after-photo', async () => {
    const d = drawer();
    const start = await d.openAction('开始整改', SERIAL);
    await start.ok();
    await d.waitStatus('整改中');

    const dlg = await d.openAction('提交验收', SERIAL);
    await dlg.fillSubmission({ note: NOTE_1, actualFunds: '4800.5' });
    await dlg.addPhoto(photo.after, path.basename(photo.after));
    await shot('14-submit-dialog');
    await dlg.ok();
    await d.waitStatus('待验收');
    await d.waitPhotoLoaded('整改后照片', path.basename(photo.after));
    await waitText(d.field('实际投入资金（元）', d.fiveImpl), '4,800.50');
    await waitText(d.field('整改情况', d.fiveImpl), NOTE_1);
  });

  step('A submitted it, so A may neither accept nor reject', async () => {
    const d = drawer();
    await d.acceptancePdfButton.waitFor(); // the drawer re-rendered for the submitted state
    expect(await d.actionButton('验收通过（销号）').count()).toBe(0);
    expect(await d.actionButton('验收不通过').count()).toBe(0);
    expect((await d.actions.getByRole('button').allInnerTexts()).map(squash)).toEqual(['作废']);
    await shot('15-submitter-cannot-accept');
  });

  step('B signs in: the home page lists it as due soon; 验收不通过 with a reason → back to 整改中', async () => {
    await drawer().close();
    await shell().switchOperator(B.name);
    const h = home();
    await h.waitUntilVisible();
    await h.reminderRow('dueSoon', SERIAL).waitFor();
    await shot('16-home-B-due-soon');
    await h.reminderRow('dueSoon', SERIAL).click();

    const d = drawer();
    await d.waitFor(SERIAL);
    await d.waitStatus('待验收');
    await d.actionButton('验收通过（销号）').waitFor();
    const dlg = await d.openAction('验收不通过', SERIAL);
    await dlg.field('不通过原因').fill(REJECT_REASON);
    await dlg.ok();
    await d.waitStatus('整改中');
    await waitText(d.timelineItems.last(), new RegExp(`验收不通过 · ${B.name} → 整改中[\\s\\S]*${REJECT_REASON}`));
    await d.timeline.scrollIntoViewIfNeeded(); // the drawer body scrolls; show the timeline in the screenshot
    await shot('17-rejected');
  });

  step('A signs in again and submits for acceptance a second time', async () => {
    await drawer().close();
    await shell().switchOperator(A.name);
    await shell().go('隐患台账');
    const l = ledger();
    await l.row(SERIAL).waitFor();
    await l.open(SERIAL);
    const d = drawer();
    await d.waitStatus('整改中');
    const dlg = await d.openAction('提交验收', SERIAL);
    await dlg.root.getByAltText(path.basename(photo.after), { exact: true }).waitFor(); // the after-photo is kept
    await dlg.fillSubmission({ note: NOTE_2, actualFunds: '5200' });
    await dlg.ok();
    await d.waitStatus('待验收');
    await waitText(d.field('整改情况', d.fiveImpl), NOTE_2);
  });

  step('B signs in: 验收通过（销号）→ 已销号; the timeline lists every step with operator names', async () => {
    await drawer().close();
    await shell().switchOperator(B.name);
    const h = home();
    await h.waitUntilVisible();
    await h.reminderRow('dueSoon', SERIAL).click();
    const d = drawer();
    await d.waitFor(SERIAL);
    await d.waitStatus('待验收');
    const dlg = await d.openAction('验收通过（销号）', SERIAL);
    await dlg.ok();
    await d.waitStatus('已销号');
    await waitCount(d.timelineItems, 8);
    const items = (await d.timelineItems.allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').trim());
    const expected: [string, string, string][] = [
      ['上报', A.name, '已上报'],
      ['确认定级', A.name, '已确认'],
      ['落实整改（五落实）', A.name, '已落实整改'],
      ['开始整改', A.name, '整改中'],
      ['提交验收', A.name, '待验收'],
      ['验收不通过', B.name, '整改中'],
      ['提交验收', A.name, '待验收'],
      ['验收通过（销号）', B.name, '已销号'],
    ];
    expected.forEach(([action, who, to], i) => expect(items[i]).toMatch(new RegExp(`^${action.replace(/[()（）]/g, '.')} · ${who} → ${to} \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d`)));
    expect(items[5]).toContain(REJECT_REASON);
    await d.actionButton('更正').waitFor(); // a closed record can only be corrected
    expect(await d.actions.getByRole('button').count()).toBe(1);
    await d.timeline.scrollIntoViewIfNeeded();
    await shot('18-closed-timeline');
  });

  step('整改通知单 PDF and 验收记录 PDF: text, embedded NotoSansSC subset, page 1 rendered', async () => {
    const d = drawer();
    for (const [button, name, heading] of [
      [d.noticePdfButton, `整改通知单-${SERIAL}.pdf`, '整改通知单'],
      [d.acceptancePdfButton, `验收记录-${SERIAL}.pdf`, '验收'],
    ] as const) {
      const download = await d.download(button);
      expect(download.suggestedFilename()).toBe(name);
      const file = await saveDownload(download, `hz-${name}`);
      expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
      expect(squash(text)).toContain(squash(DESCRIPTION));
      expect(text).toContain(SERIAL);
      expect(text).toContain(heading);
      const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
      // name type encoding emb sub uni — a subset (ABCDEF+) NotoSansSC, embedded and subset
      expect(fonts).toMatch(/^[A-Z]{6}\+NotoSansSC\S*\s.*\byes\s+yes\s+(yes|no)\b/m);
      const prefix = path.join(SHOTS_DIR, `hz-${path.basename(name, '.pdf')}-page`);
      execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', file, prefix]);
      const png = fs.readdirSync(SHOTS_DIR).find((f) => f.startsWith(path.basename(prefix)) && f.endsWith('.png'));
      expect(png).toBeTruthy();
    }
    await shot('19-drawer-pdfs');
  });

  step('导出台账: the .xlsx has the title, the header row and the hazard', async () => {
    await drawer().close();
    const l = ledger();
    await l.waitTotal(0); // the default filter (未销号) no longer shows it
    await l.filterStatus('全部');
    await l.waitTotal(1);
    await l.row(SERIAL).waitFor();
    await waitText(l.row(SERIAL), /已销号/);
    const download = await l.exportLedger();
    expect(download.suggestedFilename()).toMatch(/^隐患台账-.*\.xlsx$/);
    const file = await saveDownload(download, 'hz-ledger.xlsx');
    await shot('20-ledger-all');

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('隐患台账') ?? wb.worksheets[0]!;
    const text = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'object' && 'richText' in (v as object) ? (v as { richText: { text: string }[] }).richText.map((r) => r.text).join('') : String(v));
    expect(text(ws.getRow(1).getCell(1).value)).toContain('隐患排查治理台账');
    const rows: string[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map(text)));
    const headerAt = rows.findIndex((r) => r.includes('隐患编号'));
    expect(headerAt).toBeGreaterThan(0);
    const data = rows.slice(headerAt + 1);
    const mine = data.find((r) => r.includes(SERIAL));
    expect(mine, JSON.stringify(data)).toBeTruthy();
    expect(mine).toContain(DESCRIPTION);
    expect(mine).toContain('已销号');
  });

  step('首页: nothing overdue or due soon any more; 本期销号 ≥ 1', async () => {
    await shell().go('首页');
    const h = home();
    await h.waitUntilVisible();
    await h.emptyReminders('overdue').waitFor();
    await h.emptyReminders('dueSoon').waitFor();
    expect(await h.reminderRow('overdue', SERIAL).count()).toBe(0);
    expect(await h.reminderRow('dueSoon', SERIAL).count()).toBe(0);
    await waitText(h.kpiValue('closed'), /^[1-9]\d*$/);
    expect(Number(await h.kpiValue('closed').innerText())).toBeGreaterThanOrEqual(1);
    await shot('21-home-after-close');
  });

  step('更正 of the closed record: a reason is required; the description changes and the timeline shows 更正', async () => {
    await shell().go('隐患台账');
    const l = ledger();
    await l.row(SERIAL).waitFor(); // the 全部 filter is kept
    await l.open(SERIAL);
    const d = drawer();
    await d.waitStatus('已销号');
    const dlg = await d.openCorrection(SERIAL);
    expect(await dlg.description.inputValue()).toBe(DESCRIPTION);
    await dlg.description.fill(CORRECTED);
    await dlg.saveButton.click(); // no reason yet
    await dlg.root.getByText('请填写原因', { exact: true }).waitFor();
    await dlg.reason.fill(CORRECT_REASON);
    await dlg.root.getByText('请填写原因', { exact: true }).waitFor({ state: 'hidden' }); // re-validated
    await shot('22-correct-dialog');
    await dlg.saveButton.click();
    await dlg.root.waitFor({ state: 'hidden' });
    await waitText(d.description, CORRECTED);
    await d.waitStatus('已销号');
    await waitCount(d.timelineItems, 9);
    await waitText(d.timelineItems.last(), new RegExp(`^更正 · ${B.name}[\\s\\S]*${CORRECT_REASON}`));
    await waitText(l.row(SERIAL), new RegExp(CORRECTED.slice(0, 12)));
    await d.timeline.scrollIntoViewIfNeeded();
    await shot('23-corrected');
  });

  it('left no uncaught errors in the page', () => {
    expect(app.pageErrors.filter((e) => !/favicon/.test(e))).toEqual([]);
  });
});
