// The subsidy page's dossier tab: the year's dossier read and shown (the enterprise's details, the accidents of the
// last three years, the photos offered, the nominees with their record), the fields filled, a nominee added by role
// and worker with a reason, one removed, saved as a whole (the amount in yuan); a refusal about a field shown on it;
// a reader (not a union officer) sees it read-only and can still make the PDF.
import { screen, waitFor, within } from '@testing-library/react';
import { useRouter } from '../../renderer/src/app/router';
import { DossierTab } from '../../renderer/src/features/subsidy/dossier/DossierTab';
import type { Dossier, NomineeCandidate } from '../../shared/subsidy/dossier/types';
import { FakeError, makeOperator } from './fakeBackend';
import { button, fill, renderInProviders, resetStores, signedInBackend, user, adminOperator } from './harness';
import { pick } from './hazardFixtures';

beforeEach(() => resetStores());

const record = (o: Partial<NomineeCandidate['record']> = {}) => ({ hazardsFound: 0, trainings: 0, trainingHours: 0, preShift: 0, proposals: 0, wageFen: 0, ...o });
const leader: NomineeCandidate = { workerId: 'w1', empNo: 'W001', name: '张班长', workshopName: '合成车间', teamName: '甲班', roles: ['team_leader'], record: record({ hazardsFound: 3, trainings: 2, trainingHours: 12, wageFen: 540000 }) };
const officer: NomineeCandidate = { workerId: 'w2', empNo: 'W002', name: '李安全', workshopName: '合成车间', teamName: null, roles: ['safety_officer'], record: record({ proposals: 1 }) };

function dossier(year: number, o: Partial<Dossier> = {}): Dossier {
  return {
    year,
    id: 'd1',
    enterprise: { id: 'e', name: '泰州化工有限公司', uscc: '91321200MA1NX7Q8K7', address: '泰州', industry: '化工', headcount: 320, updatedAt: '' },
    fields: { contactName: '王主席', contactPhone: null, leadership: '安委会', summary: null, amountFen: 5_000_000 },
    photoIds: [],
    photoChoices: [],
    photoSources: {},
    nominees: [{ ...officer, role: 'safety_officer', reason: '提案突出', stale: false }],
    accidents: { from: `${year - 2}-01-01`, to: `${year}-12-31`, total: 1, bySeverity: { near_miss: 0, minor_injury: 1, serious_injury: 0, death: 0 }, list: [{ date: `${year - 1}-08-01`, place: '仓库', severity: 'minor_injury', description: '扭伤手腕' }] },
    updatedAt: '2025-11-30T08:00:00.000Z',
    ...o,
  };
}

