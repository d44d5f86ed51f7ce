// DashboardPage: KPI cards, reminders, period selector, charts (echarts mocked), the signable statistics table,
// export / print, loading and error states, English.
import { StyleProvider } from '@ant-design/cssinjs';
import { act, cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import type { Mock } from 'vitest';
import { DashboardPage } from '../../renderer/src/features/dashboard/DashboardPage';
import { initialDashboardState, useDashboard } from '../../renderer/src/features/dashboard/store';
import { useI18n } from '../../renderer/src/i18n';
import { setTransport } from '../../renderer/src/lib/api';
import { contract, isChannel } from '../../shared/contract';
import { addDays } from '../../shared/hazards/rules';
import type { Result } from '../../shared/result';
import type { HazardReminders, HazardRow, HazardStats } from '../../shared/hazards/types';
import { homeCardDefault } from './fakeBackend';

// ---- echarts, mocked: every init() is recorded with its container and a spy instance ----
interface FakeChart {
  el: HTMLElement;
  setOption: Mock;
  resize: Mock;
  dispose: Mock;
}
const echartsMock = vi.hoisted(() => ({ charts: [] as FakeChart[] }));
vi.mock('echarts/core', () => ({
  use: vi.fn(),
  init: vi.fn((el: HTMLElement) => {
    const c = { el, setOption: vi.fn(), resize: vi.fn(), dispose: vi.fn() };
    echartsMock.charts.push(c);
    return c;
  }),
}));
vi.mock('echarts/charts', () => ({ BarChart: {}, LineChart: {}, PieChart: {} }));
vi.mock('echarts/components', () => ({ GridComponent: {}, LegendComponent: {}, TooltipComponent: {} }));
vi.mock('echarts/renderers', () => ({ CanvasRenderer: {} }));

// ---- jsdom layout: chart containers get a size unless a test says otherwise ----
const layout = { chartWidth: 480, chartHeight: 260 };
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', {
    configurable: true,
    get(this: HTMLElement) {
      return this.dataset.chart ? layout.chartWidth : 0;
    },
  });
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.dataset.chart ? layout.chartHeight : 0;
    },
  });
});
afterAll(() => {
  // back to jsdom's own getters on Element.prototype
  delete (HTMLElement.prototype as { clientWidth?: number }).clientWidth;
  delete (HTMLElement.prototype as { clientHeight?: number }).clientHeight;
});

// ---- a ResizeObserver the tests can fire ----
class FakeResizeObserver {
  static all: FakeResizeObserver[] = [];
  observed: Element[] = [];
  disconnected = false;
  constructor(readonly callback: ResizeObserverCallback) {
    FakeResizeObserver.all.push(this);
  }
  observe(el: Element) {
    this.observed.push(el);
  }
  unobserve() {}
  disconnect() {
    this.disconnected = true;
  }
  fire() {
    this.callback([], this as unknown as ResizeObserver);
  }
}
const realRO = window.ResizeObserver;

// antd's CSS-in-JS rules make jsdom's getComputedStyle very slow; keep them out of the document (see harness.tsx)
const styleSink = document.createElement('div');
configure({ asyncUtilTimeout: 3000 });
// jsdom has no pseudo-element styles; answer getComputedStyle(el, '::before') with the element's own style
const elementStyle = window.getComputedStyle.bind(window);
window.getComputedStyle = (elt: Element) => elementStyle(elt);

// ---- fixtures ----
const THIS_YEAR = new Date().getFullYear();
const today = dayjs().format('YYYY-MM-DD');

function hazardRow(p: Partial<HazardRow> & Pick<HazardRow, 'id' | 'serial' | 'description'>): HazardRow {
  return {
    foundAt: `${today}T08:00:00.000Z`,
    foundDate: today,
    finderId: null,
    finderName: '张三',
    source: 'self_check',
    workshopName: '一车间',
    teamName: null,
    place: null,
    category1: 'material',
    category2: 'physical',
    grade: 'general',
    riskD: null,
    risk: null,
    status: 'rectifying',
    responsibleName: '李四',
    deadline: null,
    dueDate: today,
    overdue: false,
    closedDate: null,
    updatedAt: `${today}T08:00:00.000Z`,
    ...p,
  };
}

const LONG = '冲压车间 3 号压力机光电保护装置失效，双手按钮被短接，操作工可在滑块下行时伸手取件，存在严重的机械伤害风险';

