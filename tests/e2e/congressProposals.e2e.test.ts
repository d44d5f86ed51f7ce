// Proposals to the workers' congress (issue 8) in a real Chromium against a real browser host at 1366×768: a term
// with representatives and an open collection window; proposals submitted in the form with co-signers picked among
// the serving representatives (too few refused on the field); review in the drawer (立案, and 不予立案 with its
// reason); a safety proposal assigned to a department creates a hazard in the ledger; the hazard closed through the
// hazard ledger shows on the proposal as "all linked hazards closed". Screenshots in test-results/e2e/congress-proposals-*.png.
import { describe, expect } from 'vitest';
import { todayLocal } from '../../electron/core/util';
import { shiftDate } from '../../shared/congress/proposals/workflow';
import { api, journeySteps, setUpSignedIn, useE2E } from './fixtures';
import { label, pickMultiple, pickSelect, waitText } from './pages';

const today = todayLocal();

describe('congress proposals (browser host + Chromium)', () => {
  const app = useE2E({ viewport: { width: 1366, height: 768 } });
  const step = journeySteps(app, 'proposals-');
  const shot = (n: string) => app.shot(`congress-proposals-${n}`);
  const page = () => app.page;
  /** the modal titled `title…` (a drawer is a dialog too: modals are told apart by their title) */
  const modal = (title: string) => page().locator('.ant-modal').filter({ has: page().locator('.ant-modal-title', { hasText: title }) });
  const row = (text: string) => page().locator('.ant-table-row').filter({ hasText: text });
  const ids: Record<string, string> = {};
  /** the modal's OK button (its primary footer button) */
  const ok = (title: string) => modal(title).locator('.ant-modal-footer .ant-btn-primary');
  const closeDrawer = async () => {
    await page().locator('.ant-drawer-close').filter({ visible: true }).click();
    await page().getByTestId('proposal-serial').waitFor({ state: 'detached' });
  };

  step('a term with representatives and an open collection; the tab says the window', async () => {
    await setUpSignedIn(app);

    const ws = await api<{ id: string }>(app.host, 'org.create', { kind: 'workshop', parentId: null, name: '合成车间' });
    const eq = await api<{ id: string }>(app.host, 'org.create', { kind: 'workshop', parentId: null, name: '设备部' });
    ids.eq = eq.id;
    const term = await api<{ id: string }>(app.host, 'congress.termCreate', { number: 3, startDate: '2024-01-01', endDate: '2028-12-31' });
    ids.term = term.id;
    for (const [empNo, name] of [['R01', '张丽'], ['R02', '李强'], ['R03', '王芳'], ['R04', '赵刚']] as const) {
      const w = await api<{ id: string }>(app.host, 'workers.create', { empNo, name, gender: 'M', orgUnitId: ws.id, isFrontline: true });
      ids[empNo] = w.id;
      await api(app.host, 'congress.memberAdd', { termId: term.id, workerId: w.id, joinedOn: '2024-01-01' });
    }
    const obs = await api<{ id: string }>(app.host, 'workers.create', { empNo: 'O01', name: '钱列席', gender: 'M', orgUnitId: ws.id });
    await api(app.host, 'congress.memberAdd', { termId: term.id, workerId: obs.id, joinedOn: '2024-01-01', kind: 'observer' });
    await api(app.host, 'congress.proposalSettingsSave', { termId: term.id, windowDays: 30, minCosigners: 2, secondAnswerDays: 15, sessionDate: shiftDate(today, 14) });

    await page().getByRole('menuitem', { name: '职代会' }).click();
    await page().getByRole('tab', { name: '提案' }).click();
    await waitText(page().getByTestId('proposal-window'), `征集期 ${shiftDate(today, -16)} 起，${shiftDate(today, 14)} 开会前截止 · 每件至少 2 名附议人`);
    expect(page().url()).toContain('#/congress/proposals');
    await page().getByText('没有符合条件的提案').waitFor();
    await shot('01-empty');
  });

  step('proposals with co-signers from the form: too few refused on the field, then submitted', async () => {
    const submit = async (o: { title: string; category?: string; reason: string; measure: string; proposer: string; cosigners: string[]; tooFew?: boolean }) => {
      await page().getByRole('button', { name: label('提交提案') }).click();
      const d = modal('提交提案');
      if (o.category) await d.getByLabel(o.category).check();
      await d.getByLabel('案由').fill(o.title);
      await d.getByLabel('理由').fill(o.reason);
      await d.getByLabel('建议办法').fill(o.measure);
      await pickSelect(page(), d.getByRole('combobox', { name: '提案人' }), new RegExp(o.proposer), o.proposer);
      const cos = d.getByRole('combobox', { name: '附议人（至少 2 名）' });
      for (const c of o.cosigners) await pickMultiple(page(), cos, c);
      if (o.tooFew) {
        await d.getByRole('button', { name: label('提交') }).click();
        await d.getByText('每件提案至少需要 2 名附议人（现有 1 名）').waitFor();
        await shot('02-too-few');
        await pickMultiple(page(), cos, '赵刚');
      }
      if (o.title.includes('护栏')) await shot('03-form');
      await d.getByRole('button', { name: label('提交') }).click();
      await d.waitFor({ state: 'hidden' });
      // the new proposal opens in the drawer
      await waitText(page().getByTestId('proposal-serial'), /^TA3-\d{4}-\d{3}$/);
      await closeDrawer();
    };
    await submit({ title: '合成车间反应釜平台护栏加高', reason: '二楼操作平台护栏高度仅 0.9 米，低于 1.05 米的规范要求，巡检时有坠落风险。', measure: '护栏加高至 1.2 米并加设踢脚板，年底检修时完成。', proposer: '张丽', cosigners: ['李强'], tooFew: true });
    await submit({ title: '夜班餐补提高到每餐 20 元', category: '工资待遇', reason: '物价上涨，现行 12 元标准多年未调。', measure: '提高到每餐 20 元。', proposer: '王芳', cosigners: ['李强', '张丽'] });
    await row('合成车间反应釜平台护栏加高').waitFor();
    await waitText(row('合成车间反应釜平台护栏加高'), /TA3-\d{4}-001[\s\S]*安全生产[\s\S]*张丽 \+2[\s\S]*待审查/);
    await waitText(row('夜班餐补'), /TA3-\d{4}-002[\s\S]*工资待遇[\s\S]*王芳 \+2/);
    await shot('04-list');
  });

  step('review in the drawer: 立案 for one, 不予立案 with its reason for the other', async () => {
    await row('合成车间反应釜平台护栏加高').getByRole('link').click();
    const drawer = page().locator('.ant-drawer').filter({ visible: true });
    await waitText(drawer.getByTestId('proposal-actions'), /立\s*案[\s\S]*转意见建议[\s\S]*不予立案/);
    await shot('05-drawer-submitted');
    await drawer.getByRole('button', { name: label('立案') }).click();
    await ok('立案 · TA3').click();
    await waitText(drawer.getByTestId('proposal-actions'), /交\s*办/);
    await closeDrawer();

    await row('夜班餐补').getByRole('link').click();
    await drawer.getByRole('button', { name: label('不予立案') }).click();
    const d = modal('不予立案 · TA3');
    await ok('不予立案 · TA3').click();
    await d.getByText('请填写原因').waitFor();
    await d.getByLabel('理由（将告知提案人）').fill('属集体合同工资协商事项，转工资专项集体协商处理');
    await ok('不予立案 · TA3').click();
    await d.waitFor({ state: 'hidden' });
    await waitText(page().locator('.ant-drawer-title'), /TA3-\d{4}-002[\s\S]*不予立案/);
    await drawer.getByText('属集体合同工资协商事项，转工资专项集体协商处理').first().waitFor();
    await closeDrawer();
  });

  step('assigned to a department, the safety proposal creates a hazard in the ledger', async () => {
    const rows = await api<{ id: string; title: string }[]>(app.host, 'congress.proposals', { termId: ids.term });
    ids.p = rows.find((r) => r.title.includes('护栏'))!.id;
    await api(app.host, 'congress.proposalAssign', { id: ids.p, leadUnitId: ids.eq, dueDate: shiftDate(today, 30), note: '设备部牵头' });
    await page().reload();
    await row('合成车间反应釜平台护栏加高').getByRole('link').click();
    const drawer = page().locator('.ant-drawer').filter({ visible: true });
    await waitText(drawer.getByTestId('proposal-actions'), /交\s*办[\s\S]*答\s*复/);
    await drawer.getByRole('button', { name: label('生成隐患') }).click();
    const d = modal('生成隐患 · TA3');
    await d.getByLabel('具体位置').fill('合成车间二楼操作平台');
    await shot('06-hazard-create');
    await ok('生成隐患 · TA3').click();
    await d.waitFor({ state: 'hidden' });
    await waitText(drawer.getByTestId('proposal-hazards'), /YH-\d{4}-0001[\s\S]*已上报[\s\S]*由本提案生成/);
    await shot('07-hazard-linked');
    const p = await api<{ linkedHazards: { id: string }[] }>(app.host, 'congress.proposal', { id: ids.p });
    ids.h = p.linkedHazards[0]!.id;
    const h = await api<{ source: string; description: string }>(app.host, 'hazards.get', { id: ids.h });
    expect(h.source).toBe('proposal');
    expect(h.description).toMatch(/（职代会提案 TA3-\d{4}-001）$/);
    await closeDrawer();
  });

  step('the hazard closed through the ledger: the proposal shows all its hazards closed', async () => {
    // a safety officer accepts what the admin rectified (the acceptor may not be the rectifier)
    const so = await api<{ id: string }>(app.host, 'workers.create', { empNo: 'S01', name: '冯安全', gender: 'M', roles: ['safety_officer'] });
    const soOp = await api<{ id: string }>(app.host, 'operators.add', { workerId: so.id });
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    const photo = await api<{ id: string }>(app.host, 'attachments.upload', { fileName: 'after.png', dataBase64: png.toString('base64') });
    await api(app.host, 'hazards.confirm', { id: ids.h, grade: 'general', lec: { l: 3, e: 6, c: 7 } });
    await api(app.host, 'hazards.assign', { id: ids.h, responsibleId: ids.R04, measures: '护栏加高至 1.2 米', plannedFunds: 3000, deadline: shiftDate(today, 10), emergencyPlan: '设警戒带' });
    await api(app.host, 'hazards.start', { id: ids.h });
    await api(app.host, 'hazards.submit', { id: ids.h, actualFunds: 2800, rectificationNote: '已加高并加踢脚板', afterPhotoIds: [photo.id] });
    await api(app.host, 'session.signIn', { operatorId: soOp.id });
    await api(app.host, 'hazards.accept', { id: ids.h });
    await page().reload();
    await waitText(row('合成车间反应釜平台护栏加高'), /1 项已全部销号/);
    await row('合成车间反应釜平台护栏加高').getByRole('link').click();
    await waitText(page().getByTestId('hazards-all-closed'), '关联的 1 项隐患已全部整改销号');
    await waitText(page().getByTestId('proposal-hazards'), /已销号/);
    await shot('08-all-closed');
    expect(app.pageErrors).toEqual([]);
  });
});
