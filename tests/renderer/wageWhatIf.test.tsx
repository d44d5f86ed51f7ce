// The what-if tab (issue 9, "What-if") and the payroll exports of a run (RunExports, mounted by the runs tab): the
// version and the months sent, the comparison shown (totals with the difference, cost per month as a chart and a table,
// the distribution chart, gainers and losers, by workshop, the months without an effective version), the workbook, the
// refusals in words, the empty states; the exports wait for an approval, send the choices (ID number masked or full —
// full for the wage runners only — and the CSV's encoding). Every payload passes the real contract schemas.
import { screen, waitFor, within } from '@testing-library/react';
import { DEFAULT_CATALOGUE } from '../../shared/wage/catalogue';
import { draftContent } from '../../shared/wage/schemes/draft';
import type { SchemeVersion } from '../../shared/wage/schemes/types';
import type { WhatIfResult } from '../../shared/wage/whatif';
import { useRouter } from '../../renderer/src/app/router';
import { useSession } from '../../renderer/src/app/session';
import { RunExports } from '../../renderer/src/features/wage/runs/RunExports';
import { costChart } from '../../renderer/src/features/wage/whatif/charts';
import { moneyAxis, signedPct, signedYuan } from '../../renderer/src/features/wage/whatif/format';
import { defaultRange, remembered, resetWhatIf, useWhatIf } from '../../renderer/src/features/wage/whatif/store';
import { WhatIfTab, defaultScheme } from '../../renderer/src/features/wage/whatif/WhatIfTab';
import { translate, type TFunc } from '../../renderer/src/i18n';
import { fakeFile, makeOperator } from './fakeBackend';
import { adminOperator, findButton, renderInProviders, resetStores, signedInBackend, user } from './harness';

beforeEach(() => {
  resetStores();
  resetWhatIf();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-12-15T10:00:00'));
});
afterEach(() => vi.useRealTimers());

const NOW = '2026-11-01T08:00:00.000Z';
function version(p: Partial<SchemeVersion> & { id: string; version: number }): SchemeVersion {
  return {
    name: '2026年度能级工资方案',
    state: 'effective',
    content: draftContent(DEFAULT_CATALOGUE),
    basedOnId: null,
    note: null,
    agendaItemId: null,
    sessionId: null,
    sessionLabel: null,
    voteId: null,
    verdict: null,
    adoption: null,
    adoptedOn: null,
    effectiveFrom: '2026-07-01',
    supersededOn: null,
    createdAt: NOW,
    updatedAt: NOW,
    ...p,
  } as SchemeVersion;
}
const SCHEMES = [version({ id: 's1', version: 1 }), version({ id: 's2', version: 2, state: 'draft', name: '2027年度能级工资方案（草案）', effectiveFrom: null })];

const RESULT: WhatIfResult = {
  scheme: { id: 's2', name: '2027年度能级工资方案（草案）', version: 2 },
  from: '2026-06',
  to: '2026-11',
  periods: [
    { period: '2026-06', baseline: null, workers: 3, baselineFen: 0, candidateFen: 30000, diffFen: 30000 },
    { period: '2026-07', baseline: { id: 's1', name: '2026年度能级工资方案', version: 1 }, workers: 3, baselineFen: 40000, candidateFen: 35050, diffFen: -4950 },
  ],
  totals: { workers: 3, baselineFen: 40000, candidateFen: 65050, diffFen: 25050 },
  histogram: {
    stepFen: 10000,
    buckets: [
      { fromFen: 0, toFen: 10000, baseline: 3, candidate: 1 },
      { fromFen: 10000, toFen: 20000, baseline: 2, candidate: 5 },
    ],
  },
  gainers: [{ workerId: 'w1', empNo: 'W001', name: '张三', workshop: '合成车间', baselineFen: 10000, candidateFen: 32000, diffFen: 22000 }],
  losers: [{ workerId: 'w2', empNo: 'W002', name: '李四', workshop: null, baselineFen: 20000, candidateFen: 15050, diffFen: -4950 }],
  byWorkshop: [
    { workshopId: 'ws1', workshop: '合成车间', workers: 2, baselineFen: 20000, candidateFen: 50000, diffFen: 30000 },
    { workshopId: null, workshop: null, workers: 1, baselineFen: 20000, candidateFen: 15050, diffFen: -4950 },
  ],
};

