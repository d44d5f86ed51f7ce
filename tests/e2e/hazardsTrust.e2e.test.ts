// What a new user tripped over in the hazard ledger (issue 7), in a real Chromium at 1366 × 768 against a real browser
// host: the quick log fits the window with its submit button visible, an image pasted anywhere in it is attached, an
// old discovery date asks first; LEC pickers say what each value means; the ledger search narrows by several words and
// finds people and workshops; 打印台账 makes a PDF of the filter; a 重大隐患 is reported to the authority, put under
// supervision and its governance evaluated in the drawer; after-photos are labelled by submission round; the notice
// is not offered before the 五落实; the printed statistics table names the enterprise. The store is set up through
// the API (in the tab's session), the screens are driven like a user would.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { usccCheckChar } from '../../shared/enterprise/uscc';
import { api, apiIn, journeySteps, SHOTS_DIR, TAB, useE2E } from './fixtures';
import { LedgerPage, SetupPage, Shell, waitText } from './pages';

const USCC = ((first17: string) => first17 + usccCheckChar(first17))('91321283MA1TRUX07');
const ENTERPRISE = '泰兴安康化工有限公司';
const WORKSHOP = '合成车间';
const SO = { empNo: 'S0002', name: '张安全' };
const RESP = { empNo: 'R0003', name: '赵整改' };
const YEAR = new Date().getFullYear();
const squash = (s: string) => s.replace(/\s+/g, '');

