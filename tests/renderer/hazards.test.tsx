// Hazard ledger UI: QuickLog (keyboard-first report form with draft autosave), ActionDialog (one dialog per
// workflow action), HazardDrawer (details, allowed actions, 五落实, timeline, PDFs, correction) and LedgerPage
// (filters, sorting, saved views, export). The backend is the schema-checking FakeBackend with the hazard
// channels from hazardFixtures.tsx, so every payload asserted here has also passed the real contract schema.
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ActionDialog } from '../../renderer/src/features/hazards/ActionDialog';
import { HazardDrawer } from '../../renderer/src/features/hazards/HazardDrawer';
import { LedgerPage } from '../../renderer/src/features/hazards/LedgerPage';
import { QuickLog } from '../../renderer/src/features/hazards/QuickLog';
import { initialLedgerQuery, useLedger } from '../../renderer/src/features/hazards/store';
import { useI18n } from '../../renderer/src/i18n';
import type { HazardAction } from '../../shared/hazards/rules';
import type { HazardDetail } from '../../shared/hazards/types';
import { FakeError, fakeFile, type FakeBackend } from './fakeBackend';
import { fill, label, renderInProviders, resetStores, user } from './harness';
import { attachment, clickPopupItem, errorsOf, formItem, hazardBackend, inputIn, makeHazard, pick, type HazardState } from './hazardFixtures';

const createObjectURL = vi.fn((_b: Blob) => 'blob:ankang-test');
const revokeObjectURL = vi.fn();
const jsdomUrl = { createObjectURL: URL.createObjectURL, revokeObjectURL: URL.revokeObjectURL };
afterAll(() => Object.assign(URL, jsdomUrl));

beforeEach(() => {
  resetStores();
  useLedger.setState({ query: initialLedgerQuery, rows: [], total: 0, loading: false, error: null });
  createObjectURL.mockClear();
  revokeObjectURL.mockClear();
  // jsdom has no object URLs; thumbnails and downloads both need them
  Object.assign(URL, { createObjectURL, revokeObjectURL });
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** Captures downloads (saveFile clicks a temporary <a download href="/api/file/<id>?token=…"> in the browser). */
function captureDownloads() {
  const downloads: { download: string; href: string }[] = [];
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ download: this.download, href: this.getAttribute('href') ?? '' });
  });
  return downloads;
}

/** Lets pending promise callbacks (the fake backend's answers) run. */
const flush = () => act(() => new Promise<void>((r) => setTimeout(r, 0)));

const okButton = (dlg: HTMLElement) => within(dlg).getByRole('button', { name: label('确定') });

/**
 * Types a date (and time) into an antd DatePicker and commits it with Enter. Waits for the panel to show the
 * typed day before Enter and for the popup to close after it, so a slow machine cannot drop the commit.
 */
async function typeDate(u: ReturnType<typeof user>, input: HTMLInputElement, text: string) {
  await u.click(input);
  await u.clear(input);
  await u.type(input, text);
  const openPopup = '.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)';
  await waitFor(() => expect(document.querySelector(`${openPopup} .ant-picker-cell-selected[title="${text.slice(0, 10)}"]`)).not.toBeNull());
  await u.keyboard('{Enter}');
  await waitFor(() => expect(document.querySelector(openPopup)).toBeNull());
  expect(input).toHaveValue(text);
}

// ---------------------------------------------------------------------------------------------------------
// QuickLog
// ---------------------------------------------------------------------------------------------------------

const REPORT_BUTTON = /^上报 \(Ctrl\+Enter\)$/;

async function openQuickLog(init: Partial<HazardState> = {}) {
  const { be, state } = hazardBackend(init);
  const onSaved = vi.fn();
  const onClose = vi.fn();
  renderInProviders(<QuickLog onClose={onClose} onSaved={onSaved} />);
  const dlg = await screen.findByRole('dialog');
  await waitFor(() => expect(be.count('drafts.get')).toBe(1));
  await flush(); // the draft answer has arrived; autosave is armed from here on
  return { be, state, dlg, onSaved, onClose };
}

async function chooseCategory(u: ReturnType<typeof user>, dlg: HTMLElement, c1: string, c2?: string) {
  await u.click(within(dlg).getByLabelText('隐患类别'));
  await clickPopupItem(u, '.ant-cascader-menu-item', c1);
  if (c2) await clickPopupItem(u, '.ant-cascader-menu-item', c2);
}

