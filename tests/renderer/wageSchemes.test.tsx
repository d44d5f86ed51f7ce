// The wage schemes tab (issue 9): the rule editors at their boundaries (tier edges and the rising-order check, floor and
// cap, points per event with other, lookup misses) with the live preview scored by the shared score(); the money rule
// (元 in, fen kept; 点值 = 奖金总额 ÷ 总分); the versions list with only the buttons allowedActions() gives; the draft
// editor (the weights' sum and its warning, a tier edited and saved: what is sent); create from the catalogue; delete with
// undo. The fake answers the scheme channels from an in-memory list; every payload passes the real contract schemas.
import { act, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { DEFAULT_CATALOGUE } from '../../shared/wage/catalogue';
import type { MoneyRule, ScoringRule } from '../../shared/wage/rules';
import { allowedActions, type SchemeState } from '../../shared/wage/scheme';
import type { SchemeAgendaChoice, SchemeContent, SchemeVersion } from '../../shared/wage/schemes/types';
import { MoneyRuleEditor } from '../../renderer/src/features/wage/schemes/MoneyRuleEditor';
import { RuleEditor } from '../../renderer/src/features/wage/schemes/RuleEditor';
import { SchemesTab } from '../../renderer/src/features/wage/schemes/SchemesTab';
import { makeOperator } from './fakeBackend';
import { adminOperator, fill, label, renderInProviders, resetStores, signedInBackend, user } from './harness';
import { errorsOf, formItem } from './hazardFixtures';
import { localToday } from '../../renderer/src/features/congress/reps/common';
import { useI18n } from '../../renderer/src/i18n';
import { seedAgendaItem, seedScheme } from './wageSchemesFake';

beforeEach(() => resetStores());

const NOW = '2026-11-01T08:00:00.000Z';

function Controlled({ initial, spy }: { initial: ScoringRule; spy?: (r: ScoringRule) => void }) {
  const [rule, setRule] = useState(initial);
  return (
    <RuleEditor
      value={rule}
      unit="小时"
      source="hazards.found"
      onChange={(r) => {
        setRule(r);
        spy?.(r);
      }}
    />
  );
}

function ControlledMoney({ initial, spy }: { initial: MoneyRule; spy?: (m: MoneyRule) => void }) {
  const [m, setM] = useState(initial);
  return (
    <MoneyRuleEditor
      value={m}
      onChange={(x) => {
        setM(x);
        spy?.(x);
      }}
    />
  );
}

/** Types into the preview field and reads the result. */
async function preview(u: ReturnType<typeof user>, text: string): Promise<string> {
  const input = screen.getByLabelText('试算：原始值');
  await u.clear(input);
  if (text) await fill(u, input, text);
  return screen.getByTestId('rule-preview-result').textContent ?? '';
}

async function retype(u: ReturnType<typeof user>, el: HTMLElement, text: string) {
  await u.clear(el);
  await u.type(el, text);
}

describe('the rule editors', () => {
  it('tiers: the highest tier reached scores, below every tier scores "below"; a tier not above the one before is refused inline', async () => {
    const u = user();
    const spy = vi.fn();
    renderInProviders(<Controlled initial={DEFAULT_CATALOGUE[1]!.rule} spy={spy} />);
    expect(await preview(u, '79.99')).toBe('79.99 小时 → 0 分');
    expect(await preview(u, '80')).toBe('80 小时 → 40 分');
    expect(await preview(u, '173.99')).toBe('173.99 小时 → 80 分');
    expect(await preview(u, '174')).toBe('174 小时 → 100 分');
    expect(await preview(u, '')).toBe('无记录 → 0 分');
    expect(await preview(u, 'abc')).toBe('请输入数字');
    expect(screen.queryByTestId('rule-problems')).toBeNull();
    // tier 3 starting at 120 (= tier 2): not rising
    await retype(u, screen.getByLabelText('第 3 档起点'), '120');
    expect(await screen.findByTestId('rule-problems')).toHaveTextContent('各档的起点必须逐档递增');
    expect(screen.getByText('应高于上一档的起点')).toBeInTheDocument();
    expect(screen.getByTestId('rule-preview-result')).toHaveTextContent('规则有误，无法试算');
    await retype(u, screen.getByLabelText('第 3 档起点'), '150');
    await waitFor(() => expect(screen.queryByTestId('rule-problems')).toBeNull());
    // "below" and a new tier
    await retype(u, screen.getByLabelText('低于最低档'), '5');
    expect(await preview(u, '10')).toBe('10 小时 → 5 分');
    await u.click(screen.getByRole('button', { name: label('添加一档') }));
    expect(spy.mock.lastCall![0]).toMatchObject({ kind: 'tiers', below: 5, tiers: [{ min: 80 }, { min: 120 }, { min: 150 }, { min: 174 }, { min: 175, points: 100 }] });
    await u.click(screen.getByRole('button', { name: '删除第 5 档' }));
    await u.click(screen.getByRole('button', { name: '删除第 4 档' }));
    expect(spy.mock.lastCall![0].tiers).toHaveLength(3);
    expect(await preview(u, '200')).toBe('200 小时 → 80 分');
    // no tiers at all: the rule is empty
    for (const n of [3, 2, 1]) await u.click(screen.getByRole('button', { name: `删除第 ${n} 档` }));
    expect(await screen.findByTestId('rule-problems')).toHaveTextContent('计分规则至少需要一档');
  });

  it('linear: raw × per unit within the floor and the cap; a floor above the cap is refused inline', async () => {
    const u = user();
    renderInProviders(<Controlled initial={DEFAULT_CATALOGUE[2]!.rule} />);
    expect(await preview(u, '7.5')).toBe('7.5 小时 → 7.5 分');
    expect(await preview(u, '20')).toBe('20 小时 → 20 分');
    expect(await preview(u, '20.01')).toBe('20.01 小时 → 20 分');
    expect(await preview(u, '-20')).toBe('-20 小时 → -20 分');
    expect(await preview(u, '-35')).toBe('-35 小时 → -20 分');
    await retype(u, screen.getByLabelText('每单位分数'), '2.5');
    expect(await preview(u, '3')).toBe('3 小时 → 7.5 分');
    await retype(u, screen.getByLabelText('下限'), '30');
    expect(await screen.findByTestId('rule-problems')).toHaveTextContent('下限不能高于上限');
    expect(screen.getByTestId('rule-preview-result')).toHaveTextContent('规则有误，无法试算');
  });

  it('points per event: each event by its kind, other kinds score "other", the sum held within floor and cap', async () => {
    const u = user();
    const spy = vi.fn();
    renderInProviders(<Controlled initial={DEFAULT_CATALOGUE[3]!.rule} spy={spy} />);
    // the hazard grades read as words next to their keys
    expect(within(screen.getByTestId('per-event-rows')).getByText('一般隐患')).toBeInTheDocument();
    expect(await preview(u, 'general, major')).toBe('2 次 → 50 分');
    expect(await preview(u, 'major,major,major')).toBe('3 次 → 100 分'); // 120, held to the cap of 100
    expect(await preview(u, 'unknown')).toBe('1 次 → 0 分');
    expect(await preview(u, '')).toBe('0 次 → 0 分');
    await retype(u, screen.getByLabelText('其他类别每次'), '3');
    expect(await preview(u, 'unknown, general')).toBe('2 次 → 13 分');
    // a bound cleared is no bound, and left out of the rule
    await u.clear(screen.getByLabelText('上限'));
    await waitFor(() => expect(spy.mock.lastCall![0]).not.toHaveProperty('cap'));
    expect(await preview(u, 'major,major,major')).toBe('3 次 → 120 分');
    // a new kind typed in
    await u.click(screen.getByRole('button', { name: label('添加一行') }));
    await fill(u, screen.getByLabelText('第 3 行类别/等级'), 'suggestion');
    await retype(u, screen.getByLabelText('第 3 行分数'), '15');
    await waitFor(() => expect(spy.mock.lastCall![0]).toMatchObject({ points: { general: 10, major: 40, suggestion: 15 }, other: 3, floor: 0 }));
    // a repeated key is shown, not lost
    await u.clear(screen.getByLabelText('第 3 行类别/等级'));
    expect(screen.getByText('请填写，否则此行不计')).toBeInTheDocument();
    await fill(u, screen.getByLabelText('第 3 行类别/等级'), 'major');
    expect(screen.getAllByText('重复（以最后一行为准）')).toHaveLength(2);
    expect(screen.getAllByRole('textbox', { name: /行类别\/等级$/ })).toHaveLength(3);
    // with no cap any floor goes; a floor above the cap is refused
    await retype(u, screen.getByLabelText('下限'), '200');
    expect(screen.queryByTestId('rule-problems')).toBeNull();
    await retype(u, screen.getByLabelText('上限'), '100');
    expect(await screen.findByTestId('rule-problems')).toHaveTextContent('下限不能高于上限');
  });

  it('lookup: a listed value scores its points, a missing one (or no record) scores "not listed"; an empty table is refused', async () => {
    const u = user();
    renderInProviders(<Controlled initial={DEFAULT_CATALOGUE[0]!.rule} />);
    expect(await preview(u, '3')).toBe('3 小时 → 60 分');
    expect(await preview(u, '5')).toBe('5 小时 → 20 分');
    expect(await preview(u, '1')).toBe('1 小时 → 100 分');
    expect(await preview(u, '6')).toBe('6 小时 → 0 分');
    expect(await preview(u, '')).toBe('无记录 → 0 分');
    await retype(u, screen.getByLabelText('未列出（或无记录）'), '10');
    expect(await preview(u, '6')).toBe('6 小时 → 10 分');
    for (const n of [5, 4, 3, 2, 1]) await u.click(screen.getByRole('button', { name: `删除第 ${n} 行` }));
    expect(await screen.findByTestId('rule-problems')).toHaveTextContent('计分规则至少需要一档（一行）');
  });

  it('lookup of the skill grade: each grade by the roster’s name, the highest (一级) scoring most', async () => {
    renderInProviders(<RuleEditor value={DEFAULT_CATALOGUE[0]!.rule} unit="级" source="roster.skillGrade" onChange={() => undefined} />);
    const rows = await screen.findByTestId('lookup-rows');
    const names = ['一级（高级技师）', '二级（技师）', '三级（高级工）', '四级（中级工）', '五级（初级工）'];
    for (const [i, name] of names.entries()) {
      expect(within(rows).getByLabelText(`第 ${i + 1} 行取值`)).toHaveValue(String(i + 1));
      expect(within(rows).getByText(name)).toBeInTheDocument();
    }
    expect(within(rows).getByLabelText('第 1 行分数')).toHaveValue('100');
    expect(within(rows).getByLabelText('第 5 行分数')).toHaveValue('20');
    expect(within(rows).queryByText(/^\d级$/)).toBeNull();
  });

  it('switching the kind starts a fresh rule of that kind', async () => {
    const u = user();
    const spy = vi.fn();
    renderInProviders(<Controlled initial={DEFAULT_CATALOGUE[1]!.rule} spy={spy} />);
    await u.click(screen.getByRole('radio', { name: '线性计分' }));
    expect(spy.mock.lastCall![0]).toEqual({ kind: 'linear', perUnit: 1, floor: 0, cap: 100 });
    expect(screen.getByLabelText('每单位分数')).toBeInTheDocument();
  });

  it('the money rule: 元 typed, fen kept; the budget explains 点值 = 奖金总额 ÷ 总分 and previews it', async () => {
    const u = user();
    const spy = vi.fn();
    renderInProviders(<ControlledMoney initial={{ kind: 'pointValue', fenPerPoint: 100 }} spy={spy} />);
    await retype(u, screen.getByLabelText('点值'), '1.5');
    expect(spy.mock.lastCall![0]).toEqual({ kind: 'pointValue', fenPerPoint: 150 });
    await retype(u, screen.getByLabelText('试算：加权得分'), '80.5');
    expect(screen.getByTestId('money-preview-result')).toHaveTextContent('80.5 分 → 120.75 元');
    await retype(u, screen.getByLabelText('点值'), '0');
    expect(await screen.findByTestId('money-problems')).toHaveTextContent('金额和分数都应大于零');
    await u.click(screen.getByRole('radio', { name: '奖金总额按总分分配' }));
    expect(screen.getByTestId('budget-explain')).toHaveTextContent('点值 = 奖金总额 ÷ 总分');
    await retype(u, screen.getByLabelText('每月奖金总额'), '50000');
    expect(spy.mock.lastCall![0]).toEqual({ kind: 'budget', budgetFen: 5000000 });
    await retype(u, screen.getByLabelText('试算：加权得分'), '80');
    await retype(u, screen.getByLabelText('当月总分'), '40000');
    expect(screen.getByTestId('money-preview-result')).toHaveTextContent('点值 1.25 元/分 · 80 分 → 100.00 元');
    await u.click(screen.getByRole('radio', { name: '基数 × 系数' }));
    await retype(u, screen.getByLabelText('基数'), '800');
    expect(spy.mock.lastCall![0]).toEqual({ kind: 'baseTimesCoefficient', baseFen: 80000, pointsPerUnit: 100 });
    expect(screen.getByTestId('money-preview-result')).toHaveTextContent('80 分 → 640.00 元');
  });
});

// ---------------------------------------------------------------------------------------------------------
// The tab, over an in-memory list of versions

function content(): SchemeContent {
  return {
    indicators: DEFAULT_CATALOGUE.map((d) => ({ ...d, capFen: null })),
    money: { kind: 'pointValue', fenPerPoint: 100 },
    totalCapFen: null,
    veto: { severities: ['serious_injury', 'death'], team: false },
    proRata: true,
  };
}

function version(p: Partial<SchemeVersion> & Pick<SchemeVersion, 'id' | 'state'>): Partial<SchemeVersion> {
  return { name: '2027年度能级工资方案', version: 1, content: content(), createdAt: NOW, updatedAt: NOW, ...p };
}

const AGENDA: Partial<SchemeAgendaChoice>[] = [
  { itemId: 'i-open', sessionId: 'ss1', sessionLabel: '第3届职工代表大会第2次会议', sessionNo: { term: 3, seq: 2 }, sessionDate: '2026-12-20', sessionStatus: 'preparing', position: 1, title: '宣布大会开幕', templateKey: 'opening', kind: 'report', preferred: false },
  { itemId: 'i-resolve', sessionId: 'ss1', sessionLabel: '第3届职工代表大会第2次会议', sessionNo: { term: 3, seq: 2 }, sessionDate: '2026-12-20', sessionStatus: 'preparing', position: 8, title: '通过大会决议', templateKey: 'resolutions', kind: 'vote', preferred: false },
  { itemId: 'i-safety', sessionId: 'ss1', sessionLabel: '第3届职工代表大会第2次会议', sessionNo: { term: 3, seq: 2 }, sessionDate: '2026-12-20', sessionStatus: 'preparing', position: 2, title: '听取安全生产工作报告', templateKey: 'safety', kind: 'report', preferred: false },
  { itemId: 'i-wage', sessionId: 'ss1', sessionLabel: '第3届职工代表大会第2次会议', sessionNo: { term: 3, seq: 2 }, sessionDate: '2026-12-20', sessionStatus: 'preparing', position: 4, title: '审议能级工资方案', templateKey: 'wage', kind: 'deliberate', preferred: true },
  { itemId: 'i-issued', sessionId: 'ss2', sessionLabel: '第3届职工代表大会第3次会议', sessionNo: { term: 3, seq: 3 }, sessionDate: '2027-01-10', sessionStatus: 'issued', position: 4, title: '能级工资方案表决', templateKey: 'wage', kind: 'vote', preferred: true },
  { itemId: 'i-old', sessionId: 'ss0', sessionLabel: '第3届职工代表大会第1次会议', sessionNo: { term: 3, seq: 1 }, sessionDate: '2026-03-20', sessionStatus: 'in_session', position: 4, title: '能级工资', templateKey: 'wage', kind: 'vote', preferred: true, takenBy: { id: 'sx', name: '旧方案', version: 1 } },
];

/** The shared fake (wageSchemesFake.ts) seeded with these versions and the agenda items above; `list()` reads its versions. */
function schemesBackend(seed: Partial<SchemeVersion>[], meId = 'op-admin') {
  const reader = makeOperator({ id: 'op-safety', name: '李安全', roles: ['safety_officer'] });
  const be = signedInBackend({ operators: [adminOperator(), reader] }, meId);
  for (const v of seed) seedScheme(be.wageSchemes, v);
  for (const a of AGENDA) seedAgendaItem(be.wageSchemes, a);
  return { be, list: () => be.wageSchemes.schemes };
}

/** Types a date into an antd DatePicker (its text selected on focus) and commits it with Enter. */
async function typeDate(u: ReturnType<typeof user>, input: HTMLInputElement, text: string) {
  await u.click(input);
  await u.clear(input);
  await u.type(input, text);
  const openPopup = '.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)';
  await waitFor(() => expect(document.querySelector(`${openPopup} .ant-picker-cell-selected[title="${text}"]`)).not.toBeNull());
  await u.keyboard('{Enter}');
  await waitFor(() => expect(document.querySelector(openPopup)).toBeNull());
  expect(input).toHaveValue(text);
}

const actionsOf = (id: string) =>
  within(screen.getByTestId(`scheme-actions-${id}`))
    .queryAllByRole('button')
    .map((b) => b.textContent!.replace(/\s/g, ''));

/** The OK button of the open popconfirm. */
const popconfirmOk = () =>
  waitFor(() => {
    const b = [...document.querySelectorAll<HTMLElement>('.ant-popconfirm .ant-btn-primary')].at(-1);
    if (!b) throw new Error('no popconfirm');
    return b;
  });

const ACTION_LABEL: Record<string, string> = {
  edit: '编辑',
  propose: '提交职代会表决',
  withdraw: '撤回',
  recordVote: '登记表决结果',
  adoptElsewhere: '登记其他方式通过',
  makeEffective: '设定生效日期',
  supersede: '废止',
  correctDates: '更正日期',
  copy: '复制为新版本',
  delete: '删除',
};

describe('the schemes tab', () => {
  it('lists the versions with their state, dates and session, and only the buttons the lifecycle allows', async () => {
    const states: SchemeState[] = ['draft', 'proposed', 'adopted', 'effective', 'superseded', 'rejected'];
    const seed = states.map((state, i) =>
      version({
        id: `s-${state}`,
        state,
        version: i + 1,
        sessionLabel: state === 'draft' ? null : '第三届第二次职工代表大会',
        adoptedOn: ['adopted', 'effective', 'superseded'].includes(state) ? '2026-12-20' : null,
        voteId: ['adopted', 'effective', 'superseded'].includes(state) ? 'v1' : null,
        effectiveFrom: ['effective', 'superseded'].includes(state) ? '2027-01-01' : null,
        supersededOn: state === 'superseded' ? '2027-06-30' : null,
      }),
    );
    schemesBackend(seed);
    renderInProviders(<SchemesTab />);
    await screen.findByTestId('scheme-actions-s-draft');
    for (const state of states) {
      const expected = allowedActions(state, true).map((a) => ACTION_LABEL[a]!.replace(/\s/g, ''));
      expect(actionsOf(`s-${state}`)).toEqual([...expected, '方案文本PDF']);
    }
    expect(actionsOf('s-draft')).toEqual(['编辑', '提交职代会表决', '登记其他方式通过', '复制为新版本', '删除', '方案文本PDF']);
    expect(actionsOf('s-effective')).toEqual(['废止', '更正日期', '复制为新版本', '方案文本PDF']);
    // once put to the congress its vote decides: no other way of adoption offered
    expect(actionsOf('s-proposed')).toEqual(['撤回', '登记表决结果', '复制为新版本', '方案文本PDF']);
    const effectiveRow = screen.getByTestId('scheme-actions-s-effective').closest('tr')!;
    expect(effectiveRow).toHaveTextContent('执行中');
    expect(effectiveRow).toHaveTextContent('2026-12-20');
    expect(effectiveRow).toHaveTextContent('职代会表决通过');
    expect(effectiveRow).toHaveTextContent('2027-01-01 起');
    expect(effectiveRow).toHaveTextContent('第三届第二次职工代表大会');
    expect(screen.getByTestId('scheme-actions-s-superseded').closest('tr')).toHaveTextContent('2027-01-01 至 2027-06-30');
  });

  it('someone who does not run the wage reads the versions but gets no lifecycle buttons', async () => {
    schemesBackend([version({ id: 's1', state: 'draft' })], 'op-safety');
    renderInProviders(<SchemesTab />);
    await screen.findByTestId('scheme-actions-s1');
    expect(actionsOf('s1')).toEqual(['方案文本PDF']);
    expect(screen.queryByRole('button', { name: label('从指标库新建方案') })).toBeNull();
    expect(screen.getByText('只有工会干部或管理员可以修改方案；您可以查看。')).toBeInTheDocument();
  });

  it('with no versions it says how to start, and a draft is created from the ticked catalogue indicators', async () => {
    const { be } = schemesBackend([]);
    const u = user();
    renderInProviders(<SchemesTab />);
    expect(await screen.findByTestId('schemes-empty')).toHaveTextContent('还没有能级工资方案');
    await u.click(within(screen.getByTestId('schemes-empty').closest('.ant-empty')!).getByRole('button', { name: label('从指标库新建方案') }));
    const dlg = await screen.findByRole('dialog');
    await u.click(await within(dlg).findByRole('checkbox', { name: '纳入 HAZARDS 隐患排查' }));
    expect(within(dlg).getByText(/所选指标的默认权重合计 80%/)).toBeInTheDocument();
    await u.click(within(dlg).getByRole('button', { name: label('新建草案') }));
    await waitFor(() => expect(be.count('wage.schemeCreate')).toBe(1));
    expect(be.last('wage.schemeCreate')).toMatchObject({ name: `${new Date().getFullYear()}年度能级工资方案`, codes: ['SKILL', 'SAFE_TIME', 'BEHAVIOUR'] });
    // the new draft opens in the editor
    expect(await screen.findByTestId('scheme-editor')).toBeInTheDocument();
    expect(be.validationFailures()).toEqual([]);
  });

  it('the editor shows the weights’ sum with a warning off 100, and saves a tier edited — nothing sent while the sum is wrong', async () => {
    const { be } = schemesBackend([version({ id: 's1', state: 'draft' })]);
    const u = user();
    renderInProviders(<SchemesTab />);
    await u.click(await screen.findByRole('button', { name: label('编辑') }));
    const editor = await screen.findByTestId('scheme-editor');
    expect(within(editor).getByTestId('weight-sum')).toHaveTextContent('权重合计 100%');
    expect(within(editor).queryByTestId('weight-warning')).toBeNull();
    await retype(u, within(editor).getByLabelText('SKILL 权重'), '35');
    expect(within(editor).getByTestId('weight-sum')).toHaveTextContent('权重合计 105%');
    expect(within(editor).getByTestId('weight-warning')).toHaveTextContent('权重合计为 105%，应为 100%');
    await u.click(screen.getByRole('button', { name: label('保存') }));
    expect(await within(editor).findByTestId('scheme-issues')).toHaveTextContent('各指标权重合计必须为 100%');
    expect(be.count('wage.schemeUpdate')).toBe(0);
    await retype(u, within(editor).getByLabelText('SAFE_TIME 权重'), '25');
    await waitFor(() => expect(within(editor).queryByTestId('weight-warning')).toBeNull());
    // open SAFE_TIME's rule and move its second tier; cap the component at 300 元, the total at 1,000 元; veto the team
    const row = within(editor).getByText('SAFE_TIME').closest('tr')!;
    await u.click(within(row).getByRole('button', { name: /展开|expand/i }));
    const rule = await within(editor).findByTestId('rule-of-SAFE_TIME');
    await retype(u, within(rule).getByLabelText('第 2 档起点'), '100');
    await retype(u, within(rule).getByLabelText('第 2 档分数'), '55.5');
    await retype(u, within(editor).getByLabelText('SAFE_TIME 单项封顶（元）'), '300');
    await retype(u, within(editor).getByLabelText('每人每月合计封顶'), '1000.5');
    await u.click(within(editor).getByLabelText('事故所在班组的全体职工一并否决'));
    await u.click(within(editor).getByRole('checkbox', { name: '轻伤' }));
    await u.click(screen.getByRole('button', { name: label('保存') }));
    await waitFor(() => expect(be.count('wage.schemeUpdate')).toBe(1));
    const sent = be.last('wage.schemeUpdate') as { id: string; content: SchemeContent };
    expect(sent.id).toBe('s1');
    const safe = sent.content.indicators.find((i) => i.code === 'SAFE_TIME')!;
    expect(safe.rule).toEqual({ kind: 'tiers', tiers: [{ min: 80, points: 40 }, { min: 100, points: 55.5 }, { min: 160, points: 80 }, { min: 174, points: 100 }] });
    expect(safe.capFen).toBe(30000);
    expect(safe.weightPct).toBe(25);
    expect(sent.content.indicators.find((i) => i.code === 'SKILL')!.weightPct).toBe(35);
    expect(sent.content.totalCapFen).toBe(100050);
    expect(sent.content.veto).toEqual({ severities: ['minor_injury', 'serious_injury', 'death'], team: true });
    expect(be.validationFailures()).toEqual([]);
  });

  it('an adopted version opens read-only', async () => {
    schemesBackend([version({ id: 's1', state: 'adopted', adoptedOn: '2026-12-20', voteId: 'v1', sessionLabel: '第3届职工代表大会第2次会议', sessionNo: { term: 3, seq: 2 } })]);
    const u = user();
    renderInProviders(<SchemesTab />);
    await u.click(await screen.findByRole('link', { name: '2027年度能级工资方案' }));
    const editor = await screen.findByTestId('scheme-editor');
    expect(within(editor).getByText(/只有草案可以修改/)).toBeInTheDocument();
    // how it was adopted, on the record
    expect(within(editor).getByTestId('scheme-record')).toHaveTextContent(/第3届职工代表大会第2次会议.*2026-12-20 职代会表决通过/);
    expect(within(editor).queryByLabelText('SKILL 权重')).toBeNull();
    expect(screen.queryByRole('button', { name: label('保存') })).toBeNull();
  });

  it('a draft is deleted at once and brought back with undo (wage.schemeRestore)', async () => {
    const { be, list } = schemesBackend([version({ id: 's1', state: 'draft' }), version({ id: 's2', state: 'draft', name: '另一个草案', version: 2 })]);
    const u = user();
    renderInProviders(<SchemesTab />);
    await screen.findByTestId('scheme-actions-s1');
    await u.click(within(screen.getByTestId('scheme-actions-s1')).getByRole('button', { name: label('删除') }));
    await u.click(await popconfirmOk());
    // sent at once: the list read afresh no longer has it
    await waitFor(() => expect(be.inputs('wage.schemeDelete')).toEqual([{ id: 's1' }]));
    await waitFor(() => expect(screen.queryByTestId('scheme-actions-s1')).toBeNull());
    expect(list().map((x) => x.id)).toEqual(['s2']);
    expect(await screen.findByText('已删除草案“2027年度能级工资方案”第 1 版')).toBeInTheDocument();
    await u.click(await screen.findByRole('button', { name: label('撤销') }));
    await waitFor(() => expect(be.inputs('wage.schemeRestore')).toEqual([{ id: 's1' }]));
    expect(await screen.findByTestId('scheme-actions-s1')).toBeInTheDocument();
    expect(await screen.findByText('已恢复草案“2027年度能级工资方案”第 1 版')).toBeInTheDocument();
    // leaving the tab after a deletion sends nothing more (nothing was held back)
    await u.click(within(screen.getByTestId('scheme-actions-s2')).getByRole('button', { name: label('删除') }));
    await u.click(await popconfirmOk());
    await waitFor(() => expect(be.count('wage.schemeDelete')).toBe(2));
    expect(list().map((x) => x.id)).toEqual(['s1']);
    expect(be.validationFailures()).toEqual([]);
  });

  it('puts a draft to the congress: the wage item is offered first; an item already taken, or of a session whose papers are out, cannot be picked', async () => {
    const { be } = schemesBackend([version({ id: 's1', state: 'draft' })]);
    const u = user();
    renderInProviders(<SchemesTab />);
    await u.click(await screen.findByRole('button', { name: label('提交职代会表决') }));
    const dlg = await screen.findByRole('dialog');
    const wage = await within(dlg).findByRole('radio', { name: /4\. 审议能级工资方案/ });
    expect(wage).toBeChecked();
    // the wage item and vote / deliberation items only: no 宣布大会开幕, 通过大会决议 or report
    expect(within(dlg).queryByRole('radio', { name: /宣布大会开幕/ })).toBeNull();
    expect(within(dlg).queryByRole('radio', { name: /通过大会决议/ })).toBeNull();
    expect(within(dlg).queryByRole('radio', { name: /听取安全生产工作报告/ })).toBeNull();
    // the items by session, named in the reader's language
    const session = (n: number) => within(dlg).getByRole('group', { name: new RegExp(`第3届职工代表大会第${n}次会议`) });
    expect(within(session(1)).getByRole('radio', { name: /能级工资/ })).toBeDisabled();
    expect(within(session(1)).getByText('已提交“旧方案”第 1 版')).toBeInTheDocument();
    expect(within(session(1)).getByText(/^会议进行中：方案文本不在已发出的会议材料中/)).toBeInTheDocument();
    // a session whose papers are out: not offered, with the way to add the scheme to its papers (said once)
    expect(within(session(3)).getByRole('radio', { name: /能级工资方案表决/ })).toBeDisabled();
    expect(within(dlg).getAllByText(/^会议通知已发出：请先在“职代会”中撤回该次会议的通知/)).toHaveLength(1);
    expect(within(dlg).getAllByText('（将改为表决事项）')).toHaveLength(1);
    await u.click(within(dlg).getByRole('button', { name: label('提交职代会表决') }));
    await waitFor(() => expect(be.last('wage.schemeAction')).toEqual({ id: 's1', action: 'propose', agendaItemId: 'i-wage' }));
    // proposed: withdraw or record the vote
    await waitFor(() => expect(actionsOf('s1')).toEqual(['撤回', '登记表决结果', '复制为新版本', '方案文本PDF']));
    expect(screen.getByTestId('scheme-actions-s1').closest('tr')).toHaveTextContent('第3届职工代表大会第2次会议');
    // the congress announces the item's vote: passed
    be.wageSchemes.votes.set('i-wage', { voteId: 'v1', verdict: 'passed', date: '2026-12-20' });
    await u.click(screen.getByRole('button', { name: label('登记表决结果') }));
    await u.click([...(await screen.findAllByRole('dialog')).at(-1)!.querySelectorAll<HTMLElement>('.ant-btn-primary')].at(-1)!);
    await waitFor(() => expect(be.last('wage.schemeAction')).toEqual({ id: 's1', action: 'recordVote' }));
    expect(await screen.findByText('表决通过：“2027年度能级工资方案”已通过')).toBeInTheDocument();
    await waitFor(() => expect(actionsOf('s1')).toEqual(['设定生效日期', '更正日期', '复制为新版本', '方案文本PDF']));
    // the session in the reader's language (the backend's label is the papers' Chinese)
    act(() => useI18n.getState().setLocale('en'));
    await waitFor(() => expect(screen.getByTestId('scheme-actions-s1').closest('tr')).toHaveTextContent("Term 3, session 2 of the workers' congress"));
  });

  it('with no congress session to put it to, the dialog says so and leads to the congress sessions', async () => {
    const { be } = schemesBackend([version({ id: 's1', state: 'draft' })]);
    be.wageSchemes.agendaItems = [];
    const u = user();
    renderInProviders(<SchemesTab />);
    await u.click(await screen.findByRole('button', { name: label('提交职代会表决') }));
    const dlg = await screen.findByRole('dialog');
    expect(await within(dlg).findByTestId('no-agenda-items')).toHaveTextContent('还没有未闭会的职代会可以提交');
    expect(within(dlg).getByRole('link', { name: '前往职代会会议' })).toHaveAttribute('href', '#/congress/sessions');
    expect(within(dlg).getByRole('button', { name: label('提交职代会表决') })).toBeDisabled();
  });

  it('the papers issued while the dialog is open: the refusal says how to go on, nothing changes, the items are read again', async () => {
    const { be, list } = schemesBackend([version({ id: 's1', state: 'draft' })]);
    const u = user();
    renderInProviders(<SchemesTab />);
    await u.click(await screen.findByRole('button', { name: label('提交职代会表决') }));
    const dlg = await screen.findByRole('dialog');
    expect(await within(dlg).findByRole('radio', { name: /4\. 审议能级工资方案/ })).toBeChecked();
    // meanwhile the session's papers go out
    for (const c of be.wageSchemes.agendaItems) if (c.sessionId === 'ss1') c.sessionStatus = 'issued';
    await u.click(within(dlg).getByRole('button', { name: label('提交职代会表决') }));
    expect(await within(dlg).findByTestId('propose-error')).toHaveTextContent('第3届职工代表大会第2次会议的会议通知和材料已经发出');
    expect(list()[0]).toMatchObject({ state: 'draft', agendaItemId: null });
    await waitFor(() => expect(within(dlg).getByRole('radio', { name: /4\. 审议能级工资方案/ })).toBeDisabled());
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('an adoption elsewhere needs its document number before anything is sent; then it may take effect from a date', async () => {
    const { be } = schemesBackend([version({ id: 's1', state: 'draft' })]);
    const u = user();
    renderInProviders(<SchemesTab />);
    await u.click(await screen.findByRole('button', { name: label('登记其他方式通过') }));
    const dlg = await screen.findByRole('dialog');
    await u.click(within(dlg).getByRole('button', { name: label('登记其他方式通过') }));
    await waitFor(() => expect(errorsOf(dlg, '通过文件文号')).toEqual(['必填']));
    expect(be.count('wage.schemeAction')).toBe(0);
    await fill(u, within(formItem(dlg, '通过文件文号')).getByRole('textbox'), '泰工发〔2026〕12号');
    await u.click(within(dlg).getByRole('button', { name: label('登记其他方式通过') }));
    await waitFor(() => expect(be.last('wage.schemeAction')).toEqual({ id: 's1', action: 'adoptElsewhere', docNo: '泰工发〔2026〕12号', date: localToday() }));
    await waitFor(() => expect(screen.getByTestId('scheme-actions-s1').closest('tr')).toHaveTextContent('文号 泰工发〔2026〕12号'));
    await u.click(screen.getByRole('button', { name: label('设定生效日期') }));
    const eff = (await screen.findAllByRole('dialog')).at(-1)!;
    await u.click(within(eff).getByRole('button', { name: label('设定生效日期') }));
    await waitFor(() => expect(be.last('wage.schemeAction')).toEqual({ id: 's1', action: 'makeEffective', effectiveFrom: localToday() }));
    await waitFor(() => expect(actionsOf('s1')).toEqual(['废止', '更正日期', '复制为新版本', '方案文本PDF']));
    expect(be.validationFailures()).toEqual([]);
  });

  it('a refused effective date says why on the field, with its date — not 「格式不正确」 — and nothing changes', async () => {
    const { list } = schemesBackend([
      version({ id: 's2', version: 2, state: 'adopted', adoptedOn: '2026-06-01', adoption: { docNo: '工发〔2026〕3号', date: '2026-06-01' } }),
      version({ id: 's1', state: 'effective', adoptedOn: '2026-01-01', effectiveFrom: '2026-07-01' }),
    ]);
    const u = user();
    renderInProviders(<SchemesTab />);
    await u.click(await screen.findByRole('button', { name: label('设定生效日期') }));
    const dlg = await screen.findByRole('dialog');
    const input = within(dlg).getByRole<HTMLInputElement>('textbox', { name: '生效日期' });
    // the filled date is selected on focus: what is typed replaces it
    await u.click(input);
    expect([input.selectionStart, input.selectionEnd]).toEqual([0, localToday().length]);
    await typeDate(u, input, '2026-06-15');
    await u.click(within(dlg).getByRole('button', { name: label('设定生效日期') }));
    await waitFor(() => expect(errorsOf(dlg, '生效日期')).toEqual(['生效日期必须晚于现行版本的生效日期（2026-07-01）']));
    expect(within(dlg).queryByText('格式不正确')).toBeNull();
    // before its own adoption: the adoption date named
    await typeDate(u, input, '2026-05-20');
    await u.click(within(dlg).getByRole('button', { name: label('设定生效日期') }));
    await waitFor(() => expect(errorsOf(dlg, '生效日期')).toEqual(['生效日期不能早于通过日期（2026-06-01）']));
    expect(list().map((x) => [x.id, x.state])).toEqual([
      ['s2', 'adopted'],
      ['s1', 'effective'],
    ]);
  });

  it('superseding on the day it took effect is refused on the date field, with that day', async () => {
    const { list } = schemesBackend([version({ id: 's1', state: 'effective', adoptedOn: '2026-01-01', effectiveFrom: localToday() })]);
    const u = user();
    renderInProviders(<SchemesTab />);
    await u.click(await screen.findByRole('button', { name: label('废止') }));
    const dlg = await screen.findByRole('dialog');
    await u.click(within(dlg).getByRole('button', { name: label('废止') }));
    await waitFor(() => expect(errorsOf(dlg, '废止日期')).toEqual([`废止日期必须晚于生效日期（${localToday()}）`]));
    expect(list()[0]).toMatchObject({ state: 'effective', supersededOn: null });
  });

  it('a wrong effective date is corrected with a reason; the date typed replaces the filled one; refused once an approved run used it', async () => {
    const { be, list } = schemesBackend([version({ id: 's1', state: 'effective', adoptedOn: '2026-01-01', adoption: { docNo: '工发〔2026〕1号', date: '2026-01-01' }, effectiveFrom: '2026-12-01' })]);
    const u = user();
    renderInProviders(<SchemesTab />);
    await u.click(await screen.findByRole('button', { name: label('更正日期') }));
    const dlg = await screen.findByRole('dialog');
    const eff = within(dlg).getByRole<HTMLInputElement>('textbox', { name: '生效日期' });
    expect(eff).toHaveValue('2026-12-01');
    await typeDate(u, eff, '2026-01-01');
    await u.click(within(dlg).getByRole('button', { name: label('更正日期') }));
    // no reason: said on the field, nothing sent
    await waitFor(() => expect(errorsOf(dlg, '更正原因')).toEqual(['请填写更正的原因']));
    expect(be.count('wage.schemeCorrectDates')).toBe(0);
    await fill(u, within(formItem(dlg, '更正原因')).getByRole('textbox'), '生效日期登记错误');
    await u.click(within(dlg).getByRole('button', { name: label('更正日期') }));
    await waitFor(() => expect(be.last('wage.schemeCorrectDates')).toEqual({ id: 's1', effectiveFrom: '2026-01-01', reason: '生效日期登记错误' }));
    await waitFor(() => expect(screen.getByTestId('scheme-actions-s1').closest('tr')).toHaveTextContent('2026-01-01 起'));
    // an approved run of January used it: refused with the month, nothing changes
    be.wageSchemes.approvedRuns.set('s1', '2026-01');
    await u.click(screen.getByRole('button', { name: label('更正日期') }));
    const again = (await screen.findAllByRole('dialog')).at(-1)!;
    await typeDate(u, within(again).getByRole<HTMLInputElement>('textbox', { name: '生效日期' }), '2026-02-01');
    await fill(u, within(formItem(again, '更正原因')).getByRole('textbox'), '再次更正');
    await u.click(within(again).getByRole('button', { name: label('更正日期') }));
    expect(await screen.findByText('2026-01 的月度核算已审批并使用了该版本，日期不能再更正')).toBeInTheDocument();
    expect(list()[0]).toMatchObject({ effectiveFrom: '2026-01-01' });
  });

  it('the catalogue: an indicator edited and saved with its rule; deleted, and brought back with undo', async () => {
    const { be } = schemesBackend([]);
    const u = user();
    renderInProviders(<SchemesTab />);
    await u.click(await screen.findByRole('button', { name: label('指标库') }));
    const drawer = await screen.findByTestId('catalogue-editor');
    await u.click(await within(drawer).findByRole('button', { name: '编辑 SAFE_TIME' }));
    const dlg = (await screen.findAllByRole('dialog')).at(-1)!;
    expect(within(formItem(dlg, '代码')).getByRole('textbox')).toBeDisabled();
    await retype(u, within(dlg).getByLabelText('第 1 档起点'), '60');
    await retype(u, within(formItem(dlg, '默认权重')).getByRole('spinbutton'), '25');
    await u.click(within(dlg).getByRole('button', { name: label('保存') }));
    await waitFor(() => expect(be.count('wage.catalogueSave')).toBe(1));
    expect(be.last('wage.catalogueSave')).toMatchObject({
      id: 'cat-SAFE_TIME',
      code: 'SAFE_TIME',
      name: { 'zh-CN': '安全生产时长', en: 'Safe production time' },
      source: 'timekeeping.hours',
      weightPct: 25,
      safety: true,
      rule: { kind: 'tiers', tiers: [{ min: 60, points: 40 }, { min: 120, points: 60 }, { min: 160, points: 80 }, { min: 174, points: 100 }] },
    });
    await u.click(within(drawer).getByRole('button', { name: '删除 HAZARDS' }));
    await u.click(await popconfirmOk());
    await waitFor(() => expect(be.inputs('wage.catalogueDelete')).toEqual([{ id: 'cat-HAZARDS' }]));
    await waitFor(() => expect(within(drawer).queryByRole('button', { name: '编辑 HAZARDS' })).toBeNull());
    await u.click(await screen.findByRole('button', { name: label('撤销') }));
    await waitFor(() => expect(be.inputs('wage.catalogueRestore')).toEqual([{ id: 'cat-HAZARDS' }]));
    expect(await within(drawer).findByRole('button', { name: '编辑 HAZARDS' })).toBeInTheDocument();
    expect(be.validationFailures()).toEqual([]);
  });

  it('closing the editor with unsaved changes asks first; Alt+N opens a new draft; the tab reads in English', async () => {
    const { be } = schemesBackend([version({ id: 's1', state: 'draft' })]);
    const u = user();
    renderInProviders(<SchemesTab />);
    await u.click(await screen.findByRole('button', { name: label('编辑') }));
    const editor = await screen.findByTestId('scheme-editor');
    await u.click(within(editor).getByLabelText('SKILL 受一票否决'));
    expect(screen.getByText('未保存')).toBeInTheDocument();
    await u.click(document.querySelector<HTMLElement>('.ant-drawer-close')!);
    expect(await screen.findByText('关闭后这些修改将丢失。')).toBeInTheDocument();
    await u.click(screen.getByRole('button', { name: label('放弃修改') }));
    await waitFor(() => expect(screen.queryByTestId('scheme-editor')).toBeNull());
    expect(be.count('wage.schemeUpdate')).toBe(0);
    await u.keyboard('{Alt>}n{/Alt}');
    expect(await screen.findByText('勾选纳入方案的指标')).toBeInTheDocument();
    await u.click(screen.getByRole('button', { name: label('取消') }));
    act(() => useI18n.getState().setLocale('en'));
    expect(await screen.findByRole('button', { name: 'New scheme from the catalogue' })).toBeInTheDocument();
    expect(actionsOf('s1')).toEqual(['Edit', 'Puttothecongress', 'Recordanadoptionelsewhere', 'Copyasanewversion', 'Delete', 'SchemePDF']);
  });

  it('an effective version is copied as a new draft under the name given', async () => {
    const { be, list } = schemesBackend([version({ id: 's1', state: 'effective', adoptedOn: '2026-12-20', effectiveFrom: '2027-01-01' })]);
    const u = user();
    renderInProviders(<SchemesTab />);
    await u.click(await screen.findByRole('button', { name: label('复制为新版本') }));
    const dlg = await screen.findByRole('dialog');
    const name = within(formItem(dlg, '方案名称')).getByRole('textbox');
    expect(name).toHaveValue('2027年度能级工资方案');
    await u.clear(name);
    await fill(u, name, '2028年度能级工资方案（讨论稿）');
    await u.click(within(dlg).getByRole('button', { name: label('复制为新版本') }));
    await waitFor(() => expect(be.last('wage.schemeAction')).toEqual({ id: 's1', action: 'copy', name: '2028年度能级工资方案（讨论稿）' }));
    expect(await screen.findByRole('link', { name: '2028年度能级工资方案（讨论稿）' })).toBeInTheDocument();
    expect(actionsOf(list().find((x) => x.name === '2028年度能级工资方案（讨论稿）')!.id)).toEqual(['编辑', '提交职代会表决', '登记其他方式通过', '复制为新版本', '删除', '方案文本PDF']);
  });
});
