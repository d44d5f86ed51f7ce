// Pre-shift meetings (班前会) are counted, never hours: the activities list shows no 学时 for one, its drawer shows the
// meeting's duration as 时长 (not 学时), the form calls the field 时长 and says so, the attendee grid has no hours,
// score or result, and the sign-in import says only who signed in is read. An activity for the whole enterprise shows
// 全厂 in the 车间/班组 column.
import { screen, waitFor, within } from '@testing-library/react';
import { useRouter } from '../../renderer/src/app/router';
import { ActivitiesTab } from '../../renderer/src/features/education/activities/ActivitiesTab';
import { SigninImportDialog } from '../../renderer/src/features/education/activities/SigninImportDialog';
import type { ActivityDetail } from '../../shared/education/activities/types';
import type { OrgUnit } from '../../shared/org/types';
import { makeWorker } from './fakeBackend';
import { button, label, renderInProviders, resetStores, signedInBackend, user } from './harness';
import { pick } from './hazardFixtures';

beforeEach(() => resetStores());

const dialog = (title: string) =>
  waitFor(() => {
    const d = screen.getAllByRole('dialog').find((x) => x.querySelector('.ant-modal-title, .ant-drawer-title')?.textContent === title);
    if (!d) throw new Error(`no dialog ${title}`);
    return d;
  });

const unit = (id: string, kind: OrgUnit['kind'], name: string, parentId: string | null): OrgUnit => ({ id, kind, name, parentId, sortOrder: 0, retiredAt: null, workerCount: 0 });
const UNITS = [unit('u-ws', 'workshop', '合成车间', null), unit('u-t1', 'team', '甲班', 'u-ws')];
const at = { workshopId: 'u-ws', workshopName: '合成车间', teamId: 'u-t1', teamName: '甲班', hireDate: '2020-01-01' };
const WORKERS = [makeWorker({ id: 'w-1', empNo: 'W001', name: '张三', ...at }), makeWorker({ id: 'w-2', empNo: 'W002', name: '李四', ...at })];
const base = { note: null, photoCount: 0, enteredBy: '王主席', updatedAt: '2026-03-10T00:00:00Z', deletedAt: null, photoIds: [] };
const MEETING: ActivityDetail = {
  ...base,
  id: 'm-1',
  kind: 'pre_shift',
  level: null,
  title: '班前会：高处作业',
  date: '2026-03-12',
  hours: 0.25,
  host: '周班长',
  orgUnitId: 'u-t1',
  orgUnitName: '合成车间 / 甲班',
  content: '讲评上一班安全情况',
  attendeeCount: 2,
  attendees: WORKERS.map((w) => ({ workerId: w.id, empNo: w.empNo, name: w.name, workshopName: '合成车间', teamName: '甲班', hours: null, score: null, passed: null, source: 'manual' as const })),
};
const CONTEST: ActivityDetail = { ...base, id: 'c-1', kind: 'ankang_cup', level: null, title: '安康杯知识竞赛', date: '2026-03-01', hours: 2, host: '公司工会', orgUnitId: null, orgUnitName: null, content: null, attendeeCount: 0, attendees: [] };

function backend() {
  const be = signedInBackend({ workers: WORKERS, units: UNITS });
  const acts = [MEETING, CONTEST];
  be.on('education.activities', () => ({ rows: acts, total: acts.length, page: 1, pageSize: 50 }));
  be.on('education.activity', (q) => acts.find((a) => a.id === q.id)!);
  be.on('education.attendanceSave', (i) => ({ ...MEETING, attendees: MEETING.attendees.filter((a) => i.attendees.some((x) => x.workerId === a.workerId)) }));
  return be;
}

describe('pre-shift meetings in the activities tab', () => {
  it('the list: no 学时 for a meeting, 全厂 for a company-wide activity', async () => {
    backend();
    renderInProviders(<ActivitiesTab />);
    const row = (await screen.findByText('班前会：高处作业')).closest('tr')!;
    expect(row).not.toHaveTextContent('0.25');
    expect(within(row).getByLabelText('班前会按次数记录，不计学时')).toHaveTextContent('—');
    const contest = screen.getByText('安康杯知识竞赛').closest('tr')!;
    expect(contest).toHaveTextContent('全厂');
    expect(contest).toHaveTextContent('2');
  });

  it('the drawer: 时长 in minutes, not 学时; the attendees without hours, score or result; saved as who came', async () => {
    const be = backend();
    useRouter.setState({ route: { page: 'education', id: 'activities/m-1' } });
    const u = user();
    renderInProviders(<ActivitiesTab />);
    const drawer = await dialog('班前会：高处作业');
    expect(within(drawer).getByText('时长')).toBeInTheDocument();
    expect(within(drawer).getByText('15 分钟（不计学时）')).toBeInTheDocument();
    expect(within(drawer).queryByText('学时')).toBeNull();
    expect(within(drawer).queryByText('成绩')).toBeNull();
    expect(within(drawer).queryByText('考核')).toBeNull();
    expect(within(drawer).queryByLabelText('张三 的成绩')).toBeNull();
    expect(within(drawer).queryByLabelText('张三 的学时')).toBeNull();
    expect(within(drawer).getByTestId('edu-att-summary')).toHaveTextContent('2 人参加 · 班前会只记参加人员，不记学时和成绩');
    await u.click(within(drawer).getByRole('button', { name: '移除 李四' }));
    await u.click(within(drawer).getByRole('button', { name: label('保存参加人员') }));
    await waitFor(() => expect(be.count('education.attendanceSave')).toBe(1));
    expect(be.last('education.attendanceSave')).toEqual({ activityId: 'm-1', attendees: [{ workerId: 'w-1' }] });
  });

  it('the drawer of a company-wide activity says 全厂', async () => {
    backend();
    useRouter.setState({ route: { page: 'education', id: 'activities/c-1' } });
    renderInProviders(<ActivitiesTab />);
    const drawer = await dialog('安康杯知识竞赛');
    expect(within(drawer).getByText('全厂')).toBeInTheDocument();
    expect(within(drawer).getAllByText('学时').length).toBeGreaterThan(0);
  });

  it('the form: a meeting has a 时长 (hours) that is not training hours', async () => {
    backend();
    const u = user();
    renderInProviders(<ActivitiesTab />);
    await u.click(await screen.findByRole('button', { name: label('新建活动') }));
    const dlg = await dialog('新建教育活动');
    expect(within(dlg).getByLabelText('学时')).toBeInTheDocument();
    await pick(u, within(dlg).getByLabelText('类别'), '班前会');
    expect(await within(dlg).findByLabelText('时长（小时）')).toBeInTheDocument();
    expect(within(dlg).queryByLabelText('学时')).toBeNull();
    expect(within(dlg).getByText('班前会按次数记录，不计学时')).toBeInTheDocument();
    expect(button('取消')).toBeInTheDocument();
  });

  it('the sign-in import of a meeting says its 学时 / 成绩 columns are not read', async () => {
    signedInBackend({ workers: WORKERS, units: UNITS });
    renderInProviders(<SigninImportDialog activityId="m-1" title="班前会：高处作业" meeting onClose={() => {}} onDone={() => {}} />);
    expect(await screen.findByTestId('edu-signin-meeting')).toHaveTextContent('班前会只导入签到；签到表中的“学时”“成绩”列不导入。');
  });
});