describe('QuickLog', () => {
  test('an empty form shows 必填 on description and category and sends nothing', async () => {
    const { be, dlg, onSaved } = await openQuickLog();
    const u = user();
    await u.click(within(dlg).getByRole('button', { name: REPORT_BUTTON }));
    await waitFor(() => expect(errorsOf(dlg, '隐患描述')).toEqual(['必填']));
    expect(errorsOf(dlg, '隐患类别')).toEqual(['必填']);
    // fields with defaults are fine
    expect(errorsOf(dlg, '发现时间')).toEqual([]);
    expect(errorsOf(dlg, '隐患来源')).toEqual([]);

    // a description alone is not enough: the category is still required
    await fill(u, within(dlg).getByLabelText('隐患描述'), '配电柜门未关闭');
    await u.click(within(dlg).getByRole('button', { name: REPORT_BUTTON }));
    await waitFor(() => expect(errorsOf(dlg, '隐患类别')).toEqual(['必填']));
    await flush();
    expect(be.count('hazards.report')).toBe(0);
    expect(be.count('drafts.clear')).toBe(0);
    expect(onSaved).not.toHaveBeenCalled();
  });

  test('a valid form sends hazards.report with cascader category, unit, foundAt and photo ids, then clears the draft', async () => {
    const { be, state, dlg, onSaved } = await openQuickLog();
    const u = user();
    await fill(u, within(dlg).getByLabelText('隐患描述'), '  二号仓库化学品混放  ');
    await chooseCategory(u, dlg, '物的因素', '化学性危险和有害因素');
    await u.click(within(dlg).getByLabelText('车间 / 班组'));
    await clickPopupItem(u, '.ant-select-tree-node-content-wrapper', '一车间 / 甲班');
    await fill(u, within(dlg).getByLabelText('具体位置'), '二号仓库');
    await typeDate(u, inputIn(dlg, '发现时间'), '2026-04-28 14:05');
    await u.upload(within(dlg).getByTestId('photo-input'), new File(['png-bytes'], '现场.png', { type: 'image/png' }));
    await waitFor(() => expect(state.uploads).toHaveLength(1));
    expect(await within(dlg).findByAltText('现场.png')).toBeInTheDocument();
    expect(be.last('attachments.upload')).toEqual({ fileName: '现场.png', dataBase64: btoa('png-bytes') });

    await u.click(within(dlg).getByRole('button', { name: REPORT_BUTTON }));
    await waitFor(() => expect(be.count('hazards.report')).toBe(1));
    expect(be.last('hazards.report')).toEqual({
      description: '  二号仓库化学品混放  ', // trimmed by the schema, not the form
      foundAt: '2026-04-28T14:05',
      source: 'self_check',
      orgUnitId: 'u-tm',
      place: '二号仓库',
      equipment: '',
      category1: 'material',
      category2: 'chemical',
      accidentType: null,
      finderId: 'w-admin', // the signed-in operator's worker
      productionStop: 'none',
      interimMeasures: '',
      photoIds: [state.uploads[0]!.id],
    });
    expect(be.validationFailures()).toEqual([]);
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    const saved = onSaved.mock.calls[0]![0] as HazardDetail;
    expect(saved).toMatchObject({ description: '二号仓库化学品混放', category2: 'chemical' });
    // the draft is cleared after the report succeeded
    const channels = be.calls.map((c) => c.channel);
    expect(channels.lastIndexOf('drafts.clear')).toBeGreaterThan(channels.indexOf('hazards.report'));
    expect(be.inputs('drafts.clear')).toEqual([{ kind: 'hazards' }]);
    expect(await screen.findByText(`已上报 ${saved.serial}`)).toBeInTheDocument();
  });

  test('photos: each upload goes through attachments.upload, × removes one, a refused file shows its name and reason', async () => {
    const { be, state, dlg } = await openQuickLog();
    const u = user();
    const input = within(dlg).getByTestId('photo-input');
    await u.upload(input, [new File(['a'], 'a.png', { type: 'image/png' }), new File(['b'], 'b.webp', { type: 'image/webp' })]);
    await waitFor(() => expect(state.uploads.map((x) => x.fileName)).toEqual(['a.png', 'b.webp']));
    expect(await within(dlg).findByAltText('b.webp')).toBeInTheDocument();
    await u.click(within(dlg).getByRole('button', { name: '删除 a.png' }));
    await waitFor(() => expect(within(dlg).queryByAltText('a.png')).toBeNull());

    be.fail('attachments.upload', 'VALIDATION', 'v.photo');
    await u.upload(input, new File(['c'], 'c.png', { type: 'image/png' }));
    expect(await screen.findByText('c.png: 只接受 JPEG、PNG、WebP 图片，单张不超过 10 MB、4000 万像素')).toBeInTheDocument();

    await fill(u, within(dlg).getByLabelText('隐患描述'), '护栏缺失');
    await chooseCategory(u, dlg, '环境因素');
    await u.click(within(dlg).getByRole('button', { name: REPORT_BUTTON }));
    await waitFor(() => expect(be.count('hazards.report')).toBe(1));
    expect(be.last('hazards.report')).toMatchObject({ photoIds: [state.uploads[1]!.id], category1: 'environment', category2: null });
  });

  test('Ctrl+Enter inside the form submits; a plain Enter in the description does not', async () => {
    const { be, dlg, onSaved } = await openQuickLog();
    const u = user();
    await chooseCategory(u, dlg, '管理因素');
    const desc = within(dlg).getByLabelText('隐患描述');
    await fill(u, desc, '消防通道被占用');
    await u.keyboard('{Enter}');
    await flush();
    expect(be.count('hazards.report')).toBe(0);
    expect(desc).toHaveValue('消防通道被占用\n');

    await u.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(be.count('hazards.report')).toBe(1));
    expect(be.last('hazards.report')).toMatchObject({ description: '消防通道被占用\n', category1: 'management', category2: null });
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
  });

  test('Ctrl+Enter on an invalid form validates instead of sending', async () => {
    const { be, dlg } = await openQuickLog();
    const u = user();
    await u.click(within(dlg).getByLabelText('具体位置'));
    await u.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(errorsOf(dlg, '隐患描述')).toEqual(['必填']));
    expect(be.count('hazards.report')).toBe(0);
  });

  test('a saved draft fills the form, shows 已恢复, and is what gets reported', async () => {
    const { be, dlg } = await openQuickLog({
      draft: {
        savedAt: '2026-04-30T18:20:33.000+08:00',
        data: {
          description: '草稿：叉车倒车报警器损坏',
          category: ['environment', 'indoor'],
          orgUnitId: 'u-ws',
          place: '成品库',
          foundAt: '2026-04-30T17:45',
          source: 'worker_report',
          productionStop: 'partial',
          photos: [],
        },
      },
    });
    expect(await within(dlg).findByText('已恢复 2026-04-30 18:20 的草稿')).toBeInTheDocument();
    expect(within(dlg).getByLabelText('隐患描述')).toHaveValue('草稿：叉车倒车报警器损坏');
    expect(within(dlg).getByLabelText('具体位置')).toHaveValue('成品库');
    expect(inputIn(dlg, '发现时间')).toHaveValue('2026-04-30 17:45');
    expect(formItem(dlg, '隐患类别')).toHaveTextContent('环境因素 / 室内作业场所环境不良');
    expect(formItem(dlg, '隐患来源')).toHaveTextContent('职工报告');

    await user().click(within(dlg).getByRole('button', { name: REPORT_BUTTON }));
    await waitFor(() => expect(be.count('hazards.report')).toBe(1));
    expect(be.last('hazards.report')).toMatchObject({
      description: '草稿：叉车倒车报警器损坏',
      category1: 'environment',
      category2: 'indoor',
      orgUnitId: 'u-ws',
      place: '成品库',
      foundAt: '2026-04-30T17:45',
      source: 'worker_report',
      productionStop: 'partial',
      photoIds: [],
    });
  });

  test('typing autosaves the draft once typing pauses (600 ms debounce)', async () => {
    const { be, state, dlg } = await openQuickLog();
    const u = userEvent.setup({ delay: null });
    await u.type(within(dlg).getByLabelText('隐患描述'), '脚手架未挂安全网');
    expect(be.count('drafts.save')).toBe(0); // not on every keystroke
    await waitFor(() => expect(be.count('drafts.save')).toBe(1), { timeout: 3000 });
    expect(be.last('drafts.save')).toMatchObject({ kind: 'hazards', data: { description: '脚手架未挂安全网', source: 'self_check', productionStop: 'none' } });
    expect(state.draft?.data).toMatchObject({ description: '脚手架未挂安全网' });
    expect(await within(dlg).findByTestId('draft-status')).toHaveTextContent('草稿已自动保存 10:11:12');
    await act(() => new Promise<void>((r) => setTimeout(r, 700)));
    expect(be.count('drafts.save')).toBe(1); // one save for the whole burst
  });

  // Regression: every autosave re-renders the form; the DatePicker got a new Dayjs each render and rc-picker
  // then dropped the typed-but-unconfirmed date, so Enter committed the old time.
  test('a date typed while an autosave lands is still what Enter commits', async () => {
    const { be, dlg } = await openQuickLog();
    const u = userEvent.setup({ delay: null });
    await fill(u, within(dlg).getByLabelText('具体位置'), '二号仓库'); // arms the autosave
    const foundAt = inputIn(dlg, '发现时间');
    await u.click(foundAt);
    await u.clear(foundAt);
    await u.type(foundAt, '2026-04-27 08:30');
    await within(dlg).findByText(/草稿已自动保存/); // the autosave re-render happened with the date still unconfirmed
    await u.keyboard('{Enter}');
    await u.click(within(dlg).getByLabelText('具体位置'));
    expect(foundAt).toHaveValue('2026-04-27 08:30');
    await fill(u, within(dlg).getByLabelText('隐患描述'), '地沟盖板缺失');
    await chooseCategory(u, dlg, '环境因素');
    await u.click(within(dlg).getByRole('button', { name: REPORT_BUTTON }));
    await waitFor(() => expect(be.count('hazards.report')).toBe(1));
    expect(be.last('hazards.report')).toMatchObject({ foundAt: '2026-04-27T08:30', place: '二号仓库' });
  });

  test('an image pasted anywhere in the form is attached (not only in the photo box)', async () => {
    const { be, state, dlg } = await openQuickLog();
    const description = within(dlg).getByLabelText('隐患描述');
    fireEvent.paste(description, { clipboardData: { files: [new File(['png-bytes'], 'image.png', { type: 'image/png' })], getData: () => '' } });
    await waitFor(() => expect(state.uploads).toHaveLength(1));
    expect(be.last('attachments.upload')).toMatchObject({ fileName: 'image.png' });
    expect(await within(dlg).findByAltText('image.png')).toBeInTheDocument();
    // pasting text stays text: nothing is uploaded
    fireEvent.paste(within(dlg).getByLabelText('具体位置'), { clipboardData: { files: [], getData: () => '二号仓库' } });
    await flush();
    expect(state.uploads).toHaveLength(1);
    // a paste into the photo box itself is handled there, once
    fireEvent.paste(within(dlg).getByRole('group', { name: '整改前照片' }), { clipboardData: { files: [new File(['png-2'], 'second.png', { type: 'image/png' })], getData: () => '' } });
    await waitFor(() => expect(state.uploads).toHaveLength(2));
    await flush();
    expect(state.uploads).toHaveLength(2);
  });

  test('a discovery date more than a year back asks for confirmation (and names the serial year)', async () => {
    const { be, dlg } = await openQuickLog({
      draft: { savedAt: '2026-04-30T18:20:33.000+08:00', data: { description: '旧隐患补录', category: ['environment'], foundAt: '2023-03-05T09:30', source: 'self_check', productionStop: 'none', photos: [] } },
    });
    await within(dlg).findByText(/已恢复/);
    const u = user();
    await u.click(within(dlg).getByRole('button', { name: REPORT_BUTTON }));
    const lastConfirm = () =>
      waitFor(() => {
        const all = [...document.querySelectorAll<HTMLElement>('.ant-modal-confirm')].filter((m) => m.textContent?.includes('发现时间在一年以前'));
        expect(all.length).toBeGreaterThan(0);
        return all.at(-1)!;
      });
    const confirm = await lastConfirm();
    expect(confirm).toHaveTextContent('发现时间为 2023-03-05，隐患将按 2023 年编号');
    await u.click(within(confirm).getByRole('button', { name: label('取消') }));
    await waitFor(() => expect(errorsOf(dlg, '发现时间')).toEqual(['请核对发现时间']));
    expect(be.count('hazards.report')).toBe(0);
    await u.click(within(dlg).getByRole('button', { name: REPORT_BUTTON }));
    // the first confirmation may still be closing: the newest one is the last in the document
    await waitFor(() => expect(document.querySelectorAll('.ant-modal-confirm').length).toBeLessThan(2));
    const again = await lastConfirm();
    await u.click(within(again).getByRole('button', { name: '日期无误，上报' }));
    await waitFor(() => expect(be.count('hazards.report')).toBe(1));
    expect(be.last('hazards.report')).toMatchObject({ foundAt: '2023-03-05T09:30' });
  });

  test('a discovery date before 2000 is refused on the field before anything is sent', async () => {
    const { be, dlg } = await openQuickLog({
      draft: { savedAt: '2026-04-30T18:20:33.000+08:00', data: { description: '录入错误', category: ['environment'], foundAt: '1999-03-05T09:30', source: 'self_check', productionStop: 'none', photos: [] } },
    });
    await within(dlg).findByText(/已恢复/);
    await user().click(within(dlg).getByRole('button', { name: REPORT_BUTTON }));
    await waitFor(() => expect(errorsOf(dlg, '发现时间')).toEqual(['发现时间不能早于 2000 年']));
    expect(be.count('hazards.report')).toBe(0);
  });

  test('放弃草稿 calls drafts.clear and empties the form', async () => {
    const { be, state, dlg } = await openQuickLog({
      draft: { savedAt: '2026-04-30T18:20:00.000+08:00', data: { description: '旧草稿', place: '一号门', category: ['human'] } },
    });
    await within(dlg).findByText('已恢复 2026-04-30 18:20 的草稿');
    await user().click(within(dlg).getByRole('button', { name: '放弃草稿' }));
    await waitFor(() => expect(be.inputs('drafts.clear')).toEqual([{ kind: 'hazards' }]));
    await waitFor(() => expect(within(dlg).getByLabelText('隐患描述')).toHaveValue(''));
    expect(within(dlg).getByLabelText('具体位置')).toHaveValue('');
    expect(formItem(dlg, '隐患类别')).not.toHaveTextContent('人的因素');
    expect(within(dlg).queryByText(/已恢复/)).toBeNull();
    expect(state.draft).toBeNull();
    expect(be.count('hazards.report')).toBe(0);
  });

  test('a backend VALIDATION error with field issues lands on that field; the draft is kept', async () => {
    const { be, dlg, onSaved } = await openQuickLog();
    be.fail('hazards.report', 'VALIDATION', '发现时间不能晚于现在', { issues: [{ path: 'foundAt', message: 'v.futureDate' }] });
    const u = user();
    await fill(u, within(dlg).getByLabelText('隐患描述'), '吊钩防脱装置缺失');
    await chooseCategory(u, dlg, '物的因素', '物理性危险和有害因素');
    await u.click(within(dlg).getByRole('button', { name: REPORT_BUTTON }));
    await waitFor(() => expect(errorsOf(dlg, '发现时间')).toEqual(['日期不能晚于今天']));
    expect(errorsOf(dlg, '隐患描述')).toEqual([]);
    expect(be.count('hazards.report')).toBe(1);
    expect(be.validationFailures()).toEqual([]); // the UI's input was valid; the refusal is the service's
    expect(be.count('drafts.clear')).toBe(0);
    expect(onSaved).not.toHaveBeenCalled();
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });
});