function reminders(): HazardReminders {
  return {
    overdue: [
      hazardRow({ id: 'h-1', serial: 'YH-2026-0001', description: LONG, workshopName: '冲压车间', dueDate: addDays(today, -5), overdue: true, grade: 'major' }),
      hazardRow({ id: 'h-2', serial: 'YH-2026-0002', description: '配电柜前堆放杂物', workshopName: null, dueDate: addDays(today, -1), overdue: true }),
    ],
    dueSoon: [
      hazardRow({ id: 'h-3', serial: 'YH-2026-0003', description: '灭火器压力不足', workshopName: '装配车间', dueDate: today }),
      hazardRow({ id: 'h-4', serial: 'YH-2026-0004', description: '安全通道标识缺失', workshopName: '装配车间', dueDate: addDays(today, 3) }),
    ],
    overdueCount: 12,
    dueSoonCount: 2,
  };
}

function months(year: number, quarter: number | null) {
  const m0 = quarter ? (quarter - 1) * 3 + 1 : 1;
  const n = quarter ? 3 : 12;
  return Array.from({ length: n }, (_, i) => `${year}-${String(m0 + i).padStart(2, '0')}`);
}

function stats(year: number, quarter: number | null, patch: Partial<HazardStats> = {}): HazardStats {
  const ms = months(year, quarter);
  return {
    year,
    quarter,
    from: `${ms[0]}-01`,
    to: `${ms.at(-1)}-${quarter === 1 ? '31' : quarter === 2 ? '30' : '31'}`,
    found: 37,
    closed: 29,
    cancelled: 2,
    open: 14,
    overdue: 3,
    closureRate: 0.829,
    avgDaysToClose: 6.4,
    openByGrade: [
      { grade: 'general', count: 10 },
      { grade: 'major', count: 1 },
      { grade: 'ungraded', count: 3 },
    ],
    openByWorkshop: [
      { workshop: '冲压车间', general: 6, major: 1, ungraded: 2 },
      { workshop: '装配车间', general: 4, major: 0, ungraded: 1 },
    ],
    monthly: ms.map((month, i) => ({ month, found: i + 1, closed: i })),
    byRisk: [
      { risk: 'blue', count: 20 },
      { risk: 'red', count: 2 },
      { risk: 'yellow', count: 9 },
      { risk: 'orange', count: 4 },
      { risk: 'unassessed', count: 2 },
    ],
    table: [
      { workshop: '冲压车间', found: 20, general: 17, major: 1, ungraded: 2, closed: 15, rectifying: 3, overdue: 2, plannedFunds: 1_250_000, actualFunds: 1_180_050 },
      { workshop: '装配车间', found: 12, general: 11, major: 0, ungraded: 1, closed: 10, rectifying: 1, overdue: 1, plannedFunds: 30_000, actualFunds: 28_800 },
      { workshop: '（未指定车间）', found: 5, general: 3, major: 0, ungraded: 2, closed: 4, rectifying: 0, overdue: 0, plannedFunds: 0, actualFunds: 0 },
    ],
    ...patch,
  };
}

// ---- a fake transport: validates every input against the real contract schema, records calls ----
type Handler = (input: Record<string, unknown>) => unknown;
interface Call {
  channel: string;
  input: Record<string, unknown>;
}
function installBackend(handlers: Record<string, Handler> = {}) {
  const calls: Call[] = [];
  const invalid: string[] = [];
  const all: Record<string, Handler> = {
    'hazards.stats': (i) => stats(i.year as number, (i.quarter as number | null) ?? null),
    'hazards.reminders': () => reminders(),
    'hazards.mine': () => ({ rows: [], total: 0 }),
    'congress.sessionYearCheck': () => ({ year: THIS_YEAR, today, hasTerm: true, held: { id: 's-1', termNumber: 3, seq: 1, date: today, status: 'closed' }, planned: null, lastYearMissed: false }),
    'wage.dashboard': () => ({ period: today.slice(0, 7), run: null, lastApproved: null, shown: null }),
    'subsidy.scorecard': (i) => ({ year: i.year, asOf: today, green: 0, criteria: [] }),
    'hazards.exportStats': (i) => ({
      fileId: `file-stats-${String(i.year)}`,
      fileName: `隐患排查治理统计表-${String(i.year)}${i.quarter ? `-Q${String(i.quarter)}` : ''}.xlsx`,
      mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      bytes: 12,
    }),
    ...handlers,
  };
  setTransport(async (channel, input): Promise<Result<unknown>> => {
    const inp = (input ?? {}) as Record<string, unknown>;
    calls.push({ channel, input: inp });
    if (!isChannel(channel)) return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: channel } };
    if (!contract[channel].input.safeParse(input).success) invalid.push(`${channel} ${JSON.stringify(input)}`);
    const h = all[channel];
    if (!h) {
      // the modules' home cards (health, certificates, education hours …) get the shared fake's "nothing recorded"
      const card = homeCardDefault(channel, input);
      return card ? { ok: true, value: card.value } : { ok: false, error: { code: 'INTERNAL', message: `unexpected call ${channel}` } };
    }
    try {
      return { ok: true, value: await h(inp) };
    } catch (e) {
      return { ok: false, error: { code: 'INTERNAL', message: (e as Error).message } };
    }
  });
  return {
    calls,
    invalid,
    inputs: (channel: string) => calls.filter((c) => c.channel === channel).map((c) => c.input),
  };
}