describe('the dossier tab', () => {
  it('shows the year’s dossier; fields, a nominee added with a reason, one removed, saved as a whole', async () => {
    const u = user();
    const be = signedInBackend();
    const saves: unknown[] = [];
    be.on('subsidy.dossier', (i) => dossier(i.year));
    be.on('subsidy.nomineeCandidates', (i) => (i.role === 'team_leader' ? [leader] : [officer]));
    be.on('subsidy.dossierSave', (i) => {
      saves.push(i);
      return dossier(i.year, { fields: { contactName: i.contactName, contactPhone: i.contactPhone, leadership: i.leadership, summary: i.summary, amountFen: i.amountYuan } });
    });
    useRouter.setState({ route: { page: 'subsidy', id: 'dossier/2025' } });
    renderInProviders(<DossierTab />);
    const tab = await screen.findByTestId('subsidy-dossier');
    await waitFor(() => expect(tab).toHaveTextContent('泰州化工有限公司'));
    expect(screen.getByTestId('dossier-accidents')).toHaveTextContent('共 1 起：死亡 0 起，重伤 0 起，轻伤 1 起，未遂事件 0 起');
    expect(screen.getByTestId('dossier-photos')).toHaveTextContent('本年度的教育活动和文化墙还没有照片');
    expect(screen.getByRole('spinbutton', { name: '申请奖补金额' })).toHaveValue('50000.00');
    const nominees = screen.getByTestId('dossier-nominees');
    expect(nominees).toHaveTextContent('李安全');

    await fill(u, screen.getByRole('textbox', { name: '联系电话' }), '0523-8888');
    await fill(u, screen.getByRole('textbox', { name: '工作开展情况及成效' }), '全年零事故');
    expect(tab).toHaveTextContent('有未保存的修改');
    await pick(u, screen.getByRole('combobox', { name: '职工' }), '张班长（W001）甲班');
    await u.click(button('添加'));
    const row = await within(nominees).findByText('张班长');
    expect(row.closest('tr')).toHaveTextContent('3');
    expect(row.closest('tr')).toHaveTextContent('2 次 / 12 学时');
    expect(row.closest('tr')).toHaveTextContent('5,400.00');
    await fill(u, screen.getByRole('textbox', { name: '张班长 的推荐理由' }), '班组零事故');
    await u.click(screen.getByRole('button', { name: '移除 李安全' }));
    await u.click(screen.getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(saves).toHaveLength(1));
    // sent in yuan (the schema makes it fen)
    expect(be.inputs('subsidy.dossierSave')[0]).toEqual({
      year: 2025,
      contactName: '王主席',
      contactPhone: '0523-8888',
      leadership: '安委会',
      summary: '全年零事故',
      amountYuan: 50000,
      photoIds: [],
      nominees: [{ workerId: 'w1', role: 'team_leader', reason: '班组零事故' }],
    });
    await waitFor(() => expect(tab).not.toHaveTextContent('有未保存的修改'));
  });

  it('photos: each tile captioned with its activity or wall and date; one numbering, the order in the PDF; another year marked', async () => {
    const u = user();
    const be = signedInBackend();
    be.on('subsidy.dossier', (i) =>
      dossier(i.year, {
        photoIds: ['p3', 'old'],
        photoChoices: ['p1', 'p2', 'p3', 'old'],
        photoSources: {
          p1: { kind: 'activity', title: '应急演练', date: '2025-10-15' },
          p2: { kind: 'wall', wall: '合成车间 安康文化墙', date: '2025-10-04' },
          p3: { kind: 'activity', title: '年度再培训', date: '2025-05-10' },
          old: { kind: 'activity', title: '新员工厂级安全教育', date: '2024-12-28' },
        },
      }),
    );
    let refused = false;
    be.on('subsidy.dossierSave', (i) => {
      // the first save still has last year's photo: refused, said above the form
      if (!refused) {
        refused = true;
        throw new FakeError('VALIDATION', 'err.subsidy.photoOtherYear', { n: 2, date: '2024-12-28', year: 2025, issues: [{ path: 'photoIds.1', message: 'v.subsidy.photoOtherYear' }] });
      }
      return dossier(i.year);
    });
    useRouter.setState({ route: { page: 'subsidy', id: 'dossier/2025' } });
    renderInProviders(<DossierTab />);
    const photos = await screen.findByTestId('dossier-photos');
    await waitFor(() => expect(within(photos).getAllByTestId('dossier-photo')).toHaveLength(4));
    const tiles = within(photos).getAllByTestId('dossier-photo');
    expect(tiles.map((x) => within(x).getByTestId('dossier-photo-caption').getAttribute('data-caption'))).toEqual([
      '应急演练（2025-10-15）',
      '合成车间 安康文化墙（2025-10-04 更新）',
      '年度再培训（2025-05-10）',
      '新员工厂级安全教育（2024-12-28）',
    ]);
    // the chosen ones numbered as in the PDF (the order chosen), the others only “选用”: no second numbering
    expect(tiles.map((x) => within(x).getByTestId('dossier-photo-tick').closest('label')!.textContent)).toEqual(['选用', '选用', '申报书照片 1', '申报书照片 2']);
    // shown on two lines: what, then when
    expect(within(tiles[1]!).getByTestId('dossier-photo-caption')).toHaveTextContent(/^合成车间 安康文化墙2025-10-04 更新$/);
    expect(within(tiles[0]!).getByTestId('dossier-photo-caption')).toHaveTextContent(/^应急演练2025-10-15$/);
    expect(tiles[3]).toHaveTextContent('非 2025 年度，请取消勾选');
    expect(tiles[2]).not.toHaveTextContent('非 2025 年度');
    await u.click(screen.getByRole('button', { name: /保\s*存/ }));
    expect(await screen.findByTestId('dossier-save-error')).toHaveTextContent('第 2 张照片是 2024-12-28 的活动或文化墙照片，不属于 2025 年度：请取消勾选');
    await u.click(screen.getByRole('checkbox', { name: '选用：应急演练（2025-10-15）' }));
    expect(tiles[0]).toHaveTextContent('申报书照片 3');
    await u.click(screen.getByRole('checkbox', { name: '申报书照片 1：年度再培训（2025-05-10）' }));
    await u.click(screen.getByRole('checkbox', { name: '申报书照片 1：新员工厂级安全教育（2024-12-28）' }));
    expect(tiles[0]).toHaveTextContent('申报书照片 1');
    expect(tiles[2]).toHaveTextContent('选用');
    await u.click(screen.getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(be.inputs('subsidy.dossierSave')).toHaveLength(2));
    expect(be.inputs('subsidy.dossierSave')[0]).toMatchObject({ photoIds: ['p3', 'old'] });
    expect(be.inputs('subsidy.dossierSave')[1]).toMatchObject({ photoIds: ['p1'] });
  });

  it('a refusal about a field is shown on it; one about a nominee above the form', async () => {
    const u = user();
    const be = signedInBackend();
    be.on('subsidy.dossier', (i) => dossier(i.year, { id: null, nominees: [], updatedAt: null }));
    be.on('subsidy.nomineeCandidates', () => []);
    let refuse: FakeError = new FakeError('VALIDATION', 'v.invalid', { issues: [{ path: 'contactPhone', message: 'v.tooLong' }] });
    be.on('subsidy.dossierSave', () => {
      throw refuse;
    });
    useRouter.setState({ route: { page: 'subsidy', id: 'dossier/2025' } });
    renderInProviders(<DossierTab />);
    expect(await screen.findByText('2025 年度的申报材料尚未保存：填写后点击“保存”。')).toBeInTheDocument();
    await u.click(screen.getByRole('button', { name: /保\s*存/ }));
    expect(await screen.findByText('内容过长')).toBeInTheDocument();
    refuse = new FakeError('VALIDATION', 'err.subsidy.nomineeNoRole', { name: '王五', role: '@role.team_leader', issues: [{ path: 'nominees.0.role', message: 'v.invalid' }] });
    await u.click(screen.getByRole('button', { name: /保\s*存/ }));
    expect(await screen.findByTestId('dossier-save-error')).toHaveTextContent('王五 在花名册中不是“班组长”');
  });

  it('a reader sees it read-only (no save, no add) and can make the PDF', async () => {
    const u = user();
    const reader = makeOperator({ id: 'op-so', workerId: 'w-2', name: '李安全', roles: ['safety_officer'] });
    const be = signedInBackend({ operators: [adminOperator(), reader] }, 'op-so');
    be.on('subsidy.dossier', (i) => dossier(i.year));
    let pdfs = 0;
    be.on('subsidy.dossierPdf', () => {
      pdfs++;
      return { fileId: 'f1', fileName: '2025年度安全赋能奖补申报材料.pdf', mime: 'application/pdf', bytes: 10 };
    });
    useRouter.setState({ route: { page: 'subsidy', id: 'dossier/2025' } });
    renderInProviders(<DossierTab />);
    expect(await screen.findByText('申报材料由工会干部或管理员编写；您可以查看并生成 PDF。')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /保\s*存/ })).toBeNull();
    expect(screen.queryByTestId('nominee-add')).toBeNull();
    expect(await screen.findByRole('textbox', { name: '联系人' })).toBeDisabled();
    await u.click(screen.getByRole('button', { name: /生成申报书 PDF/ }));
    await waitFor(() => expect(pdfs).toBe(1));
  });
});