// ---------------------------------------------------------------------------------------------------------
// ActionDialog
// ---------------------------------------------------------------------------------------------------------

async function openAction(action: HazardAction, h: HazardDetail, others: HazardDetail[] = []) {
  const { be, state } = hazardBackend({ hazards: [h, ...others] });
  const onDone = vi.fn();
  const onClose = vi.fn();
  renderInProviders(<ActionDialog action={action} hazard={structuredClone(h)} onClose={onClose} onDone={onDone} />);
  const dlg = await screen.findByRole('dialog');
  return { be, state, dlg, onDone, onClose };
}

const GOV_LABELS = ['治理的目标和任务', '采取的方法和措施', '经费和物资的落实', '负责治理的机构和人员', '治理的时限和要求', '安全措施和应急预案'];

function confirmed(p: Partial<HazardDetail> = {}) {
  return makeHazard({ id: 'h-1', serial: 'YH-2026-0001', description: '冲压机光电保护失效', status: 'confirmed', grade: 'general', lec: { l: 3, e: 6, c: 7 }, riskD: 126, risk: 'yellow', allowedActions: ['assign', 'cancel'], ...p });
}

describe('ActionDialog', () => {
  test('assign without the 五落实 fields shows the messages and sends nothing', async () => {
    const { be, dlg, onDone } = await openAction('assign', confirmed());
    await user().click(okButton(dlg));
    await waitFor(() => expect(errorsOf(dlg, '整改措施')).toEqual(['必填']));
    // left empty, the deadline and the amount are "required" (not a format error)
    expect(errorsOf(dlg, '整改期限')).toEqual(['必填']);
    expect(errorsOf(dlg, '整改责任人')).toEqual(['必填']);
    expect(errorsOf(dlg, '整改资金（元）')).toEqual(['必填']);
    expect(errorsOf(dlg, '应急预案')).toEqual(['必填']);
    await flush();
    expect(be.count('hazards.assign')).toBe(0);
    expect(onDone).not.toHaveBeenCalled();
  });

  test('assign for a general hazard: no governance fields, governancePlan null, funds sent in yuan (1200.5)', async () => {
    const { be, dlg, onDone } = await openAction('assign', confirmed());
    expect(within(dlg).queryByText('重大隐患治理方案')).toBeNull();
    for (const l of GOV_LABELS) expect(within(dlg).queryByText(l)).toBeNull();
    const u = user();
    await pick(u, inputIn(dlg, '整改责任人'), '赵工 · E010 · 一车间');
    await u.click(inputIn(dlg, '整改资金（元）'));
    await u.keyboard('1200.5');
    await typeDate(u, inputIn(dlg, '整改期限'), '2026-06-30');
    await fill(u, within(dlg).getByLabelText('整改措施'), '更换光电保护装置，恢复双手按钮');
    await fill(u, within(dlg).getByLabelText('应急预案'), '执行《机械伤害专项应急预案》');
    await u.click(okButton(dlg));

    await waitFor(() => expect(be.count('hazards.assign')).toBe(1));
    expect(be.last('hazards.assign')).toMatchObject({
      id: 'h-1',
      responsibleId: 'w-zhao',
      plannedFunds: 1200.5, // yuan; the backend converts to fen
      deadline: '2026-06-30',
      measures: '更换光电保护装置，恢复双手按钮',
      emergencyPlan: '执行《机械伤害专项应急预案》',
      governancePlan: null,
    });
    const call = be.calls.find((c) => c.channel === 'hazards.assign')!;
    expect(call.parsed).toMatchObject({ plannedFunds: 120050, governancePlan: null });
    expect(call.result.ok).toBe(true);
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    expect((onDone.mock.calls[0]![0] as HazardDetail).status).toBe('assigned');
  });

  test('a major hazard: the measures and the emergency plan typed in the 五落实 are carried into the governance plan, never over the user’s own text', async () => {
    const { dlg } = await openAction('assign', confirmed({ grade: 'major' }));
    const u = user();
    await fill(u, within(dlg).getByLabelText('应急预案'), '执行专项应急预案');
    expect(within(dlg).getByLabelText('安全措施和应急预案')).toHaveValue('执行专项应急预案');
    await fill(u, within(dlg).getByLabelText('整改措施'), '更换阀门');
    expect(within(dlg).getByLabelText('采取的方法和措施')).toHaveValue('更换阀门');
    // the user's own text in the plan stays when the 五落实 changes again
    await u.clear(within(dlg).getByLabelText('采取的方法和措施'));
    await fill(u, within(dlg).getByLabelText('采取的方法和措施'), '更换阀门并加装液位报警');
    await u.clear(within(dlg).getByLabelText('整改措施'));
    await fill(u, within(dlg).getByLabelText('整改措施'), '更换全部阀门');
    expect(within(dlg).getByLabelText('采取的方法和措施')).toHaveValue('更换阀门并加装液位报警');
    expect(within(dlg).getByLabelText('安全措施和应急预案')).toHaveValue('执行专项应急预案');
  });

  test('assign for a major hazard requires the six governance-plan fields and sends them', async () => {
    const major = confirmed({
      grade: 'major',
      status: 'assigned',
      responsibleId: 'w-zhao',
      responsibleName: '赵工',
      measures: '加装防护罩',
      plannedFunds: 500000,
      deadline: '2026-07-15',
      emergencyPlan: '专项预案',
    });
    const { be, dlg, onDone } = await openAction('assign', major);
    expect(within(dlg).getByText('重大隐患治理方案')).toBeInTheDocument();
    for (const l of GOV_LABELS) expect(formItem(dlg, l)).toBeInTheDocument();
    // the current 五落实 is prefilled, funds shown in yuan
    expect(inputIn(dlg, '整改资金（元）')).toHaveValue('5000.00');
    expect(inputIn(dlg, '整改期限')).toHaveValue('2026-07-15');
    expect(formItem(dlg, '整改责任人')).toHaveTextContent('赵工');

    const u = user();
    await u.click(okButton(dlg));
    await waitFor(() => expect(GOV_LABELS.map((l) => errorsOf(dlg, l))).toEqual(GOV_LABELS.map(() => ['必填'])));
    expect(errorsOf(dlg, '整改措施')).toEqual([]);
    await flush();
    expect(be.count('hazards.assign')).toBe(0);

    for (const [i, l] of GOV_LABELS.entries()) await fill(u, within(dlg).getByLabelText(l), `方案第${i + 1}项`);
    await u.click(okButton(dlg));
    await waitFor(() => expect(be.count('hazards.assign')).toBe(1));
    expect(be.last('hazards.assign')).toMatchObject({
      id: 'h-1',
      responsibleId: 'w-zhao',
      plannedFunds: 5000,
      deadline: '2026-07-15',
      governancePlan: { targets: '方案第1项', methods: '方案第2项', funding: '方案第3项', organisation: '方案第4项', timeline: '方案第5项', safetyPlan: '方案第6项' },
    });
    expect(be.validationFailures()).toEqual([]);
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
  });

  test('confirm: LEC selects drive the D preview from hazards.lecPreview; grade and lec are sent', async () => {
    const reported = makeHazard({ id: 'h-1', serial: 'YH-2026-0001', description: '行车钢丝绳断股' });
    const { be, dlg, onDone } = await openAction('confirm', reported);
    const preview = within(dlg).getByTestId('lec-preview');
    expect(preview).toHaveTextContent('D 风险值：—');
    expect(within(dlg).getByRole('radio', { name: '一般隐患' })).toBeChecked(); // default grade

    // without LEC nothing is sent
    const u = user();
    await u.click(okButton(dlg));
    // left empty, each LEC value is "required", not "out of range"
    await waitFor(() => expect(errorsOf(dlg, 'L 事故发生的可能性')).toEqual(['必填']));
    expect(errorsOf(dlg, 'E 暴露于危险环境的频繁程度')).toEqual(['必填']);
    expect(errorsOf(dlg, 'C 发生事故可能造成的后果')).toEqual(['必填']);
    expect(be.count('hazards.confirm')).toBe(0);

    // each value with its standard meaning
    await pick(u, inputIn(dlg, 'L 事故发生的可能性'), '3 — 可能，但不经常');
    await waitFor(() => expect(errorsOf(dlg, 'L 事故发生的可能性')).toEqual([])); // cleared as the field becomes valid
    await pick(u, inputIn(dlg, 'E 暴露于危险环境的频繁程度'), '6 — 每天工作时间内暴露');
    await flush();
    expect(be.count('hazards.lecPreview')).toBe(0); // only once all three are chosen
    expect(preview).toHaveTextContent('D 风险值：—');
    await pick(u, inputIn(dlg, 'C 发生事故可能造成的后果'), '15 — 非常严重，一人死亡');
    await waitFor(() => expect(preview).toHaveTextContent('较大风险 D=270'));
    expect(be.last('hazards.lecPreview')).toEqual({ l: 3, e: 6, c: 15 });

    await u.click(within(dlg).getByRole('radio', { name: '重大隐患' }));
    await u.click(okButton(dlg));
    await waitFor(() => expect(be.count('hazards.confirm')).toBe(1));
    expect(be.last('hazards.confirm')).toMatchObject({
      id: 'h-1',
      grade: 'major',
      lec: { l: 3, e: 6, c: 15 },
      category1: 'material',
      category2: 'physical',
      accidentType: 'machinery',
    });
    expect(be.validationFailures()).toEqual([]);
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    expect(onDone.mock.calls[0]![0]).toMatchObject({ status: 'confirmed', grade: 'major', riskD: 270, risk: 'orange' });
  });

  test('the LEC pickers list every value with its standard meaning (L, E, C), in English too', async () => {
    const { dlg } = await openAction('confirm', makeHazard({ id: 'h-1', serial: 'YH-2026-0001', description: '行车钢丝绳断股' }));
    const u = user();
    const titles = async (fieldLabel: string) => {
      const combo = inputIn(dlg, fieldLabel);
      await u.click(combo);
      const list = await waitFor(() => {
        const d = document.getElementById(combo.getAttribute('aria-controls')!)?.closest('.ant-select-dropdown');
        const opts = [...(d?.querySelectorAll('.ant-select-item-option') ?? [])].map((o) => o.getAttribute('title'));
        expect(opts.length).toBeGreaterThan(0);
        return opts;
      });
      await u.keyboard('{Escape}');
      return list;
    };
    expect(await titles('L 事故发生的可能性')).toEqual([
      '10 — 完全可以预料', '6 — 相当可能', '3 — 可能，但不经常', '1 — 可能性小，完全意外', '0.5 — 很不可能，可以设想', '0.2 — 极不可能', '0.1 — 实际不可能',
    ]);
    expect(await titles('E 暴露于危险环境的频繁程度')).toEqual([
      '10 — 连续暴露', '6 — 每天工作时间内暴露', '3 — 每周一次或偶然暴露', '2 — 每月一次暴露', '1 — 每年几次暴露', '0.5 — 非常罕见地暴露',
    ]);
    expect(await titles('C 发生事故可能造成的后果')).toEqual([
      '100 — 大灾难，许多人死亡', '40 — 灾难，数人死亡', '15 — 非常严重，一人死亡', '7 — 严重，重伤', '3 — 重大，致残', '1 — 引人注目，需要救护',
    ]);
  });

  test('assign: each field message goes away as that field becomes valid', async () => {
    const { dlg } = await openAction('assign', confirmed());
    const u = user();
    await u.click(okButton(dlg));
    await waitFor(() => expect(errorsOf(dlg, '整改措施')).toEqual(['必填']));
    await fill(u, within(dlg).getByLabelText('整改措施'), '更换光电保护装置');
    await waitFor(() => expect(errorsOf(dlg, '整改措施')).toEqual([]));
    expect(errorsOf(dlg, '应急预案')).toEqual(['必填']); // the others stay until corrected
    await u.click(inputIn(dlg, '整改资金（元）'));
    await u.keyboard('100');
    await waitFor(() => expect(errorsOf(dlg, '整改资金（元）')).toEqual([]));
    await typeDate(u, inputIn(dlg, '整改期限'), '2026-06-30');
    await waitFor(() => expect(errorsOf(dlg, '整改期限')).toEqual([]));
    await pick(u, inputIn(dlg, '整改责任人'), '赵工 · E010 · 一车间');
    await waitFor(() => expect(errorsOf(dlg, '整改责任人')).toEqual([]));
    expect(errorsOf(dlg, '应急预案')).toEqual(['必填']);
  });

  test('assign: a deadline before the finding says so on the field (not a date-format message), from the form and from the backend', async () => {
    // a re-assignment whose stored deadline precedes the finding date (corrected since): the form says why
    const { be, dlg } = await openAction(
      'assign',
      confirmed({ status: 'assigned', foundDate: '2026-04-20', responsibleId: 'w-zhao', responsibleName: '赵工', measures: '加装防护罩', plannedFunds: 10000, deadline: '2026-04-10', emergencyPlan: '预案' }),
    );
    const u = user();
    await u.click(okButton(dlg));
    await waitFor(() => expect(errorsOf(dlg, '整改期限')).toEqual(['整改期限不能早于发现日期']));
    await flush();
    expect(be.count('hazards.assign')).toBe(0);
    // a valid one in the form that the backend still refuses: its own message on the field
    be.fail('hazards.assign', 'VALIDATION', 'err.hazard.deadlineBeforeFound', { issues: [{ path: 'deadline', message: 'err.hazard.deadlineBeforeFound' }] });
    await typeDate(u, inputIn(dlg, '整改期限'), '2026-06-30');
    await waitFor(() => expect(errorsOf(dlg, '整改期限')).toEqual([]));
    await u.click(okButton(dlg));
    await waitFor(() => expect(errorsOf(dlg, '整改期限')).toEqual(['整改期限不能早于发现日期']));
    expect(within(dlg).queryByText('日期格式应为 YYYY-MM-DD')).toBeNull();
  });

  test('submit: the messages go away as the note, the amount and the photo are given', async () => {
    const { dlg, state } = await openAction('submit', confirmed({ status: 'rectifying', allowedActions: ['submit', 'cancel'] }));
    const u = user();
    await u.click(okButton(dlg));
    await waitFor(() => expect(errorsOf(dlg, '整改情况')).toEqual(['必填']));
    expect(errorsOf(dlg, '实际投入资金（元）')).toEqual(['必填']);
    expect(errorsOf(dlg, '整改后照片')).toEqual(['提交验收须附整改后照片']);
    await fill(u, within(dlg).getByLabelText('整改情况'), '已更换');
    await waitFor(() => expect(errorsOf(dlg, '整改情况')).toEqual([]));
    await u.click(inputIn(dlg, '实际投入资金（元）'));
    await u.keyboard('12');
    await waitFor(() => expect(errorsOf(dlg, '实际投入资金（元）')).toEqual([]));
    await u.upload(within(dlg).getByTestId('photo-input'), new File(['after'], '整改后.jpg', { type: 'image/jpeg' }));
    await waitFor(() => expect(state.uploads).toHaveLength(1));
    await waitFor(() => expect(errorsOf(dlg, '整改后照片')).toEqual([]));
  });

  test('resubmitting after a rejection starts from the previous note and funds', async () => {
    const rejected = confirmed({
      status: 'rectifying',
      allowedActions: ['submit', 'cancel'],
      rectificationNote: '已更换光电保护装置',
      actualFunds: 98050,
      photos: [{ ...attachment('att-a1', '第一次.png'), phase: 'after' }],
    });
    const { be, dlg } = await openAction('submit', rejected);
    expect(within(dlg).getByLabelText('整改情况')).toHaveValue('已更换光电保护装置');
    expect(inputIn(dlg, '实际投入资金（元）')).toHaveValue('980.50');
    const u = user();
    await u.type(within(dlg).getByLabelText('整改情况'), '，并加装防护栏');
    await u.click(okButton(dlg));
    await waitFor(() => expect(be.count('hazards.submit')).toBe(1));
    expect(be.last('hazards.submit')).toMatchObject({ rectificationNote: '已更换光电保护装置，并加装防护栏', actualFunds: 980.5, afterPhotoIds: ['att-a1'] });
  });

  test('reject without a reason shows 请填写原因; with one it sends hazards.reject', async () => {
    const submitted = confirmed({ status: 'submitted', allowedActions: ['accept', 'reject'] });
    const { be, dlg, onDone } = await openAction('reject', submitted);
    const u = user();
    await u.click(okButton(dlg));
    await waitFor(() => expect(errorsOf(dlg, '不通过原因')).toEqual(['请填写原因']));
    await fill(u, within(dlg).getByLabelText('不通过原因'), '   ');
    await u.click(okButton(dlg));
    await waitFor(() => expect(errorsOf(dlg, '不通过原因')).toEqual(['请填写原因']));
    await flush();
    expect(be.count('hazards.reject')).toBe(0);

    await fill(u, within(dlg).getByLabelText('不通过原因'), '整改后照片看不清防护罩');
    await u.click(okButton(dlg));
    await waitFor(() => expect(be.count('hazards.reject')).toBe(1));
    expect(be.last('hazards.reject')).toEqual({ id: 'h-1', reason: '整改后照片看不清防护罩' }); // trimmed
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
  });

  test('cancel as a duplicate needs the duplicate picked; the list offers other hazards only', async () => {
    const other = makeHazard({ id: 'h-2', serial: 'YH-2026-0002', description: '冲压机光电保护装置失效（重复）' });
    const { be, dlg, onDone } = await openAction('cancel', confirmed({ status: 'reported', allowedActions: ['confirm', 'cancel'] }), [other]);
    expect(within(dlg).getByRole('radio', { name: '无效隐患' })).toBeChecked();
    expect(within(dlg).queryByText('与之重复的隐患')).toBeNull();
    const u = user();
    await u.click(within(dlg).getByRole('radio', { name: '重复上报' }));
    const dupField = await waitFor(() => formItem(dlg, '与之重复的隐患'));
    await waitFor(() => expect(be.count('hazards.list')).toBe(1));
    expect(be.last('hazards.list')).toMatchObject({ status: 'all' });
    await fill(u, within(dlg).getByLabelText('作废原因'), '同一问题已由班组上报');

    await u.click(okButton(dlg));
    await waitFor(() => expect(errorsOf(dlg, '与之重复的隐患')).toEqual(['必填']));
    expect(onDone).not.toHaveBeenCalled();
    expect(be.calls.filter((c) => c.channel === 'hazards.cancel' && c.result.ok)).toHaveLength(0);

    const combo = dupField.querySelector<HTMLInputElement>('input')!;
    await u.click(combo);
    const listId = combo.getAttribute('aria-controls')!;
    await waitFor(() => expect(document.getElementById(listId)?.closest('.ant-select-dropdown')?.querySelector('.ant-select-item-option')).toBeTruthy());
    const titles = [...document.getElementById(listId)!.closest('.ant-select-dropdown')!.querySelectorAll('.ant-select-item-option')].map((o) => o.getAttribute('title'));
    expect(titles).toEqual(['YH-2026-0002 冲压机光电保护装置失效（重复）']); // not the hazard itself
    await pick(u, combo, 'YH-2026-0002 冲压机光电保护装置失效（重复）');
    await u.click(okButton(dlg));
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    expect(be.last('hazards.cancel')).toEqual({ id: 'h-1', kind: 'duplicate', duplicateOf: 'h-2', reason: '同一问题已由班组上报' });
  });

  test('submit without an after photo shows the after-photo message; with one it sends afterPhotoIds', async () => {
    const rectifying = confirmed({ status: 'rectifying', allowedActions: ['submit', 'cancel'], photos: [{ ...attachment('att-b1', '整改前.png'), phase: 'before' }] });
    const { be, state, dlg, onDone } = await openAction('submit', rectifying);
    const u = user();
    await fill(u, within(dlg).getByLabelText('整改情况'), '已更换光电保护装置并试车');
    await u.click(inputIn(dlg, '实际投入资金（元）'));
    await u.keyboard('980');
    await u.click(okButton(dlg));
    await waitFor(() => expect(errorsOf(dlg, '整改后照片')).toEqual(['提交验收须附整改后照片']));
    expect(errorsOf(dlg, '整改情况')).toEqual([]);
    await flush();
    expect(be.count('hazards.submit')).toBe(0);

    await u.upload(within(dlg).getByTestId('photo-input'), new File(['after'], '整改后.jpg', { type: 'image/jpeg' }));
    await waitFor(() => expect(state.uploads).toHaveLength(1));
    await u.click(okButton(dlg));
    await waitFor(() => expect(be.count('hazards.submit')).toBe(1));
    const sent = be.last('hazards.submit') as Record<string, unknown>;
    expect(sent).toMatchObject({ id: 'h-1', rectificationNote: '已更换光电保护装置并试车', actualFunds: 980, afterPhotoIds: [state.uploads[0]!.id] });
    expect(sent).not.toHaveProperty('photos');
    expect(be.validationFailures()).toEqual([]);
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
  });
});