/** local calendar date, `days` from today, as YYYY-MM-DD */
function localDate(days = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

interface Hz {
  id: string;
  serial: string;
}

describe('hazard ledger: what a new user tripped over (1366 × 768)', () => {
  const app = useE2E({ viewport: { width: 1366, height: 768 } });
  const SO_TAB = 'e2eSecondOperatorTab0001';
  const step = journeySteps(app, 'hzt-');
  /** a viewport-sized screenshot (what the user sees without scrolling) */
  const viewShot = (n: string) => app.page.screenshot({ path: path.join(SHOTS_DIR, `hzt-${n}.png`), animations: 'disabled' });
  const ledger = () => new LedgerPage(app.page);
  /** waits until the element's opening animation is over (its box stops changing) */
  const settled = async (l: import('playwright-core').Locator) => {
    let last = '';
    for (;;) {
      const box = JSON.stringify(await l.boundingBox());
      if (box === last) return;
      last = box;
      await app.page.waitForTimeout(150);
    }
  };
  const drawer = () => ledger().drawer;
  const png = (bg: string) => sharp({ create: { width: 320, height: 240, channels: 3, background: bg } }).png().toBuffer();
  const upload = async (name: string, bg: string) => api<{ id: string }>(app.host, 'attachments.upload', { fileName: name, dataBase64: (await png(bg)).toString('base64') });

  const H: Record<'extinguisher' | 'hotWork' | 'major' | 'rounds', Hz> = {} as never;
  let respId = '';

  beforeAll(() => {
    if (fs.existsSync(SHOTS_DIR)) for (const f of fs.readdirSync(SHOTS_DIR)) if (/^(failed-)?hzt-/.test(f)) fs.rmSync(path.join(SHOTS_DIR, f));
  });

  step('set-up through the API: enterprise, admin, a workshop, a safety officer (operator) and a responsible worker', async () => {
    await new SetupPage(app.page).waitUntilVisible();
    await api(app.host, 'setup.init', {
      enterprise: { name: ENTERPRISE, uscc: USCC, headcount: 120 },
      operator: { empNo: 'A0001', name: '李主席', gender: 'M', roles: ['union_officer'], pin: null },
    });
    await app.page.evaluate((k) => (globalThis as unknown as { sessionStorage: { setItem(a: string, b: string): void } }).sessionStorage.setItem('ankang.tab', k), TAB);
    const ws = await api<{ id: string }>(app.host, 'org.create', { kind: 'workshop', parentId: null, name: WORKSHOP });
    const so = await api<{ id: string }>(app.host, 'workers.create', { ...SO, gender: 'M', roles: ['safety_officer'], orgUnitId: ws.id });
    respId = (await api<{ id: string }>(app.host, 'workers.create', { ...RESP, gender: 'M', orgUnitId: ws.id })).id;
    const soOp = await api<{ id: string }>(app.host, 'operators.add', { workerId: so.id });
    await apiIn(app.host, SO_TAB, 'session.signIn', { operatorId: soOp.id });

    const report = (description: string, o: Record<string, unknown> = {}) =>
      api<Hz>(app.host, 'hazards.report', { foundAt: `${localDate(-3)}T09:30`, source: 'self_check', category1: 'material', category2: 'physical', orgUnitId: ws.id, description, ...o });
    H.extinguisher = await report('灭火器压力不足，指针在红区');
    H.hotWork = await report('动火作业现场未配灭火器，动火票未审批');
    H.major = await report('储罐区可燃气体报警器失效，需停产更换');
    H.rounds = await report('反应釜平台防护栏杆松动');
    // the major one: confirmed, assigned with its governance plan, rectifying
    await api(app.host, 'hazards.confirm', { id: H.major.id, grade: 'major', lec: { l: 6, e: 6, c: 40 } });
    const gov = { targets: '消除报警失效', methods: '停产更换报警器', funding: '5 万元', organisation: '设备科', timeline: '15 天', safetyPlan: '停产期间执行专项预案' };
    const five = { responsibleId: respId, measures: '更换报警器并联调', plannedFunds: 50000, deadline: localDate(10), emergencyPlan: '可燃气体泄漏专项预案' };
    await api(app.host, 'hazards.assign', { id: H.major.id, ...five, governancePlan: gov });
    await api(app.host, 'hazards.start', { id: H.major.id });
    // the rounds one: submitted, rejected by the safety officer, submitted again with a new photo
    await api(app.host, 'hazards.confirm', { id: H.rounds.id, grade: 'general', lec: { l: 3, e: 6, c: 7 } });
    await api(app.host, 'hazards.assign', { id: H.rounds.id, ...five, measures: '紧固栏杆', plannedFunds: 800, governancePlan: null });
    await api(app.host, 'hazards.start', { id: H.rounds.id });
    const a1 = await upload('第一次整改.png', '#fca5a5');
    await api(app.host, 'hazards.submit', { id: H.rounds.id, actualFunds: 500, rectificationNote: '已紧固立柱', afterPhotoIds: [a1.id] });
    await apiIn(app.host, SO_TAB, 'hazards.reject', { id: H.rounds.id, reason: '踢脚板未装' });
    const a2 = await upload('第二次整改.png', '#86efac');
    await api(app.host, 'hazards.submit', { id: H.rounds.id, actualFunds: 900, rectificationNote: '已紧固立柱并加装踢脚板', afterPhotoIds: [a2.id] });

    await app.page.reload();
    await new Shell(app.page).waitSignedIn('李主席');
  });

  step('the quick log at 1366 × 768: the whole dialog, its submit button included, is on screen', async () => {
    await new Shell(app.page).go('隐患台账');
    const l = ledger();
    await l.waitUntilVisible();
    await l.openQuickLog();
    const submit = l.quickLog.submitButton;
    await submit.waitFor();
    const box = (await submit.boundingBox())!;
    expect(box.y).toBeGreaterThan(0);
    expect(box.y + box.height).toBeLessThanOrEqual(768);
    expect(await submit.evaluate((el) => {
      const r = (el as unknown as { getBoundingClientRect(): { top: number; left: number; width: number; height: number } }).getBoundingClientRect();
      const doc = (globalThis as unknown as { document: { elementFromPoint(x: number, y: number): unknown } }).document;
      const hit = doc.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) as { closest(s: string): unknown } | null;
      return hit !== null && hit.closest('button') === el;
    })).toBe(true); // not covered by anything
    await viewShot('01-quicklog-1366x768');
  });

  step('an image pasted into the description (not the photo box) is attached', async () => {
    const q = ledger().quickLog;
    await q.description.click();
    const b64 = (await png('#60a5fa')).toString('base64');
    await q.description.evaluate((el, data) => {
      const g = globalThis as unknown as {
        atob(s: string): string;
        File: new (parts: unknown[], name: string, o: { type: string }) => unknown;
        DataTransfer: new () => { items: { add(f: unknown): void } };
        ClipboardEvent: new (t: string, o: { clipboardData: unknown; bubbles: boolean; cancelable: boolean }) => unknown;
      };
      const bin = g.atob(data);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      const dt = new g.DataTransfer();
      dt.items.add(new g.File([bytes], 'image.png', { type: 'image/png' }));
      (el as unknown as { dispatchEvent(e: unknown): boolean }).dispatchEvent(new g.ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    }, b64);
    await q.thumb('image.png').waitFor();
    await q.description.fill('巡检发现：配电房门口堆放杂物');
    await viewShot('02-quicklog-pasted-photo');
  });

  step('a discovery date years back asks first and names the year its serial gets', async () => {
    const q = ledger().quickLog;
    await q.chooseCategory(['环境因素', '室内作业场所环境不良']);
    const found = q.root.getByLabel('发现时间');
    await found.click();
    await found.fill(`${YEAR - 3}-03-05 09:30`);
    await found.press('Enter');
    await q.submitButton.click();
    const confirm = app.page.locator('.ant-modal-confirm').filter({ hasText: '发现时间在一年以前' });
    await confirm.waitFor();
    await waitText(confirm, new RegExp(`发现时间为 ${YEAR - 3}-03-05，隐患将按 ${YEAR - 3} 年编号`));
    await settled(confirm);
    await viewShot('03-old-date-confirm');
    await confirm.getByRole('button', { name: /取\s*消/ }).click();
    await q.root.getByText('请核对发现时间').waitFor();
    await q.close();
  });

  step('LEC pickers show each value with its standard meaning', async () => {
    const l = ledger();
    await l.filterStatus('全部');
    await l.open(H.extinguisher.serial);
    const dlg = await drawer().openAction('确认定级', H.extinguisher.serial);
    await dlg.field('L 事故发生的可能性').click();
    const popup = app.page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').filter({ visible: true });
    await popup.getByText('10 — 完全可以预料').waitFor();
    await popup.getByText('0.1 — 实际不可能').waitFor();
    await viewShot('04-lec-meanings');
    await popup.getByText('3 — 可能，但不经常').click();
    await dlg.root.getByRole('button', { name: /取\s*消/ }).click();
    await dlg.root.waitFor({ state: 'hidden' });
  });

  step('the notice is not offered before the 五落实', async () => {
    const d = drawer();
    await d.actionButton('确认定级').waitFor();
    expect(await d.noticePdfButton.count()).toBe(0);
    await d.close();
  });

  step('ledger search: two words narrow together; a responsible person and a workshop name find hazards', async () => {
    const l = ledger();
    const search = app.page.getByRole('searchbox', { name: /搜索编号/ }).or(app.page.getByPlaceholder(/搜索编号/)).first();
    await search.fill('灭火器');
    await l.waitTotal(2);
    await search.fill('灭火器 动火');
    await l.waitTotal(1);
    await l.row(H.hotWork.serial).waitFor();
    await viewShot('05-search-two-words');
    await search.fill(RESP.name);
    await l.waitTotal(2); // responsible for the major one and the rounds one
    await search.fill(WORKSHOP);
    await l.waitTotal(4);
    await search.fill('');
    await l.waitTotal(4);
  });

  step('打印台账: a PDF of the current filter with the enterprise name, not a print of the screen', async () => {
    const l = ledger();
    const search = app.page.getByPlaceholder(/搜索编号/);
    await search.fill('灭火器');
    await l.waitTotal(2);
    const [download] = await Promise.all([app.page.waitForEvent('download'), app.page.getByRole('button', { name: '打印台账' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^隐患台账-.*\.pdf$/);
    const file = path.join(SHOTS_DIR, 'hzt-ledger.pdf');
    await download.saveAs(file);
    const text = squash(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
    expect(text).toContain(ENTERPRISE);
    expect(text).toContain('安全隐患排查治理台账');
    expect(text).toContain('搜索：灭火器');
    expect(text).toContain(H.extinguisher.serial);
    expect(text).toContain(H.hotWork.serial);
    expect(text).not.toContain(H.major.serial);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, path.join(SHOTS_DIR, 'hzt-ledger-pdf-p1')]);
    await search.fill('');
    await l.waitTotal(4);
  });

  step('重大隐患: report to the authority, 挂牌督办 and the governance evaluation, recorded in the drawer', async () => {
    const l = ledger();
    await l.open(H.major.serial);
    const d = drawer();
    const card = d.root.getByTestId('major-card');
    await card.waitFor();
    await card.getByTestId('major-pending').waitFor();
    await waitText(card, /尚未报告监管部门/);
    await card.scrollIntoViewIfNeeded();
    await viewShot('06-major-card-pending');

    await card.getByRole('button', { name: '报告监管部门' }).click();
    const report = app.page.getByRole('dialog', { name: `报告监管部门 · ${H.major.serial}` });
    await report.waitFor();
    await report.getByRole('button', { name: /确\s*定/ }).click();
    await report.getByText('必填').first().waitFor(); // nothing given yet
    const date = report.getByLabel('报告日期');
    await date.click();
    await date.fill(localDate(-2));
    await date.press('Enter');
    await report.getByLabel('接收部门').fill('泰兴市应急管理局');
    await report.getByLabel('文号').fill('泰安康安〔2026〕3号');
    await report.getByLabel(/报告内容/).fill('可燃气体报警器失效，影响储罐区；需停产更换，整改难度一般');
    await viewShot('07-major-report-dialog');
    await report.getByRole('button', { name: /确\s*定/ }).click();
    await report.waitFor({ state: 'hidden' });
    await waitText(card, new RegExp(`${localDate(-2)} · 泰兴市应急管理局 · 泰安康安〔2026〕3号`));

    await card.getByRole('button', { name: '挂牌督办' }).click();
    const sup = app.page.getByRole('dialog', { name: `挂牌督办 · ${H.major.serial}` });
    await sup.waitFor();
    await sup.getByLabel('督办单位').fill('泰兴市安委办');
    const sd = sup.getByLabel('挂牌日期');
    await sd.click();
    await sd.fill(localDate(-1));
    await sd.press('Enter');
    await sup.getByRole('button', { name: /确\s*定/ }).click();
    await sup.waitFor({ state: 'hidden' });
    await waitText(card, /已挂牌督办/);

    await card.getByRole('button', { name: '治理效果评估' }).click();
    const ev = app.page.getByRole('dialog', { name: `治理效果评估 · ${H.major.serial}` });
    await ev.waitFor();
    await ev.getByRole('radio', { name: '委托第三方机构评估' }).check();
    await ev.getByLabel('评估人员/机构').fill('江苏某安全评价有限公司');
    await ev.getByLabel('评估结论').fill('报警器已更换并联调，符合安全生产条件');
    await ev.getByRole('radio', { name: '符合安全生产条件' }).check();
    await viewShot('08-major-evaluate-dialog');
    await ev.getByRole('button', { name: /确\s*定/ }).click();
    await ev.waitFor({ state: 'hidden' });
    await waitText(card, /江苏某安全评价有限公司/);
    expect(await card.getByTestId('major-pending').count()).toBe(0);
    await waitText(d.timeline, /报告监管部门[\s\S]*挂牌督办[\s\S]*治理效果评估/);
    await card.scrollIntoViewIfNeeded();
    await viewShot('09-major-card-recorded');
    await d.close();
  });

  step('after-photos are labelled by submission round; the resubmission kept the note', async () => {
    const l = ledger();
    await l.open(H.rounds.serial);
    const d = drawer();
    const after = d.root.getByTestId('after-photos');
    await after.getByTestId('after-round-1').getByText('第 1 次提交（未通过）').waitFor();
    await after.getByTestId('after-round-2').getByText('第 2 次提交').waitFor();
    await after.getByAltText('整改后照片 第 1 次提交 第一次整改.png').waitFor();
    await after.getByAltText('整改后照片 第 2 次提交 第二次整改.png').waitFor();
    await after.scrollIntoViewIfNeeded();
    await viewShot('10-after-photo-rounds');
    await d.close();
  });

  step('the statistics table on the home page names the enterprise', async () => {
    await new Shell(app.page).go('首页');
    const name = app.page.getByTestId('stats-enterprise');
    await waitText(name, ENTERPRISE);
    await app.page.getByTestId('stats-table').scrollIntoViewIfNeeded();
    await viewShot('11-stats-table-enterprise');
  });

  it('left no uncaught errors in the page', () => {
    expect(app.pageErrors.filter((e) => !/favicon/.test(e))).toEqual([]);
  });
});