function renderPage(onOpenHazard: (id: string) => void = vi.fn(), locale: 'zh-CN' | 'en' = 'zh-CN') {
  return render(
    <StyleProvider container={styleSink}>
      <ConfigProvider locale={locale === 'en' ? enUS : zhCN}>
        <AntApp>
          <DashboardPage onOpenHazard={onOpenHazard} />
        </AntApp>
      </ConfigProvider>
    </StyleProvider>,
  );
}

/** antd spaces out two-character Chinese button labels ("打印" → "打 印"). */
function label(text: string): RegExp {
  return new RegExp(`^\\s*${[...text].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s*')}\\s*$`);
}
const button = (text: string) => screen.getByRole('button', { name: label(text) });

async function ready() {
  await screen.findByTestId('stats-table');
  await waitFor(() => expect(useDashboard.getState().remindersLoading).toBe(false));
}
function kpi(key: string) {
  return screen.getByTestId(`kpi-${key}`);
}
function chart(name: string): FakeChart {
  const c = echartsMock.charts.find((x) => x.el.dataset.chart === name && x.el.isConnected);
  if (!c) throw new Error(`no chart ${name} (have ${echartsMock.charts.map((x) => x.el.dataset.chart).join(', ')})`);
  return c;
}
/** the option of the chart's latest setOption call */
function lastOption(name: string) {
  const c = chart(name);
  expect(c.setOption).toHaveBeenCalled();
  return c.setOption.mock.calls.at(-1)![0] as { series: { type: string; name: string; data: unknown[]; stack?: string }[]; xAxis?: { data?: string[] }; yAxis?: { data?: string[] } };
}
function tableRows(container: HTMLElement) {
  return [...container.querySelectorAll('.ant-table-tbody .ant-table-row')] as HTMLElement[];
}
function cells(row: Element) {
  return [...row.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '');
}

beforeEach(() => {
  vi.clearAllMocks();
  useDashboard.setState(initialDashboardState());
  useI18n.setState({ locale: 'zh-CN' });
  echartsMock.charts.length = 0;
  FakeResizeObserver.all = [];
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = FakeResizeObserver;
  layout.chartWidth = 480;
  layout.chartHeight = 260;
});
afterEach(() => {
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = realRO;
  setTransport(null);
  vi.restoreAllMocks();
});