// ---------------------------------------------------------------------------------------------------------
// HazardDrawer
// ---------------------------------------------------------------------------------------------------------

async function openDrawer(h: HazardDetail, others: HazardDetail[] = []) {
  const { be, state } = hazardBackend({ hazards: [h, ...others] });
  const onChanged = vi.fn();
  const onClose = vi.fn();
  const view = renderInProviders(<HazardDrawer id={h.id} onClose={onClose} onChanged={onChanged} />);
  await screen.findByTestId('hazard-serial');
  return { be, state, onChanged, onClose, view };
}
const actionButtons = () => within(screen.getByTestId('hazard-actions')).queryAllByRole('button').map((b) => b.textContent?.replace(/\s+/g, ''));

const assigned = () =>
  makeHazard({
    id: 'h-1',
    serial: 'YH-2026-0007',
    description: '三号压力机光电保护失效',
    status: 'submitted',
    grade: 'general',
    lec: { l: 3, e: 6, c: 7 },
    riskD: 126,
    risk: 'yellow',
    responsibleId: 'w-zhao',
    responsibleName: '赵工',
    measures: '更换光电保护装置',
    plannedFunds: 500000,
    actualFunds: 480050,
    deadline: '2026-05-15',
    emergencyPlan: '机械伤害专项预案',
    rectificationNote: '已更换并试车',
    allowedActions: ['accept', 'reject'],
    events: [
      { seq: 1, at: '2026-04-20T09:30:00.000+08:00', actorName: '王主席', action: 'report', fromStatus: null, toStatus: 'reported', comment: null },
      { seq: 2, at: '2026-04-21T10:00:00.000+08:00', actorName: '李安全', action: 'confirm', fromStatus: 'reported', toStatus: 'confirmed', comment: '定为一般隐患' },
      { seq: 3, at: '2026-04-22T08:15:00.000+08:00', actorName: '李安全', action: 'assign', fromStatus: 'confirmed', toStatus: 'assigned', comment: null },
      { seq: 4, at: '2026-05-03T16:40:00.000+08:00', actorName: '赵工', action: 'submit', fromStatus: 'rectifying', toStatus: 'submitted', comment: '请验收' },
    ],
  });