describe('the what-if tab', () => {
  it('starts with the newest draft and the last 12 finished months; shows the comparison, sums labelled as sums; exports the workbook', async () => {
    const u = user();
    const be = signedInBackend();
    be.on('wage.schemes', () => SCHEMES);
    be.on('wage.whatIf', () => RESULT);
    be.on('wage.whatIfXlsx', () => fakeFile('能级工资测算.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'));
    renderInProviders(<WhatIfTab />);
    expect(await screen.findByText('选择方案版本和月份范围（默认最近 12 个月），然后点击“测算”')).toBeTruthy();
    expect(screen.getByTestId('whatif-hint-records').getAttribute('href')).toBe('#/wage/records');
    // a year: this month (it has begun) and the 11 before it
    expect(screen.getByLabelText('起始月份')).toHaveProperty('value', '2025-12');
    expect(screen.getByLabelText('截止月份')).toHaveProperty('value', '2026-11');
    expect(screen.getByText('2027年度能级工资方案（草案） · 第 2 版 · 草案')).toBeTruthy();
    await u.click(await findButton('测算'));
    await waitFor(() => expect(be.last('wage.whatIf')).toEqual({ schemeId: 's2', from: '2025-12', to: '2026-11' }));
    const res = await screen.findByTestId('whatif-result');
    // which versions are compared, over which months
    expect(screen.getByTestId('whatif-compared').textContent).toMatch(
      /^对比：2027年度能级工资方案（草案） · 第 2 版（测算）与各月生效的方案（2026年度能级工资方案 · 第 1 版）2026-06 至 2026-11，共 2 个月 · 测算于 2026-12-15 \d\d:\d\d$/,
    );
    // the totals over the months and the difference: 元 with the amount, then the share
    expect(res.textContent).toContain('现行方案 2 个月合计400.00元');
    expect(res.textContent).toContain('测算方案 2 个月合计650.50元');
    expect(screen.getByTestId('whatif-diff').textContent).toBe('增减（2 个月合计）+250.50元（+62.6%）');
    expect(res.textContent).toContain('涉及职工3人');
    expect(within(res).getByText('2026-06 没有生效的方案，按现行 0 元对比')).toBeTruthy();
    expect(screen.queryByTestId('whatif-under-way')).toBeNull(); // November is over
    // the charts carry their numbers in words
    const cost = res.querySelector('[data-chart="whatif-cost"]')!;
    expect(cost.getAttribute('aria-label')).toBe('各月成本：2026-06 现行 0.00 元，测算 300.00 元；2026-07 现行 400.00 元，测算 350.50 元');
    expect(res.querySelector('[data-chart="whatif-histogram"]')!.getAttribute('aria-label')).toBe('月金额分布：0–100 元 现行 3 人·月，测算 1 人·月；100–200 元 现行 2 人·月，测算 5 人·月');
    // the tables
    const months = within(screen.getByTestId('whatif-periods')).getAllByRole('row').slice(1);
    expect(months.map((r) => r.textContent)).toEqual(['2026-06无30.00300.00+300.00', '2026-072026年度能级工资方案 · 第 1 版3400.00350.50−49.50']);
    // gainers, losers and workshops are sums over the months, and say so
    const heads = (id: string) => within(screen.getByTestId(id)).getAllByRole('columnheader').map((h) => h.textContent);
    expect(heads('whatif-gainers')).toEqual(['工号', '姓名', '车间', '现行 2 个月合计（元）', '测算 2 个月合计（元）', '2 个月合计差额（元）']);
    expect(heads('whatif-workshops')).toEqual(['车间', '人数', '现行 2 个月合计（元）', '测算 2 个月合计（元）', '2 个月合计差额（元）']);
    expect(within(res).getByText('增加最多的职工（2 个月合计）')).toBeTruthy();
    expect(within(res).getByText('减少最多的职工（2 个月合计）')).toBeTruthy();
    expect(within(screen.getByTestId('whatif-gainers')).getByText('张三')).toBeTruthy();
    expect(within(screen.getByTestId('whatif-gainers')).getByText('+220.00')).toBeTruthy();
    expect(within(screen.getByTestId('whatif-losers')).getByText('李四')).toBeTruthy();
    expect(within(screen.getByTestId('whatif-losers')).getByText('−49.50')).toBeTruthy();
    const shops = within(screen.getByTestId('whatif-workshops')).getAllByRole('row').slice(1);
    expect(shops.map((r) => r.textContent)).toEqual(['合成车间2200.00500.00+300.00', '（未分车间）1200.00150.50−49.50']);

    await u.click(screen.getByRole('button', { name: /导出测算表/ }));
    await waitFor(() => expect(be.last('wage.whatIfXlsx')).toEqual({ schemeId: 's2', from: '2025-12', to: '2026-11' }));
    expect(be.validationFailures()).toEqual([]);
  });

  it('another version is sent when chosen; a refusal is shown in words', async () => {
    const u = user();
    const be = signedInBackend();
    be.on('wage.schemes', () => SCHEMES);
    be.fail('wage.whatIf', 'VALIDATION', 'err.wage.whatIf.future', { month: '2026-12', issues: [{ path: 'to', message: 'err.wage.whatIf.future' }] });
    renderInProviders(<WhatIfTab />);
    const select = await screen.findByLabelText('测算方案');
    await u.click(select);
    await u.click(await screen.findByText('2026年度能级工资方案 · 第 1 版 · 执行中'));
    await u.click(await findButton('测算'));
    await waitFor(() => expect(be.last('wage.whatIf')).toMatchObject({ schemeId: 's1' }));
    expect((await screen.findByTestId('whatif-error')).textContent).toContain('只能测算已经开始的月份（到 2026-12 为止）');
    expect(screen.queryByTestId('whatif-result')).toBeNull();

  });

  it('with no version yet, says what a what-if needs and links to the schemes and records tabs', async () => {
    const u = user();
    const be = signedInBackend();
    be.on('wage.schemes', () => []);
    renderInProviders(<WhatIfTab />);
    const needs = await screen.findByTestId('whatif-needs');
    expect(needs.textContent).toContain('测算需要一个方案版本和几个月的记录');
    expect(needs.textContent).toContain('草案');
    expect(needs.textContent).toContain('工时、行为记录、事故');
    const toSchemes = screen.getByTestId('whatif-to-schemes');
    expect(toSchemes.getAttribute('href')).toBe('#/wage/schemes');
    expect(screen.getByTestId('whatif-to-records').getAttribute('href')).toBe('#/wage/records');
    await u.click(toSchemes);
    expect(useRouter.getState().route).toEqual({ page: 'wage', id: 'schemes' });
    await u.click(screen.getByTestId('whatif-to-records'));
    expect(useRouter.getState().route).toEqual({ page: 'wage', id: 'records' });
  });

  it('keeps the last result, version and range when the tab is left and shown again (and across a reload); a changed choice is flagged; another operator starts empty', async () => {
    const u = user();
    const be = signedInBackend();
    be.on('wage.schemes', () => SCHEMES);
    be.on('wage.whatIf', () => RESULT);
    const first = renderInProviders(<WhatIfTab />);
    await u.click(await screen.findByLabelText('测算方案'));
    await u.click(await screen.findByText('2026年度能级工资方案 · 第 1 版 · 执行中'));
    useWhatIf.getState().choose({ from: '2026-06', to: '2026-11' });
    await u.click(await findButton('测算'));
    await screen.findByTestId('whatif-result');
    expect(be.count('wage.whatIf')).toBe(1);
    first.unmount(); // another tab is shown

    const second = renderInProviders(<WhatIfTab />);
    expect((await screen.findByTestId('whatif-diff')).textContent).toBe('增减（2 个月合计）+250.50元（+62.6%）');
    expect(screen.getByText('2026年度能级工资方案 · 第 1 版 · 执行中')).toBeTruthy();
    expect(screen.getByLabelText('起始月份')).toHaveProperty('value', '2026-06');
    expect(screen.getByLabelText('截止月份')).toHaveProperty('value', '2026-11');
    expect(be.count('wage.whatIf')).toBe(1); // shown again, not run again
    // the result is for what was run (s2 in RESULT), the choice now differs: said so
    expect(screen.getByTestId('whatif-stale')).toBeTruthy();
    second.unmount();

    // a reload: the store starts from what the browser tab kept
    const kept = JSON.parse(sessionStorage.getItem('ankang.wage.whatif')!) as { schemeId: string; from: string; result: WhatIfResult };
    expect(kept).toMatchObject({ schemeId: 's1', from: '2026-06', to: '2026-11', operatorId: 'op-admin' });
    expect(kept.result.totals.diffFen).toBe(25050);
    useWhatIf.setState({ schemeId: null, result: null, operatorId: null }); // the page's memory gone…
    useWhatIf.setState(remembered()); // …and read back as a reloaded page does
    const reloaded = renderInProviders(<WhatIfTab />);
    expect((await screen.findByTestId('whatif-diff')).textContent).toBe('增减（2 个月合计）+250.50元（+62.6%）');
    expect(screen.getByLabelText('起始月份')).toHaveProperty('value', '2026-06');
    reloaded.unmount();

    // someone else signs in in the same browser tab: no result of another operator's
    useSession.setState({ operator: { ...useSession.getState().operator!, id: 'op-other' } });
    renderInProviders(<WhatIfTab />);
    expect(await screen.findByTestId('whatif-hint')).toBeTruthy();
    expect(screen.queryByTestId('whatif-result')).toBeNull();
  });

  it('a loss reads “−191,571.25元（−16.8%）”: a real minus, separators, 元 with the amount; the month under way is flagged', async () => {
    const loss: WhatIfResult = { ...RESULT, totals: { workers: 832, baselineFen: 114066500, candidateFen: 94909375, diffFen: -19157125 } };
    const be = signedInBackend();
    be.on('wage.schemes', () => SCHEMES);
    useWhatIf.setState({ schemeId: 's2', from: '2026-06', to: '2026-11', result: loss, operatorId: be.currentOperator!.id, at: null });
    renderInProviders(<WhatIfTab />);
    expect((await screen.findByTestId('whatif-diff')).textContent).toBe('增减（2 个月合计）−191,571.25元（−16.8%）');
    // December, the month under way, is in the range: its records may not all be in
    useWhatIf.setState({ result: { ...loss, to: '2026-12', periods: [...loss.periods, { ...loss.periods[1]!, period: '2026-12' }] } });
    expect((await screen.findByTestId('whatif-under-way')).textContent).toBe('2026-12 是本月，记录可能还没有录完，这个月的金额会偏低');
    expect(signedYuan(-19157125)).toBe('\u2212191,571.25');
    expect(signedYuan(0)).toBe('0.00');
    expect(signedPct(-19157125, 114066500)).toBe('\u221216.8%');
    expect(signedPct(1, 0)).toBeNull();
  });

  it('the cost chart’s money axis: separators, 万元 in Chinese once large', () => {
    const zh: TFunc = (k, v) => translate('zh-CN', k, v);
    const en: TFunc = (k, v) => translate('en', k, v);
    const big: WhatIfResult = { ...RESULT, periods: [{ ...RESULT.periods[1]!, baselineFen: 18981700, candidateFen: 15823375 }] };
    const axisOf = (o: ReturnType<typeof costChart>) => o.option.yAxis as { name: string; axisLabel: { formatter: (v: number) => string } };
    const zhBig = axisOf(costChart(big, zh, 'zh-CN'));
    expect(zhBig.name).toBe('万元');
    expect(zhBig.axisLabel.formatter(21000000)).toBe('21');
    expect(zhBig.axisLabel.formatter(1500000)).toBe('1.5');
    const enBig = axisOf(costChart(big, en, 'en'));
    expect(enBig.name).toBe('yuan');
    expect(enBig.axisLabel.formatter(21000000)).toBe('210,000');
    const zhSmall = axisOf(costChart(RESULT, zh, 'zh-CN'));
    expect(zhSmall.name).toBe('元');
    expect(zhSmall.axisLabel.formatter(3000000)).toBe('30,000');
    expect(moneyAxis(0, 'zh-CN').unit).toBe('yuan');
  });

  it('the default range is the last 12 finished months (this month’s records are not all in yet)', () => {
    expect(defaultRange()).toEqual({ from: '2025-12', to: '2026-11' });
    vi.setSystemTime(new Date('2027-01-01T00:30:00'));
    expect(defaultRange()).toEqual({ from: '2026-01', to: '2026-12' });
  });

  it('the default version: the newest draft, else the newest', () => {
    expect(defaultScheme(SCHEMES)?.id).toBe('s2');
    expect(defaultScheme([SCHEMES[0]!])?.id).toBe('s1');
    expect(defaultScheme([])).toBeNull();
  });
});

