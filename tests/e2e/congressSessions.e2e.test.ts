// The workers' congress, sessions (issue 8, "The session" and "The day") in a real Chromium against a real browser
// host at 1366×768: a 5+X session with one X item made in the UI, the papers issued (with the short-notice warning),
// check-in to quorum on the day screen, then two votes — one passing, one failing for lack of an absolute majority of
// ALL representatives although most of those present voted yes — a resolution, the public notice and the minutes PDF
// (checked with pdftotext and pdffonts).
// Screenshots in test-results/e2e/congress-sessions-*.png.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect } from 'vitest';
import { api, journeySteps, recordVote, setUpSignedIn, SHOTS_DIR, useE2E } from './fixtures';
import { label, waitText } from './pages';

const REPS = 15;

describe('congress sessions (browser host + Chromium)', () => {
  const app = useE2E({ viewport: { width: 1366, height: 768 } });
  const step = journeySteps(app, 'congress-sessions-');
  const shot = (n: string) => app.shot(`congress-sessions-${n}`);
  const page = () => app.page;
  const dialog = () => page().getByRole('dialog').filter({ visible: true }).last();
  const voteCard = (position: number) => page().getByTestId(`vote-item-${position}`);

  step('a term of 15 representatives; a new session starts from the 5+X agenda; an X item is added', async () => {
    await setUpSignedIn(app);

    const ws = await api<{ id: string }>(app.host, 'org.create', { kind: 'workshop', parentId: null, name: '合成车间' });
    const names = ['张丽', '李强', '王芳', '赵刚', '孙梅', '周杰', '吴敏', '郑伟', '冯磊', '陈静', '褚军', '卫红', '蒋涛', '沈燕', '韩冰'];
    for (let k = 0; k < REPS; k++) {
      await api(app.host, 'workers.create', { empNo: `R${String(k + 1).padStart(2, '0')}`, name: names[k], gender: k % 2 ? 'M' : 'F', orgUnitId: ws.id, isRepresentative: true });
    }
    const year = new Date().getFullYear();
    const term = await api<{ id: string }>(app.host, 'congress.termCreate', { number: 3, startDate: `${year - 1}-01-01`, endDate: `${year + 2}-12-31` });
    await api(app.host, 'congress.importFromRoster', { termId: term.id, joinedOn: `${year - 1}-01-01` });

    await page().getByRole('menuitem', { name: '职代会' }).click();
    await page().getByRole('tab', { name: '会议与表决' }).click();
    await page().getByText(/本届还没有会议/).waitFor();
    await page().getByRole('button', { name: label('新建会议') }).click();
    let d = dialog();
    await d.getByLabel('会议地点').fill('职工活动中心二楼会议室');
    await d.getByLabel('召集人').fill('公司工会');
    await d.getByRole('button', { name: label('保存') }).click();
    await d.waitFor({ state: 'hidden' });
    await page().getByRole('heading', { name: '第3届职工代表大会第1次会议' }).waitFor();
    await page().getByText('班组安全生产教育引领').waitFor();
    await page().getByRole('button', { name: label('添加议题（X 项）') }).click();
    d = dialog();
    await d.getByLabel('议题').fill('审议《职工劳动防护用品发放标准》');
    await d.getByLabel('报告人/主持人').fill('李经理');
    await d.getByRole('button', { name: label('保存') }).click();
    await d.waitFor({ state: 'hidden' });
    await waitText(page().getByTestId('agenda-8'), /8\. 审议《职工劳动防护用品发放标准》/);
    await waitText(page().getByTestId('agenda-9'), /9\. 通过大会决议/);
    // keyboard reorder: the X item one place up and back
    await page().getByRole('button', { name: '拖动或用 Alt+↑/↓ 调整“审议《职工劳动防护用品发放标准》”的顺序' }).focus();
    await page().keyboard.press('Alt+ArrowUp');
    await waitText(page().getByTestId('agenda-7'), /7\. 审议《职工劳动防护用品发放标准》/);
    await page().keyboard.press('Alt+ArrowDown');
    await waitText(page().getByTestId('agenda-8'), /8\. 审议《职工劳动防护用品发放标准》/);
    await page().getByTestId('hazard-figures').waitFor();
    await shot('01-agenda');
  });

  step('the papers: a date closer than the notice period warns before issuing; the hazard figures freeze', async () => {
    await page().getByText(/少于规定的提前 7 天发出通知/).first().waitFor();
    await page().getByRole('button', { name: label('发出会议通知') }).click();
    const d = page().locator('.ant-modal-confirm').filter({ visible: true });
    await waitText(d.locator('.ant-modal-confirm-title'), '通知期不足，仍要发出吗？');
    await shot('02-short-notice');
    await d.getByRole('button', { name: label('发出会议通知') }).click();
    // item 5: the hazard figures and the proposals box, both frozen with the papers
    await page().getByText(/已随会议通知定格/).first().waitFor();
    expect(await page().getByText(/已随会议通知定格/).count()).toBe(2);
    await page().getByRole('button', { name: label('宣布开幕') }).click();
    await page().getByTestId('day-screen').waitFor();
  });

  step('the day: check-in by search and many at once, up to the quorum', async () => {
    await waitText(page().getByTestId('count-entitled'), String(REPS));
    await page().getByText('应到 15 人，实到 0 人，须至少 11 人，未达法定人数。').waitFor();
    await expect(voteCard(6).getByRole('button', { name: label('开始表决') }).isDisabled()).resolves.toBe(true);
    // one by one, found by 工号
    const search = page().getByRole('searchbox', { name: '按姓名或工号查找代表' });
    await search.fill('R03');
    await page().getByRole('radiogroup', { name: '王芳' }).getByText('出席').click();
    await waitText(page().getByTestId('count-present'), '1');
    await search.fill('');
    await page().getByRole('radiogroup', { name: '张丽' }).waitFor();
    // all at once, then three who are not here
    await page().getByRole('checkbox', { name: '全选所列代表' }).check();
    await page().getByRole('button', { name: label('出席') }).click();
    await waitText(page().getByTestId('count-present'), '15');
    await page().getByRole('radiogroup', { name: '韩冰' }).getByText('请假').click();
    await page().getByRole('radiogroup', { name: '沈燕' }).getByText('缺席').click();
    await page().getByRole('radiogroup', { name: '蒋涛' }).getByText('缺席').click();
    await waitText(page().getByTestId('count-present'), '12');
    await waitText(page().getByTestId('count-leave'), '1');
    await waitText(page().getByTestId('count-absent'), '2');
    await page().getByText('应到 15 人，实到 12 人，须至少 11 人，符合法定人数。').waitFor();
    await shot('03-quorum');
  });

  const vote = (position: number, counts: { issued: number; yes: number; no: number; abstain: number }) => recordVote(page(), voteCard(position), counts);

  step('votes: the wage item passes (9 of 15); the X item fails with 7 yes — most of the 12 present, not more than half of all 15', async () => {
    const wage = await vote(6, { issued: 12, yes: 9, no: 2, abstain: 1 });
    await waitText(wage.getByTestId('verdict'), '应到代表 15 人，赞成 9 票，超过全体代表的半数（须至少 8 票），通过。');
    const x = await vote(8, { issued: 12, yes: 7, no: 4, abstain: 1 });
    await waitText(x.getByTestId('verdict'), '应到代表 15 人，赞成 7 票，未超过全体代表的半数（须至少 8 票），未通过。');
    await x.scrollIntoViewIfNeeded();
    await shot('04-votes');
  });

  step('a resolution for the passed item; the public notice states the base and the verdicts', async () => {
    await page().getByText('议程', { exact: true }).click();
    const item = page().getByTestId('agenda-6');
    await item.getByRole('textbox', { name: '决议' }).fill('大会审议通过安全生产“能级工资”专题协商方案。');
    await item.getByRole('button', { name: '记录 6' }).click();
    await page().getByText('已保存').first().waitFor();
    await page().getByText('厂务公开', { exact: true }).click();
    const notice = page().getByTestId('public-notice');
    await waitText(notice, /应到代表 15 人，实到 12 人，请假 1 人，缺席 2 人/);
    await waitText(notice, /大会审议通过安全生产“能级工资”专题协商方案。/);
    await waitText(notice, /赞成 7 票，未超过全体代表的半数（须至少 8 票），未通过。/);
    await shot('05-notice');
    expect(app.pageErrors).toEqual([]);
  });

  step('the minutes PDF: every item, the counts, the verdicts, the resolution and the signature lines; fonts embedded', async () => {
    const [download] = await Promise.all([page().waitForEvent('download'), page().getByRole('button', { name: '会议纪要 PDF' }).click()]);
    expect(download.suggestedFilename()).toBe('第3届职工代表大会第1次会议纪要.pdf');
    const file = path.join(SHOTS_DIR, 'congress-sessions-minutes.pdf');
    await download.saveAs(file);
    const flat = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const want of [
      '第3届职工代表大会第1次会议',
      '应到代表15人，实到12人，请假1人，缺席2人。',
      '班组安全生产教育引领',
      '审议《职工劳动防护用品发放标准》',
      '赞成9票，反对2票，弃权1票，无效0票',
      '应到代表15人，赞成9票，超过全体代表的半数（须至少8票），通过。',
      '应到代表15人，赞成7票，未超过全体代表的半数（须至少8票），未通过。',
      '决议：大会审议通过安全生产“能级工资”专题协商方案。',
      '主持人（签字）：',
      '记录人（签字）：',
      '数据指纹',
    ]) {
      expect(flat, want).toContain(want);
    }
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim());
    for (const f of fonts) expect(f).toMatch(/\byes\s+yes\s+(yes|no)\s+\d+\s+\d+\s*$/);
    expect(app.pageErrors).toEqual([]);
  });
});