describe('HazardDrawer', () => {
  test('only the actions in allowedActions are offered', async () => {
    const { view } = await openDrawer(assigned());
    expect(actionButtons()).toEqual(['验收通过（销号）', '验收不通过']);
    expect(screen.queryByRole('button', { name: '开始整改' })).toBeNull();
    expect(screen.queryByRole('button', { name: label('更正') })).toBeNull(); // open records are not corrected
    expect(screen.getByRole('button', { name: '验收记录 PDF' })).toBeInTheDocument(); // submitted
    view.unmount();

    await openDrawer(
      makeHazard({ id: 'h-9', serial: 'YH-2026-0009', description: '安全通道堵塞', status: 'assigned', responsibleId: 'w-zhao', responsibleName: '赵工', deadline: '2026-05-10', allowedActions: ['start', 'cancel'] }),
    );
    expect(actionButtons()).toEqual(['开始整改', '作废']);
    expect(screen.queryByRole('button', { name: '验收通过（销号）' })).toBeNull();
    expect(screen.queryByRole('button', { name: '验收记录 PDF' })).toBeNull();
    expect(screen.getByRole('button', { name: '整改通知单 PDF' })).toBeInTheDocument();
  });

  test('the 五落实 card shows responsible person, funds in yuan and deadline; unassigned shows the empty text', async () => {
    const { view } = await openDrawer(assigned());
    const card = screen.getByTestId('five-impl');
    const text = card.textContent ?? '';
    expect(text).toContain('整改责任人赵工');
    expect(text).toContain('整改资金（元）5,000.00');
    expect(text).toContain('实际投入资金（元）4,800.50');
    expect(text).toContain('整改期限2026-05-15');
    expect(text).toContain('整改措施更换光电保护装置');
    expect(text).toContain('应急预案机械伤害专项预案');
    expect(text).toContain('整改情况已更换并试车');
    expect(text).not.toContain('尚未落实整改');
    view.unmount();

    await openDrawer(makeHazard({ id: 'h-2', serial: 'YH-2026-0002', description: '未定级' }));
    expect(screen.getByTestId('five-impl')).toHaveTextContent('尚未落实整改（五落实）');
  });

  test('a major hazard shows its governance plan in the 五落实 card', async () => {
    await openDrawer({
      ...assigned(),
      grade: 'major',
      governancePlan: { targets: '目标甲', methods: '方法乙', funding: '经费丙', organisation: '机构丁', timeline: '时限戊', safetyPlan: '预案己' },
    });
    const card = screen.getByTestId('five-impl');
    expect(card).toHaveTextContent('重大隐患治理方案');
    expect(card).toHaveTextContent('治理的目标和任务目标甲');
    expect(card).toHaveTextContent('安全措施和应急预案预案己');
  });

  test('the timeline lists each event with action, actor, status change, time and comment', async () => {
    await openDrawer(assigned());
    const items = [...screen.getByTestId('hazard-timeline').querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toEqual([
      '上报 · 王主席 → 已上报2026-04-20 09:30',
      '确认定级 · 李安全 → 已确认2026-04-21 10:00 · 定为一般隐患',
      '落实整改（五落实） · 李安全 → 已落实整改2026-04-22 08:15',
      '提交验收 · 赵工 → 待验收2026-05-03 16:40 · 请验收',
    ]);
  });

  test('before and after photos are loaded as thumbnails', async () => {
    const { be } = await openDrawer({
      ...assigned(),
      photos: [
        { ...attachment('att-d1', '现场.png'), phase: 'before' },
        { ...attachment('att-d2', '整改后.png'), phase: 'after' },
      ],
    });
    expect(await screen.findByAltText('整改前照片 现场.png')).toHaveAttribute('src', 'blob:ankang-test');
    expect(await screen.findByAltText('整改后照片 整改后.png')).toBeInTheDocument();
    expect(be.inputs('attachments.get')).toEqual(expect.arrayContaining([{ id: 'att-d1', size: 'thumb' }, { id: 'att-d2', size: 'thumb' }]));
  });

  test('an action from the drawer opens its dialog and the drawer shows the result', async () => {
    const { be, onChanged } = await openDrawer(assigned());
    const u = user();
    await u.click(screen.getByRole('button', { name: '验收不通过' }));
    const dlg = await screen.findByText('验收不通过 · YH-2026-0007').then((t) => t.closest('.ant-modal') as HTMLElement);
    await fill(u, within(dlg).getByLabelText('不通过原因'), '防护罩未固定');
    await u.click(okButton(dlg));
    await waitFor(() => expect(be.inputs('hazards.reject')).toEqual([{ id: 'h-1', reason: '防护罩未固定' }]));
    await waitFor(() => expect(actionButtons()).toEqual(['提交验收', '作废']));
    expect(onChanged).toHaveBeenCalledTimes(1);
    const items = [...screen.getByTestId('hazard-timeline').querySelectorAll('li')].map((li) => li.textContent);
    expect(items.at(-1)).toBe('验收不通过 · 王主席 → 整改中2026-05-01 10:00 · 防护罩未固定');
  });

  test('a closed hazard offers 更正; the correction needs a reason before hazards.correct is called', async () => {
    const closed = { ...assigned(), status: 'closed' as const, allowedActions: [], closedDate: '2026-05-04' };
    const { be, onChanged } = await openDrawer(closed);
    expect(actionButtons()).toEqual(['更正']);
    const u = user();
    await u.click(screen.getByRole('button', { name: label('更正') }));
    const dlg = (await screen.findByText('更正 · YH-2026-0007')).closest('.ant-modal') as HTMLElement;
    expect(within(dlg).getByLabelText('隐患描述')).toHaveValue('三号压力机光电保护失效');
    await u.clear(within(dlg).getByLabelText('隐患描述'));
    await fill(u, within(dlg).getByLabelText('隐患描述'), '3 号压力机光电保护装置失效');
    await u.click(within(dlg).getByRole('button', { name: label('保存') }));
    await waitFor(() => expect(errorsOf(dlg, '更正原因')).toEqual(['请填写原因']));
    await flush();
    expect(be.count('hazards.correct')).toBe(0);

    await fill(u, within(dlg).getByLabelText('更正原因'), '设备编号写法统一');
    await u.click(within(dlg).getByRole('button', { name: label('保存') }));
    await waitFor(() => expect(be.count('hazards.correct')).toBe(1));
    expect(be.last('hazards.correct')).toEqual({ id: 'h-1', changes: { description: '3 号压力机光电保护装置失效', place: '3 号压力机' }, reason: '设备编号写法统一' });
    await waitFor(() => expect(screen.getByText('3 号压力机光电保护装置失效')).toBeInTheDocument());
    expect(onChanged).toHaveBeenCalledTimes(1);
    expect(be.validationFailures()).toEqual([]);
  });

  test('整改通知单 PDF calls hazards.noticePdf and downloads the file', async () => {
    const downloads = captureDownloads();
    const { be } = await openDrawer(assigned());
    await user().click(screen.getByRole('button', { name: '整改通知单 PDF' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(be.inputs('hazards.noticePdf')).toEqual([{ id: 'h-1' }]);
    // the host delivers the file the core wrote: a download of /api/file/<its id>, named as the core named it
    const ref = be.lastValue('hazards.noticePdf')!;
    expect(downloads[0]).toEqual({ download: '整改通知单-YH-2026-0007.pdf', href: `/api/file/${ref.fileId}?token=` });
    // a long job: the call asked for progress and can be cancelled
    expect(be.calls.find((c) => c.channel === 'hazards.noticePdf')).toMatchObject({ progress: true, cancellable: true });
    expect(be.count('hazards.acceptancePdf')).toBe(0);
  });

  test('the notice is offered only once the 五落实 exist, and never for a voided hazard', async () => {
    const notice = () => screen.queryByRole('button', { name: '整改通知单 PDF' });
    const first = await openDrawer(makeHazard({ id: 'h-2', serial: 'YH-2026-0002', description: '刚上报的隐患' }));
    expect(notice()).toBeNull();
    first.view.unmount();
    const second = await openDrawer(confirmed({ id: 'h-3', serial: 'YH-2026-0003' }));
    expect(notice()).toBeNull();
    second.view.unmount();
    const third = await openDrawer({ ...assigned(), status: 'cancelled', allowedActions: [], cancelKind: 'invalid', cancelReason: '误报' });
    expect(notice()).toBeNull();
    third.view.unmount();
    await openDrawer({ ...assigned(), status: 'assigned' });
    expect(notice()).not.toBeNull();
  });

  test('after-photos are grouped by submission round; an earlier round is marked as rejected', async () => {
    const h = {
      ...assigned(),
      photos: [
        { ...attachment('att-r1', '第一次.png'), phase: 'after' as const },
        { ...attachment('att-r2', '第二次.png'), phase: 'after' as const },
      ],
      photoRounds: { 'att-r1': 1, 'att-r2': 2 },
    };
    await openDrawer(h);
    const box = screen.getByTestId('after-photos');
    await waitFor(() => expect(within(box).getAllByRole('img')).toHaveLength(2));
    expect(within(screen.getByTestId('after-round-1')).getByText('第 1 次提交（未通过）')).toBeInTheDocument();
    expect(within(screen.getByTestId('after-round-2')).getByText('第 2 次提交')).toBeInTheDocument();
    expect(within(screen.getByTestId('after-round-1')).getByRole('img')).toHaveAttribute('alt', expect.stringContaining('第一次.png'));
    expect(within(screen.getByTestId('after-round-2')).getByRole('img')).toHaveAttribute('alt', expect.stringContaining('第二次.png'));
  });

  test('a major hazard shows the report, 挂牌督办 and evaluation card; recording the report sends it and updates the card', async () => {
    const h = { ...assigned(), grade: 'major' as const, status: 'submitted' as const, allowedActions: ['reject' as const], major: null, majorActions: ['majorReport' as const, 'majorSupervise' as const, 'majorEvaluate' as const] };
    const { be } = await openDrawer(h);
    const card = screen.getByTestId('major-card');
    expect(within(card).getByTestId('major-pending')).toHaveTextContent('重大隐患须先报告监管部门');
    expect(card).toHaveTextContent('尚未报告监管部门');
    expect(card).toHaveTextContent('未挂牌督办');
    expect(card).toHaveTextContent('尚未评估');
    const u = user();
    await u.click(within(card).getByRole('button', { name: '报告监管部门' }));
    const dlg = await screen.findByText('报告监管部门 · YH-2026-0007').then((t) => t.closest('.ant-modal') as HTMLElement);
    await u.click(okButton(dlg));
    await waitFor(() => expect(errorsOf(dlg, '报告日期')).toEqual(['必填']));
    expect(errorsOf(dlg, '文号')).toEqual(['必填']);
    expect(be.count('hazards.majorReport')).toBe(0);
    await typeDate(u, inputIn(dlg, '报告日期'), '2026-04-21');
    await fill(u, within(dlg).getByLabelText('接收部门'), '椒江区应急管理局');
    await fill(u, within(dlg).getByLabelText('文号'), '恒安安〔2026〕7号');
    await fill(u, within(dlg).getByLabelText('报告内容（现状、原因、危害程度、整改难易程度）'), '光电保护失效，需停机更换');
    await u.click(okButton(dlg));
    await waitFor(() => expect(be.count('hazards.majorReport')).toBe(1));
    expect(be.last('hazards.majorReport')).toEqual({ id: 'h-1', reportedDate: '2026-04-21', body: '椒江区应急管理局', docNo: '恒安安〔2026〕7号', summary: '光电保护失效，需停机更换' });
    await waitFor(() => expect(screen.getByTestId('major-card')).toHaveTextContent('2026-04-21 · 椒江区应急管理局 · 恒安安〔2026〕7号'));
    // the toast says what was done, to which hazard (not the bare name of the button)
    expect(await screen.findByText('YH-2026-0007 报告监管部门：已完成')).toBeInTheDocument();
    expect(be.validationFailures()).toEqual([]);
  });

  test('a major hazard: the governance evaluation records who evaluated and whether it passed', async () => {
    const h = { ...assigned(), grade: 'major' as const, status: 'submitted' as const, allowedActions: ['reject' as const], majorActions: ['majorEvaluate' as const] };
    const { be } = await openDrawer(h);
    const u = user();
    await u.click(within(screen.getByTestId('major-card')).getByRole('button', { name: '治理效果评估' }));
    const dlg = await screen.findByText('治理效果评估 · YH-2026-0007').then((t) => t.closest('.ant-modal') as HTMLElement);
    await u.click(within(dlg).getByRole('radio', { name: '委托第三方机构评估' }));
    await fill(u, within(dlg).getByLabelText('评估人员/机构'), '某安全评价公司');
    await fill(u, within(dlg).getByLabelText('评估结论'), '符合安全生产条件');
    await u.click(okButton(dlg));
    await waitFor(() => expect(errorsOf(dlg, '评估结果')).toEqual(['必填']));
    await u.click(within(dlg).getByRole('radio', { name: '符合安全生产条件' }));
    await u.click(okButton(dlg));
    await waitFor(() => expect(be.count('hazards.majorEvaluate')).toBe(1));
    expect(be.last('hazards.majorEvaluate')).toMatchObject({ id: 'h-1', kind: 'third_party', evaluator: '某安全评价公司', conclusion: '符合安全生产条件', passed: true });
    // the recorded evaluation reads as one block (a Descriptions cell is a flex row: loose text nodes became columns)
    const line = await within(screen.getByTestId('major-card')).findByTestId('major-evaluation');
    expect(line.tagName).toBe('DIV');
    expect(line).toHaveTextContent(/某安全评价公司 · 符合安全生产条件\s*符合安全生产条件$/);
  });

  test('a failed PDF shows the backend message and downloads nothing', async () => {
    const downloads = captureDownloads();
    const { be } = await openDrawer(assigned());
    be.fail('hazards.acceptancePdf', 'INTERNAL', '尚未验收，不能生成验收记录');
    await user().click(screen.getByRole('button', { name: '验收记录 PDF' }));
    expect(await screen.findByText('尚未验收，不能生成验收记录')).toBeInTheDocument();
    expect(downloads).toEqual([]);
  });

  test('links: a linked hazard is listed and × unlinks it', async () => {
    const other = makeHazard({ id: 'h-2', serial: 'YH-2026-0002', description: '同一压力机', status: 'closed' });
    const { be } = await openDrawer({ ...assigned(), links: [{ id: 'h-2', serial: 'YH-2026-0002', description: '同一压力机', status: 'closed' }] }, [other]);
    expect(screen.getByText(/YH-2026-0002 · 已销号/)).toBeInTheDocument();
    await user().click(screen.getByRole('button', { name: '取消关联 YH-2026-0002' }));
    await waitFor(() => expect(be.inputs('hazards.unlink')).toEqual([{ id: 'h-1', otherId: 'h-2' }]));
    await waitFor(() => expect(screen.queryByText(/YH-2026-0002 · 已销号/)).toBeNull());
  });
});

// ---------------------------------------------------------------------------------------------------------
// LedgerPage
// ---------------------------------------------------------------------------------------------------------

function ledgerHazards(): HazardDetail[] {
  return [
    makeHazard({ id: 'h-1', serial: 'YH-2026-0001', description: '三号压力机光电保护失效', status: 'rectifying', grade: 'major', risk: 'red', riskD: 360, overdue: true }),
    makeHazard({ id: 'h-2', serial: 'YH-2026-0002', description: '配电柜前堆放杂物', status: 'confirmed', grade: 'general', risk: 'yellow', riskD: 90 }),
    makeHazard({ id: 'h-3', serial: 'YH-2026-0003', description: '灭火器过期', status: 'closed', grade: 'general', risk: 'blue', riskD: 18 }),
  ];
}

async function openLedger(init: Partial<HazardState> = {}) {
  const { be, state } = hazardBackend(init);
  renderInProviders(<LedgerPage />);
  await waitFor(() => expect(be.count('views.list')).toBe(1));
  await waitFor(() => expect(be.count('hazards.list')).toBe(1));
  await waitFor(() => expect(useLedger.getState().loading).toBe(false));
  return { be, state };
}
const statusSelect = () => screen.getByRole('combobox', { name: '状态' });
const gradeSelect = () => screen.getByRole('combobox', { name: '隐患等级' });
const riskSelect = () => screen.getByRole('combobox', { name: '风险等级' });
/** Opens the 视图 dropdown and clicks an item once the menu is interactive (a closing menu has pointer-events: none). */
async function chooseFromViews(u: ReturnType<typeof user>, name: string) {
  await u.click(screen.getByRole('button', { name: label('视图') }));
  const item = await waitFor(() => {
    const el = screen.getByRole('menuitem', { name });
    for (let n: Element | null = el; n; n = n.parentElement) {
      if (getComputedStyle(n).pointerEvents === 'none') throw new Error(`menu not interactive (${n.className})`);
    }
    return el;
  });
  await u.click(item);
}
const listQueries = (be: FakeBackend) => be.inputs('hazards.list') as Record<string, unknown>[];
const tableRows = () => [...document.querySelectorAll<HTMLElement>('.ant-table-tbody .ant-table-row, .ant-table-tbody-virtual .ant-table-row')];
const serials = () => tableRows().map((r) => within(r).getByRole('button').textContent);

describe('LedgerPage', () => {
  test('the default (open) filter with no hazards shows the 没有未销号的隐患 text and a disabled export', async () => {
    const { be } = await openLedger();
    expect(
      await screen.findByText('没有未销号的隐患。可在“状态”中选择“全部”查看已销号记录，或点“上报隐患”登记新隐患。'),
    ).toBeInTheDocument();
    expect(screen.getByTestId('ledger-total')).toHaveTextContent('共 0 条');
    expect(screen.getByRole('button', { name: '导出台账' })).toBeDisabled();
    expect(listQueries(be)[0]).toEqual({ status: 'open', sortField: 'foundAt', sortDir: 'desc', page: 1, pageSize: 100, search: '' });
    expect(be.inputs('views.list')).toEqual([{ kind: 'hazards' }]);
    expect(be.validationFailures()).toEqual([]);
  });

  test('a capped count reads 超过 N 条 (More than N in English); an exact one 共 N 条', async () => {
    const many = Array.from({ length: 12 }, (_, i) => makeHazard({ id: `hc-${i}`, serial: `YH-2026-${String(i + 1).padStart(4, '0')}`, description: `现场隐患${i}`, status: i < 3 ? 'confirmed' : 'closed' }));
    await openLedger({ hazards: many, countCap: 10 });
    // three open hazards: below the cap, counted exactly
    expect(screen.getByTestId('ledger-total')).toHaveTextContent('共 3 条');
    const u = user();
    await pick(u, statusSelect(), '全部');
    await waitFor(() => expect(screen.getByTestId('ledger-total')).toHaveTextContent('超过 10 条'));
    expect(useLedger.getState()).toMatchObject({ total: 10, totalCapped: true });
    // a search that narrows below the cap is exact again
    await u.type(screen.getByPlaceholderText('搜索编号、描述、位置、责任人、车间（空格分隔多个词）'), '现场隐患1');
    await waitFor(() => expect(screen.getByTestId('ledger-total')).toHaveTextContent('共 3 条')); // 1, 10, 11
    expect(useLedger.getState().totalCapped).toBe(false);
    act(() => useI18n.setState({ locale: 'en' }));
    try {
      act(() => useLedger.setState({ total: 10_000, totalCapped: true }));
      expect(screen.getByTestId('ledger-total')).toHaveTextContent('More than 10,000 hazards');
      act(() => useLedger.setState({ total: 9_999, totalCapped: false }));
      expect(screen.getByTestId('ledger-total')).toHaveTextContent('9999 hazards');
    } finally {
      act(() => useI18n.setState({ locale: 'zh-CN' }));
    }
  });

  test('filters send the right hazards.list query: status, grade, risk, overdue and a debounced search', async () => {
    const { be } = await openLedger({ hazards: ledgerHazards() });
    await waitFor(() => expect(serials()).toEqual(['YH-2026-0001', 'YH-2026-0002']));
    const u = user();

    await pick(u, statusSelect(), '全部');
    await waitFor(() => expect(listQueries(be).at(-1)).toMatchObject({ status: 'all', page: 1 }));
    await waitFor(() => expect(serials()).toHaveLength(3));

    await pick(u, gradeSelect(), '一般隐患');
    await waitFor(() => expect(listQueries(be).at(-1)).toMatchObject({ status: 'all', grade: 'general' }));
    await waitFor(() => expect(serials()).toEqual(['YH-2026-0002', 'YH-2026-0003']));

    await pick(u, riskSelect(), '低风险');
    await waitFor(() => expect(listQueries(be).at(-1)).toMatchObject({ status: 'all', grade: 'general', risk: 'blue' }));
    await waitFor(() => expect(serials()).toEqual(['YH-2026-0003']));

    await u.click(screen.getByRole('checkbox', { name: '只看逾期' }));
    await waitFor(() => expect(listQueries(be).at(-1)).toMatchObject({ risk: 'blue', overdue: true }));
    // a filtered, empty result has its own text
    expect(await screen.findByText('没有符合条件的隐患')).toBeInTheDocument();

    const before = be.count('hazards.list');
    await userEvent.setup({ delay: null }).type(screen.getByLabelText('搜索编号、描述、位置、责任人、车间（空格分隔多个词）'), '压力机');
    expect(be.count('hazards.list')).toBe(before); // debounced
    await waitFor(() => expect(listQueries(be).at(-1)).toMatchObject({ search: '压力机', overdue: true, page: 1 }));
    expect(listQueries(be).slice(before).map((q) => q.search)).toEqual(['压力机']); // one call, not one per character
    expect(be.validationFailures()).toEqual([]);
  });

  test('clicking sortable column headers sends sortField/sortDir', async () => {
    const { be } = await openLedger({ hazards: ledgerHazards() });
    await waitFor(() => expect(serials()).toHaveLength(2));
    const u = user();
    const header = (text: string) => screen.getByRole('columnheader', { name: new RegExp(`^${text}`) });

    await u.click(header('隐患编号'));
    await waitFor(() => expect(listQueries(be).at(-1)).toMatchObject({ sortField: 'serial', sortDir: 'asc', page: 1 }));
    expect(header('隐患编号')).toHaveAttribute('aria-sort', 'ascending');
    await u.click(header('隐患编号'));
    await waitFor(() => expect(listQueries(be).at(-1)).toMatchObject({ sortField: 'serial', sortDir: 'desc' }));

    await u.click(header('风险等级'));
    await waitFor(() => expect(listQueries(be).at(-1)).toMatchObject({ sortField: 'riskD', sortDir: 'asc' }));
    await u.click(header('到期日'));
    await waitFor(() => expect(listQueries(be).at(-1)).toMatchObject({ sortField: 'dueDate', sortDir: 'asc' }));

    // not sortable: nothing is sent
    const n = be.count('hazards.list');
    await u.click(header('隐患描述'));
    await flush();
    expect(be.count('hazards.list')).toBe(n);
    expect(be.validationFailures()).toEqual([]);
  });

  test('saving a view sends the current query; applying a view from 视图 restores its filters', async () => {
    const { be, state } = await openLedger({
      hazards: ledgerHazards(),
      views: [{ id: 'v-1', name: '逾期的红色隐患', query: { status: 'all', risk: 'red', overdue: true, search: '压力机', sortField: 'riskD', sortDir: 'desc' } }],
    });
    const u = user();
    await pick(u, statusSelect(), '全部');
    await pick(u, gradeSelect(), '重大隐患');
    await waitFor(() => expect(listQueries(be).at(-1)).toMatchObject({ status: 'all', grade: 'major' }));

    await chooseFromViews(u, '保存当前筛选为视图');
    const nameBox = await screen.findByLabelText('视图名称');
    const dlg = nameBox.closest('.ant-modal') as HTMLElement;
    expect(within(dlg).getByRole('button', { name: label('保存') })).toBeDisabled(); // a name is needed
    await fill(u, nameBox, '全部重大隐患');
    await u.click(within(dlg).getByRole('button', { name: label('保存') }));
    await waitFor(() => expect(be.count('views.save')).toBe(1));
    expect(be.last('views.save')).toEqual({
      kind: 'hazards',
      name: '全部重大隐患',
      query: { status: 'all', grade: 'major', sortField: 'foundAt', sortDir: 'desc', search: '' },
    });
    expect(state.views.map((v) => v.name)).toEqual(['逾期的红色隐患', '全部重大隐患']);

    // clear, then apply the stored view
    await chooseFromViews(u, '清除筛选');
    await waitFor(() => expect(listQueries(be).at(-1)).toEqual(initialLedgerQuery));

    await chooseFromViews(u, '逾期的红色隐患');
    await waitFor(() =>
      expect(listQueries(be).at(-1)).toEqual({ ...initialLedgerQuery, status: 'all', risk: 'red', overdue: true, search: '压力机', sortField: 'riskD', sortDir: 'desc', page: 1 }),
    );
    await waitFor(() => expect(serials()).toEqual(['YH-2026-0001']));
    expect(screen.getByLabelText('搜索编号、描述、位置、责任人、车间（空格分隔多个词）')).toHaveValue('压力机');
    expect(screen.getByRole('checkbox', { name: '只看逾期' })).toBeChecked();
    expect(riskSelect().closest('.ant-select')).toHaveTextContent('重大风险');
    expect(gradeSelect().closest('.ant-select')).not.toHaveTextContent('重大隐患');
    // the restored search box does not fire a second, debounced query
    const n = be.count('hazards.list');
    await act(() => new Promise<void>((r) => setTimeout(r, 300)));
    expect(be.count('hazards.list')).toBe(n);
    expect(be.validationFailures()).toEqual([]);
  });

  test('导出台账 calls hazards.exportLedger with the current filter (without paging) and downloads', async () => {
    const downloads = captureDownloads();
    const { be } = await openLedger({ hazards: ledgerHazards() });
    await waitFor(() => expect(serials()).toHaveLength(2));
    await pick(user(), riskSelect(), '重大风险');
    await waitFor(() => expect(serials()).toEqual(['YH-2026-0001']));
    await user().click(screen.getByRole('button', { name: '导出台账' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(be.inputs('hazards.exportLedger')).toEqual([{ status: 'open', risk: 'red', sortField: 'foundAt', sortDir: 'desc', search: '' }]);
    expect(downloads[0]!.download).toBe('隐患排查治理台账.xlsx');
    expect(downloads[0]!.href).toBe(`/api/file/${be.lastValue('hazards.exportLedger')!.fileId}?token=`);
    expect(be.validationFailures()).toEqual([]);
  });

  test('打印台账 (and Ctrl+P) makes a ledger PDF of the current filter, not a print of the screen', async () => {
    const downloads = captureDownloads();
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    const { be } = await openLedger({ hazards: ledgerHazards() });
    await waitFor(() => expect(serials()).toHaveLength(2));
    await pick(user(), riskSelect(), '重大风险');
    await waitFor(() => expect(serials()).toEqual(['YH-2026-0001']));
    await user().click(screen.getByRole('button', { name: '打印台账' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(be.inputs('hazards.ledgerPdf')).toEqual([{ status: 'open', risk: 'red', sortField: 'foundAt', sortDir: 'desc', search: '' }]);
    expect(downloads[0]!.download).toBe('隐患台账.pdf');
    expect(be.calls.find((c) => c.channel === 'hazards.ledgerPdf')).toMatchObject({ progress: true });
    await waitFor(() => expect(screen.getByRole('button', { name: '打印台账' })).toBeEnabled());
    await user().keyboard('{Control>}p{/Control}');
    await waitFor(() => expect(be.count('hazards.ledgerPdf')).toBe(2));
    expect(print).not.toHaveBeenCalled();
  });

  test('导出台账 shows progress; 取消 stops the job and nothing is downloaded', async () => {
    const downloads = captureDownloads();
    const { be } = await openLedger({ hazards: ledgerHazards() });
    await waitFor(() => expect(serials()).toHaveLength(2));
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    be.on('hazards.exportLedger', async (_i, _be, job) => {
      job.onProgress?.({ done: 2500, total: 10000, stage: 'job.writing' });
      await gate;
      if (job.signal?.aborted) throw new FakeError('CANCELLED', 'err.cancelled');
      return fakeFile('隐患排查治理台账.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    });
    await user().click(screen.getByRole('button', { name: '导出台账' }));
    const bar = await screen.findByTestId('job-progress');
    await waitFor(() => expect(bar).toHaveTextContent('正在写入 已处理 2500 / 10000'));
    expect(within(bar).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '25');
    await user().click(within(bar).getByRole('button', { name: label('取消') }));
    await waitFor(() => expect(bar).toHaveTextContent('正在取消…'));
    release();
    expect(await screen.findByText('已取消，未写入任何内容')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByTestId('job-progress')).toBeNull());
    expect(downloads).toEqual([]);
  });

  test('a job cancelled too late to stop is not downloaded', async () => {
    const downloads = captureDownloads();
    const { be } = await openLedger({ hazards: ledgerHazards() });
    await waitFor(() => expect(serials()).toHaveLength(2));
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    // this handler never looks at the signal: it finishes anyway
    be.on('hazards.exportLedger', async () => {
      await gate;
      return fakeFile('隐患排查治理台账.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    });
    await user().click(screen.getByRole('button', { name: '导出台账' }));
    const bar = await screen.findByTestId('job-progress');
    expect(bar).toHaveTextContent('正在处理…');
    await user().click(within(bar).getByRole('button', { name: label('取消') }));
    release();
    await waitFor(() => expect(screen.queryByTestId('job-progress')).toBeNull());
    await flush();
    expect(downloads).toEqual([]);
  });

  test('clicking a serial opens the hazard drawer', async () => {
    const { be } = await openLedger({ hazards: ledgerHazards() });
    await waitFor(() => expect(serials()).toHaveLength(2));
    await user().click(screen.getByRole('button', { name: 'YH-2026-0002' }));
    expect(await screen.findByTestId('hazard-serial')).toHaveTextContent('YH-2026-0002');
    expect(be.inputs('hazards.get')).toEqual([{ id: 'h-2' }]);
  });

  test('a hazard reported through 上报隐患 reloads the list and opens in the drawer', async () => {
    const { be } = await openLedger();
    const u = user();
    await u.click(screen.getByRole('button', { name: '上报隐患' }));
    const dlg = (await screen.findByText('上报隐患', { selector: '.ant-modal-title' })).closest('.ant-modal') as HTMLElement;
    await waitFor(() => expect(be.count('drafts.get')).toBe(1));
    await fill(u, within(dlg).getByLabelText('隐患描述'), '楼梯扶手松动');
    await chooseCategory(u, dlg, '环境因素', '室内作业场所环境不良');
    await u.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(be.count('hazards.report')).toBe(1));
    await waitFor(() => expect(screen.getByTestId('hazard-serial')).toHaveTextContent(/^YH-2026-0\d+$/));
    await waitFor(() => expect(be.count('hazards.list')).toBe(2));
    await waitFor(() => expect(serials()).toHaveLength(1));
    expect(screen.queryByText('上报隐患', { selector: '.ant-modal-title' })).toBeNull();
  });
});