describe('the payroll exports of a run', () => {
  const approved = { id: 'run-1', state: 'approved' as const, period: '2026-11', version: 2 };
  function exportsBackend(meId = 'op-admin') {
    const reader = makeOperator({ id: 'op-safety', name: '李安全', roles: ['safety_officer'] });
    const be = signedInBackend({ operators: [adminOperator(), reader] }, meId);
    be.on('wage.payrollXlsx', () => fakeFile('2026-11 能级工资发放表.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'));
    be.on('wage.payrollCsv', () => fakeFile('2026-11 能级工资明细.csv', 'text/csv'));
    be.on('wage.slipsPdf', () => fakeFile('2026-11 能级工资条.pdf', 'application/pdf'));
    be.on('wage.summaryPdf', () => fakeFile('2026-11 能级工资汇总表.pdf', 'application/pdf'));
    return be;
  }

  it('a runner chooses the full ID number and GBK; each button sends its run and choice', async () => {
    const u = user();
    const be = exportsBackend();
    renderInProviders(<RunExports run={approved} />);
    await u.click(screen.getByText('完整'));
    await u.click(screen.getByRole('button', { name: /工资表（xlsx）/ }));
    await waitFor(() => expect(be.last('wage.payrollXlsx')).toEqual({ runId: 'run-1', idCard: 'full' }));
    await u.click(screen.getByText('GBK'));
    await u.click(screen.getByRole('button', { name: /明细（CSV）/ }));
    await waitFor(() => expect(be.last('wage.payrollCsv')).toEqual({ runId: 'run-1', encoding: 'gbk' }));
    await u.click(screen.getByRole('button', { name: /工资条（PDF）/ }));
    await waitFor(() => expect(be.last('wage.slipsPdf')).toEqual({ runId: 'run-1' }));
    await u.click(screen.getByRole('button', { name: /月度汇总表（PDF）/ }));
    await waitFor(() => expect(be.last('wage.summaryPdf')).toEqual({ runId: 'run-1' }));
    expect(screen.queryByTestId('run-exports-wait')).toBeNull();
    expect(be.validationFailures()).toEqual([]);
  });

  it('someone else gets the masked sheet only; a run not approved waits, saying why; a refusal is shown', async () => {
    const u = user();
    const be = exportsBackend('op-safety');
    const view = renderInProviders(<RunExports run={approved} />);
    await u.click(screen.getByText('完整'));
    await u.click(screen.getByRole('button', { name: /工资表（xlsx）/ }));
    await waitFor(() => expect(be.last('wage.payrollXlsx')).toEqual({ runId: 'run-1', idCard: 'masked' }));
    be.fail('wage.payrollCsv', 'CONFLICT', 'err.wage.export.notGbk', { line: 3, char: '𠀀' });
    await u.click(screen.getByRole('button', { name: /明细（CSV）/ }));
    expect(await screen.findByText('第 3 行含 GBK 无法表示的字符“𠀀”，请改用 UTF-8 导出')).toBeTruthy();
    view.unmount();

    renderInProviders(<RunExports run={{ ...approved, state: 'reviewed' }} />);
    expect(screen.getByTestId('run-exports-wait').textContent).toBe('审批后才能导出工资表、明细、工资条和汇总表');
    for (const name of [/工资表（xlsx）/, /明细（CSV）/, /工资条（PDF）/, /月度汇总表（PDF）/]) expect(screen.getByRole('button', { name })).toHaveProperty('disabled', true);
  });
});