describe('DashboardPage', () => {
  test('loads the current year and the reminders, and shows the KPI numbers', async () => {
    const be = installBackend();
    renderPage();
    await ready();
    expect(be.inputs('hazards.stats')).toEqual([{ year: THIS_YEAR, quarter: null }]);
    expect(be.inputs('hazards.reminders')).toEqual([{ limit: 10 }]);
    // 待我处理 comes first on the home page
    expect(be.inputs('hazards.mine')).toEqual([{ limit: 10 }]);
    expect(await screen.findByText('没有等待您处理的隐患')).toBeInTheDocument();
    // the yearly congress check sits below it
    expect(await screen.findByText(`已于 ${today} 召开（第3届第1次会议，已闭会）`)).toBeInTheDocument();
    expect(be.inputs('congress.sessionYearCheck')).toEqual([{}]);
    expect(be.invalid).toEqual([]);

    expect(kpi('open')).toHaveTextContent('未销号隐患');
    expect(kpi('open')).toHaveTextContent(/14\s*项/);
    expect(kpi('overdue')).toHaveTextContent(/3\s*项/);
    expect(kpi('closureRate')).toHaveTextContent(/82\.9\s*%/);
    expect(kpi('avgDays')).toHaveTextContent(/6\.4\s*天/);
    expect(kpi('found')).toHaveTextContent(/37\s*项/);
    expect(kpi('closed')).toHaveTextContent(/29\s*项/);
    // overdue > 0 is red
    expect(kpi('overdue').querySelector('.ant-statistic-content')).toHaveStyle({ color: 'rgb(207, 19, 34)' });
    expect(kpi('open').querySelector('.ant-statistic-content')).not.toHaveStyle({ color: 'rgb(207, 19, 34)' });
    // the year selector shows the current year, the quarter selector 全年
    expect(screen.getByRole('combobox', { name: '年度' }).closest('.ant-select')).toHaveTextContent(`${THIS_YEAR} 年`);
    expect(screen.getByRole('radio', { name: '全年' })).toBeChecked();
  });

  test('刷新 reads everything again: the statistics, the reminders, 待我处理 and every home card (the modules\' too)', async () => {
    const be = installBackend();
    renderPage();
    await ready();
    const cardChannels = ['hazards.mine', 'congress.sessionYearCheck', 'wage.dashboard', 'subsidy.scorecard', 'health.due', 'health.certs', 'education.hours'];
    await waitFor(() => {
      for (const c of cardChannels) expect(be.inputs(c), c).toHaveLength(1);
    });
    // (the enterprise's name above the printed table is read once)
    const firstLoad = [...new Set(be.calls.map((c) => c.channel))].filter((c) => c !== 'enterprise.get');
    await userEvent.setup().click(button('刷新'));
    // every channel of the first load is read once more (the modules' cards too: health, certificates, hours)
    await waitFor(() => {
      for (const c of firstLoad) expect(be.inputs(c), c).toHaveLength(2);
    });
    expect(firstLoad).toEqual(expect.arrayContaining([...cardChannels, 'hazards.stats', 'hazards.reminders']));
  });

  test('no overdue hazards: the overdue KPI is not red; no closure rate yet shows a dash', async () => {
    installBackend({
      'hazards.stats': (i) => stats(i.year as number, null, { overdue: 0, closureRate: null, avgDaysToClose: null }),
      'hazards.reminders': () => ({ overdue: [], dueSoon: [], overdueCount: 0, dueSoonCount: 0 }),
    });
    renderPage();
    await ready();
    expect(kpi('overdue')).toHaveTextContent(/^逾期未整改.*0\s*项$/);
    expect(kpi('overdue').querySelector('.ant-statistic-content')).not.toHaveStyle({ color: 'rgb(207, 19, 34)' });
    expect(kpi('closureRate')).toHaveTextContent('—');
    expect(kpi('closureRate')).not.toHaveTextContent('%');
    expect(kpi('avgDays')).toHaveTextContent('—');
    // reminder empty states
    expect(within(screen.getByTestId('reminders-overdue')).getByText('没有逾期隐患')).toBeInTheDocument();
    expect(within(screen.getByTestId('reminders-dueSoon')).getByText('近期没有即将到期的隐患')).toBeInTheDocument();
  });

  test('reminder lists: rows with serial, description, workshop, due date and days; click and Enter open the hazard', async () => {
    installBackend();
    const onOpen = vi.fn();
    renderPage(onOpen);
    await ready();
    const overdue = screen.getByTestId('reminders-overdue');
    expect(overdue).toHaveTextContent('已逾期');
    expect(overdue).toHaveTextContent('共 12 项，显示前 2 项');
    const [r1, r2] = tableRows(overdue);
    expect(tableRows(overdue)).toHaveLength(2);
    expect(cells(r1!)).toEqual(['YH-2026-0001', `重大隐患${LONG}`, '冲压车间', addDays(today, -5), '逾期 5 天']);
    expect(r1!.querySelectorAll('td')[1]!.querySelector('[title]')).toHaveAttribute('title', LONG); // full text on hover
    expect(cells(r2!)).toEqual(['YH-2026-0002', '配电柜前堆放杂物', '（未指定车间）', addDays(today, -1), '逾期 1 天']);

    const dueSoon = screen.getByTestId('reminders-dueSoon');
    expect(dueSoon).toHaveTextContent('即将到期');
    expect(dueSoon).toHaveTextContent('共 2 项');
    expect(tableRows(dueSoon).map((r) => cells(r)[4])).toEqual(['今天到期', '剩 3 天']);

    await userEvent.setup().click(within(r1!).getByText('冲压车间'));
    expect(onOpen).toHaveBeenCalledTimes(1);
    expect(onOpen).toHaveBeenLastCalledWith('h-1');

    const r4 = tableRows(dueSoon)[1]!;
    expect(r4).toHaveAttribute('tabindex', '0');
    act(() => r4.focus());
    fireEvent.keyDown(r4, { key: 'Enter' });
    expect(onOpen).toHaveBeenCalledTimes(2);
    expect(onOpen).toHaveBeenLastCalledWith('h-4');
    fireEvent.keyDown(r4, { key: 'a' });
    expect(onOpen).toHaveBeenCalledTimes(2);
  });

  test('changing the quarter and the year reloads the statistics for that period', async () => {
    const be = installBackend();
    renderPage();
    await ready();
    const u = userEvent.setup();

    await u.click(screen.getByRole('radio', { name: '第二季度' }));
    await waitFor(() => expect(be.inputs('hazards.stats').at(-1)).toEqual({ year: THIS_YEAR, quarter: 2 }));
    expect(await screen.findByTestId('stats-title')).toHaveTextContent(`${THIS_YEAR} 年第二季度 隐患排查治理统计表`);
    expect(screen.getByRole('radio', { name: '第二季度' })).toBeChecked();

    // the year with the keyboard: open the select, move down one year, Enter
    const year = screen.getByRole('combobox', { name: '年度' });
    act(() => year.focus());
    await u.keyboard('{Enter}'); // Enter / Space open an antd select
    await waitFor(() => expect(year).toHaveAttribute('aria-expanded', 'true'));
    // rc-select's option list reads KeyboardEvent.which, which user-event leaves unset
    fireEvent.keyDown(year, { key: 'ArrowDown', code: 'ArrowDown', keyCode: 40, which: 40 });
    await waitFor(() => expect(year.getAttribute('aria-activedescendant')).toMatch(/_1$/));
    fireEvent.keyDown(year, { key: 'Enter', code: 'Enter', keyCode: 13, which: 13 });
    await waitFor(() => expect(year).toHaveAttribute('aria-expanded', 'false'));
    await waitFor(() => expect(be.inputs('hazards.stats').at(-1)).toEqual({ year: THIS_YEAR - 1, quarter: 2 }));
    await waitFor(() => expect(screen.getByTestId('stats-title')).toHaveTextContent(`${THIS_YEAR - 1} 年第二季度 隐患排查治理统计表`));

    // back to the full year
    await u.click(screen.getByRole('radio', { name: '全年' }));
    await waitFor(() => expect(be.inputs('hazards.stats').at(-1)).toEqual({ year: THIS_YEAR - 1, quarter: null }));
    await waitFor(() => expect(screen.getByTestId('stats-title')).toHaveTextContent(`${THIS_YEAR - 1} 年度 隐患排查治理统计表`));
    expect(be.inputs('hazards.stats')).toHaveLength(4);
    expect(be.inputs('hazards.reminders')).toHaveLength(1); // reminders do not depend on the period
    expect(be.invalid).toEqual([]);
  });

  test('the statistics table: one row per workshop, a 合计 row with the sums, funds in yuan, title and signature lines', async () => {
    installBackend({ 'hazards.stats': (i) => stats(i.year as number, (i.quarter as number | null) ?? null) });
    useDashboard.setState({ period: { year: 2026, quarter: 4 } });
    renderPage();
    await ready();
    const card = screen.getByTestId('stats-table');
    expect(screen.getByTestId('stats-title')).toHaveTextContent('2026 年第四季度 隐患排查治理统计表');
    expect(card).toHaveTextContent('统计期间：2026-10-01 至 2026-12-31');
    const headers = [...card.querySelectorAll('thead th')].map((th) => th.textContent);
    expect(headers).toEqual(['车间（部门）', '排查隐患数', '一般隐患', '重大隐患', '未定级', '已整改销号', '正在整改', '逾期未整改', '计划整改资金（元）', '实际投入资金（元）']);
    const rows = tableRows(card);
    expect(rows.map((r) => cells(r)[0])).toEqual(['冲压车间', '装配车间', '（未指定车间）']);
    expect(cells(rows[0]!)).toEqual(['冲压车间', '20', '17', '1', '2', '15', '3', '2', '12,500.00', '11,800.50']);
    const total = screen.getByTestId('stats-total');
    expect(cells(total)).toEqual(['合计', '37', '31', '1', '5', '29', '4', '3', '12,800.00', '12,088.50']);
    const signatures = screen.getByTestId('signatures');
    for (const s of ['填表人：', '审核人：', '主要负责人（签字）：', '日期：']) expect(signatures).toHaveTextContent(s);
    expect(within(signatures).getAllByTestId('sign-blank')).toHaveLength(4);
  });

  test('every row and the 合计 reconcile on screen: 排查隐患数 = 一般 + 重大 + 未定级 (zh and en headers)', async () => {
    installBackend();
    useDashboard.setState({ period: { year: 2026, quarter: 4 } });
    renderPage();
    await ready();
    const card = screen.getByTestId('stats-table');
    const headers = [...card.querySelectorAll('thead th')].map((th) => th.textContent ?? '');
    const col = (h: string) => headers.indexOf(h);
    for (const h of ['排查隐患数', '一般隐患', '重大隐患', '未定级']) expect(col(h), h).toBeGreaterThan(0);
    const lines = [...tableRows(card), screen.getByTestId('stats-total')].map(cells);
    expect(lines).toHaveLength(4);
    for (const c of lines) {
      const [found, general, major, ungraded] = ['排查隐患数', '一般隐患', '重大隐患', '未定级'].map((h) => Number(c[col(h)]));
      expect(general! + major! + ungraded!, c[0]).toBe(found);
    }
    // the ungraded hazards have their own column; 一般 + 重大 alone falls short of the number found
    expect(lines.some((c) => Number(c[col('一般隐患')]) + Number(c[col('重大隐患')]) < Number(c[col('排查隐患数')]))).toBe(true);
    cleanup();
    useI18n.setState({ locale: 'en' });
    renderPage(vi.fn(), 'en');
    await ready();
    const en = [...screen.getByTestId('stats-table').querySelectorAll('thead th')].map((th) => th.textContent);
    expect(en.slice(1, 5)).toEqual(['Found', 'General', 'Major', 'Ungraded']);
  });

  test('a total row sent by the backend is not counted twice', async () => {
    installBackend({
      'hazards.stats': (i) => {
        const s = stats(i.year as number, null);
        return { ...s, table: [...s.table, { workshop: '合计', found: 37, general: 31, major: 1, ungraded: 5, closed: 29, rectifying: 4, overdue: 3, plannedFunds: 1_280_000, actualFunds: 1_208_850 }] };
      },
    });
    renderPage();
    await ready();
    expect(tableRows(screen.getByTestId('stats-table'))).toHaveLength(3);
    expect(cells(screen.getByTestId('stats-total'))[1]).toBe('37');
  });

  test('导出 Excel calls hazards.exportStats for the period and downloads the file', async () => {
    const be = installBackend();
    const clicked: { download: string; href: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ download: this.download, href: this.getAttribute('href') ?? '' });
    });
    useDashboard.setState({ period: { year: 2026, quarter: 3 } });
    renderPage();
    await ready();
    await userEvent.setup().click(button('导出 Excel'));
    await waitFor(() => expect(clicked).toHaveLength(1));
    expect(be.inputs('hazards.exportStats')).toEqual([{ year: 2026, quarter: 3 }]);
    // the file the core wrote, delivered by the host
    expect(clicked[0]).toEqual({ download: '隐患排查治理统计表-2026-Q3.xlsx', href: '/api/file/file-stats-2026?token=' });
    expect(await screen.findByText('已导出统计表')).toBeInTheDocument();
    expect(be.invalid).toEqual([]);
  });

  test('a failed export shows the error and downloads nothing', async () => {
    installBackend({
      'hazards.exportStats': () => {
        throw new Error('导出失败：磁盘已满');
      },
    });
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    renderPage();
    await ready();
    await userEvent.setup().click(button('导出 Excel'));
    expect(await screen.findByText('导出失败：磁盘已满')).toBeInTheDocument();
    expect(clicked).toEqual([]);
  });

  test('打印 calls window.print, and the print CSS hides the app header and everything but the table', async () => {
    installBackend();
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    const { container } = renderPage();
    await ready();
    await userEvent.setup().click(button('打印'));
    expect(print).toHaveBeenCalledTimes(1);
    const css = [...container.querySelectorAll('style')].map((s) => s.textContent ?? '').join('\n');
    expect(css).toMatch(/@media print\s*{[\s\S]*\.ant-layout-header[^{]*{\s*display:\s*none/);
    expect(css).toContain('.ak-dash-noprint');
    // what print hides: the selector, KPIs, reminders and charts; the table card is printable
    expect(screen.getByRole('combobox', { name: '年度' }).closest('.ak-dash-noprint')).not.toBeNull();
    expect(screen.getByTestId('reminders-overdue').closest('.ak-dash-noprint')).not.toBeNull();
    expect(kpi('open').closest('.ak-dash-noprint')).not.toBeNull();
    expect(screen.getByTestId('stats-table').closest('.ak-dash-noprint')).toBeNull();
    expect(screen.getByTestId('signatures').closest('.ak-dash-noprint')).toBeNull();
    expect(button('打印').closest('.ak-dash-noprint')).not.toBeNull();
  });

  test('the printed statistics table names the enterprise above its title', async () => {
    installBackend({ 'enterprise.get': () => ({ id: 'ent-1', name: '台州市恒安机械制造有限公司', uscc: '91331002MA2AB3CD4E', address: null, industry: null, headcount: 860, updatedAt: '2026-01-05T09:00:00.000+08:00' }) });
    renderPage();
    await ready();
    const name = await screen.findByTestId('stats-enterprise');
    expect(name).toHaveTextContent('台州市恒安机械制造有限公司');
    expect(name.closest('.ak-dash-noprint')).toBeNull(); // printed
    expect(within(screen.getByTestId('stats-table')).getByTestId('stats-enterprise')).toBe(name);
  });

  test('charts get the right series data, real risk colours and text alternatives', async () => {
    installBackend();
    renderPage();
    await ready();
    await waitFor(() => expect(echartsMock.charts.filter((c) => c.el.isConnected)).toHaveLength(4));

    const grade = lastOption('grade');
    expect(grade.series[0]!.type).toBe('pie');
    expect(grade.series[0]!.data).toEqual([
      { name: '一般隐患', value: 10, itemStyle: { color: '#faad14' } },
      { name: '重大隐患', value: 1, itemStyle: { color: '#cf1322' } },
      { name: '未定级', value: 3, itemStyle: { color: '#bfbfbf' } },
    ]);
    expect(chart('grade').el).toHaveAttribute('role', 'img');
    expect(chart('grade').el).toHaveAttribute('aria-label', '未销号隐患按等级：一般隐患 10 项，重大隐患 1 项，未定级 3 项。');

    const ws = lastOption('workshop');
    expect(ws.yAxis?.data).toEqual(['冲压车间', '装配车间']);
    expect(ws.series.map((s) => [s.type, s.name, s.stack, s.data])).toEqual([
      ['bar', '一般隐患', 'open', [6, 4]],
      ['bar', '重大隐患', 'open', [1, 0]],
      ['bar', '未定级', 'open', [2, 1]],
    ]);
    expect(chart('workshop').el.getAttribute('aria-label')).toBe('未销号隐患按车间（一般/重大/未定级）：冲压车间 6/1/2，装配车间 4/0/1。');

    const monthly = lastOption('monthly');
    expect(monthly.xAxis?.data).toEqual(['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月']);
    expect(monthly.series.map((s) => [s.type, s.data])).toEqual([
      ['bar', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]],
      ['line', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]],
    ]);
    expect(chart('monthly').el.getAttribute('aria-label')).toMatch(/^按月发现与销号：1月 发现 1 销号 0，2月 发现 2 销号 1，.*12月 发现 12 销号 11。$/);

    const risk = lastOption('risk');
    expect(risk.series[0]!.data).toEqual([
      // the one risk colour table (shared/hazards/risk.ts) that the PDFs and spreadsheets use too
      { name: '重大风险', value: 2, itemStyle: { color: '#E02020' } },
      { name: '较大风险', value: 4, itemStyle: { color: '#F28C28' } },
      { name: '一般风险', value: 9, itemStyle: { color: '#F5C400' } },
      { name: '低风险', value: 20, itemStyle: { color: '#1F6FD0' } },
      { name: '未评价', value: 2, itemStyle: { color: '#BFBFBF' } },
    ]);
    expect(chart('risk').el.getAttribute('aria-label')).toBe('本期发现隐患按风险等级：重大风险 2 项，较大风险 4 项，一般风险 9 项，低风险 20 项，未评价 2 项。');
    // chart titles
    for (const title of ['未销号隐患（按等级）', '未销号隐患（按车间）', '发现与销号趋势（按月）', '本期发现隐患的风险等级分布']) {
      expect(screen.getByRole('heading', { name: title })).toBeInTheDocument();
    }
  });

  test('a quarter shows its three months in the trend chart', async () => {
    installBackend();
    useDashboard.setState({ period: { year: 2026, quarter: 2 } });
    renderPage();
    await ready();
    const monthly = lastOption('monthly');
    expect(monthly.xAxis?.data).toEqual(['4月', '5月', '6月']);
    expect(monthly.series[0]!.data).toEqual([1, 2, 3]);
  });

  test('nothing open: the grade chart shows an empty state instead of a chart', async () => {
    installBackend({
      'hazards.stats': (i) => stats(i.year as number, null, { open: 0, openByGrade: [], openByWorkshop: [] }),
    });
    renderPage();
    await ready();
    expect(document.querySelector('[data-chart="grade"]')).toBeNull();
    const empty = document.querySelector('[data-chart-empty="grade"]')!;
    expect(empty).toHaveTextContent('暂无数据');
    expect(empty).toHaveAttribute('aria-label', '未销号隐患（按等级）：暂无数据。');
    expect(echartsMock.charts.map((c) => c.el.dataset.chart).sort()).toEqual(['monthly', 'risk']);
  });

  test('charts wait for a size, resize with the container and are disposed on unmount', async () => {
    layout.chartWidth = 0; // hidden / not laid out yet
    installBackend();
    const { unmount } = renderPage();
    await ready();
    const echarts = await import('echarts/core');
    expect(echarts.init).not.toHaveBeenCalled();
    const ro = FakeResizeObserver.all.find((o) => (o.observed[0] as HTMLElement | undefined)?.dataset.chart === 'risk')!;
    expect(ro).toBeDefined();

    layout.chartWidth = 600;
    act(() => ro.fire());
    expect(echartsMock.charts.map((c) => c.el.dataset.chart)).toEqual(['risk']);
    const risk = chart('risk');
    expect(risk.setOption).toHaveBeenCalledTimes(1);
    expect(echarts.init).toHaveBeenCalledWith(risk.el, undefined, { renderer: 'canvas' });

    act(() => ro.fire());
    expect(risk.resize).toHaveBeenCalledTimes(1);
    expect(echartsMock.charts).toHaveLength(1); // not initialised twice

    unmount();
    expect(risk.dispose).toHaveBeenCalledTimes(1);
    expect(ro.disconnected).toBe(true);
  });

  test('loading shows skeletons until the statistics arrive', async () => {
    let release: (v: HazardStats) => void = () => undefined;
    installBackend({ 'hazards.stats': (i) => new Promise<HazardStats>((res) => (release = () => res(stats(i.year as number, null)))) });
    renderPage();
    const loading = await screen.findByTestId('dash-loading');
    expect(loading).toHaveAttribute('aria-busy', 'true');
    expect(screen.queryByTestId('stats-table')).toBeNull();
    expect(screen.queryByTestId('kpi-open')).toBeNull();
    act(() => release(stats(THIS_YEAR, null)));
    await screen.findByTestId('stats-table');
    expect(screen.queryByTestId('dash-loading')).toBeNull();
    expect(kpi('open')).toHaveTextContent('14');
  });

  test('an error shows an alert; 重试 loads again and the dashboard appears', async () => {
    let fail = true;
    const be = installBackend({
      'hazards.stats': (i) => {
        if (fail) throw new Error('数据库被锁定');
        return stats(i.year as number, null);
      },
    });
    renderPage();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('统计数据加载失败');
    expect(alert).toHaveTextContent('数据库被锁定');
    expect(screen.queryByTestId('stats-table')).toBeNull();
    expect(screen.queryByTestId('dash-loading')).toBeNull();

    fail = false;
    await userEvent.setup().click(within(alert).getByRole('button', { name: label('重试') }));
    await screen.findByTestId('stats-table');
    expect(be.inputs('hazards.stats')).toHaveLength(2);
    expect(kpi('found')).toHaveTextContent('37');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  test('a reminders error has its own alert and retry', async () => {
    let fail = true;
    const be = installBackend({
      'hazards.reminders': () => {
        if (fail) throw new Error('提醒查询失败');
        return reminders();
      },
    });
    renderPage();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('整改提醒加载失败');
    expect(alert).toHaveTextContent('提醒查询失败');
    fail = false;
    await userEvent.setup().click(within(alert).getByRole('button', { name: label('重试') }));
    await waitFor(() => expect(tableRows(screen.getByTestId('reminders-overdue'))).toHaveLength(2));
    expect(be.inputs('hazards.reminders')).toHaveLength(2);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  test('English when the locale is en', async () => {
    useI18n.setState({ locale: 'en' });
    installBackend();
    useDashboard.setState({ period: { year: 2026, quarter: 4 } });
    renderPage(vi.fn(), 'en');
    await ready();
    expect(kpi('open')).toHaveTextContent('Open hazards');
    expect(kpi('avgDays')).toHaveTextContent(/6\.4\s*days/);
    expect(screen.getByTestId('reminders-overdue')).toHaveTextContent('Overdue');
    expect(screen.getByTestId('reminders-overdue')).toHaveTextContent('5 days overdue');
    expect(screen.getByTestId('reminders-overdue')).toHaveTextContent('1 day overdue');
    expect(screen.getByTestId('reminders-dueSoon')).toHaveTextContent('3 days left');
    expect(screen.getByTestId('reminders-dueSoon')).toHaveTextContent('Due soon');
    expect(screen.getByTestId('stats-title')).toHaveTextContent('Hazard investigation and rectification statistics — Q4 2026');
    expect(cells(screen.getByTestId('stats-total'))[0]).toBe('Total');
    expect(screen.getByTestId('signatures')).toHaveTextContent('Principal (signature)');
    expect(screen.getByRole('radio', { name: 'Q4' })).toBeChecked();
    expect(lastOption('grade').series[0]!.data).toEqual([
      { name: 'General', value: 10, itemStyle: { color: '#faad14' } },
      { name: 'Major', value: 1, itemStyle: { color: '#cf1322' } },
      { name: 'Ungraded', value: 3, itemStyle: { color: '#bfbfbf' } },
    ]);
    expect(lastOption('monthly').xAxis?.data).toEqual(['Oct', 'Nov', 'Dec']);
    expect(screen.queryByText('未销号隐患')).toBeNull();
  });
});
