// The roster's recycle bin (状态：已删除) with restore, and the special-operation certificate highlight and filter.
import { screen, waitFor, within } from '@testing-library/react';
import { makeWorker } from './fakeBackend';
import { label, resetStores, signedInBackend, user } from './harness';
import { listQueries, openRoster, rowOf, rows, seedWorkers } from './rosterFixtures';

beforeEach(resetStores);

async function pick(u: ReturnType<typeof user>, labelText: string, title: string) {
  await u.click(screen.getByLabelText(labelText));
  const opt = await waitFor(() => {
    const el = document.querySelector<HTMLElement>(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${title}"]`);
    if (!el) throw new Error('dropdown not open');
    return el;
  });
  await u.click(opt);
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('recycle bin', () => {
  test('状态：已删除 lists the deleted workers with a hint; 恢复 brings one back', async () => {
    const gone = makeWorker({ id: 'w-9', empNo: 'E009', name: '王已删', deletedAt: '2026-11-30T08:00:00.000Z' });
    const be = signedInBackend({ workers: [...seedWorkers(), gone] });
    await openRoster(be);
    await screen.findByText('张三');
    expect(screen.queryByText('王已删')).not.toBeInTheDocument();
    const u = user();
    await pick(u, '状态', '已删除');
    await waitFor(() => expect(listQueries(be).at(-1)).toMatchObject({ status: 'deleted', page: 1 }));
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(rowOf('王已删')).toBeInTheDocument();
    expect(screen.getByTestId('roster-bin-hint')).toHaveTextContent('回收站');
    expect(screen.getByText('删除时间')).toBeInTheDocument();
    // no edit or delete in the bin, and the name opens nothing
    expect(within(rowOf('王已删')).queryByRole('button', { name: label('编辑') })).not.toBeInTheDocument();

    await u.click(within(rowOf('王已删')).getByRole('button', { name: '恢复 王已删' }));
    await waitFor(() => expect(be.inputs('workers.restore')).toEqual([{ id: 'w-9' }]));
    expect(await screen.findByText('已恢复 王已删')).toBeInTheDocument();
    await waitFor(() => expect(rows()).toHaveLength(0));
    expect(screen.getByText('回收站是空的')).toBeInTheDocument();
    // back in the roster
    await pick(u, '状态', '在职');
    await waitFor(() => expect(rows()).toHaveLength(3));
  });

  test('a refused restore says why and leaves the worker in the bin', async () => {
    const gone = makeWorker({ id: 'w-9', empNo: 'E009', name: '王已删', deletedAt: '2026-11-30T08:00:00.000Z' });
    const be = signedInBackend({ workers: [gone] });
    be.fail('workers.restore', 'CONFLICT', 'err.worker.restoreIdCardTaken', { empNo: 'E100' });
    await openRoster(be);
    const u = user();
    await pick(u, '状态', '已删除');
    await waitFor(() => expect(rows()).toHaveLength(1));
    await u.click(within(rowOf('王已删')).getByRole('button', { name: '恢复 王已删' }));
    expect(await screen.findByText('无法恢复：身份证号已被工号 E100 的职工使用，请先修改或删除该职工')).toBeInTheDocument();
    expect(rowOf('王已删')).toBeInTheDocument();
  });
});

describe('special-operation certificates', () => {
  test('expired and expiring certificates are highlighted; the filter sends certDue', async () => {
    const cert = (expiry: string) => ({ certType: '电工作业', certNo: 'T1', certExpiry: expiry });
    const be = signedInBackend({
      workers: [
        makeWorker({ id: 'c1', empNo: 'C1', name: '证过期', ...cert(day(-3)) }),
        makeWorker({ id: 'c2', empNo: 'C2', name: '证将到期', ...cert(day(20)) }),
        makeWorker({ id: 'c3', empNo: 'C3', name: '证还早', ...cert(day(400)) }),
        makeWorker({ id: 'c4', empNo: 'C4', name: '无证' }),
      ],
    });
    await openRoster(be);
    await screen.findByText('证过期');
    expect(within(rowOf('证过期')).getByTestId('cert-expired')).toHaveTextContent('已过期');
    expect(within(rowOf('证将到期')).getByTestId('cert-soon')).toHaveTextContent(/(19|20) 天后到期/);
    expect(within(rowOf('证还早')).queryByTestId(/^cert-/)).not.toBeInTheDocument();
    expect(within(rowOf('证还早')).getByText(day(400))).toBeInTheDocument();

    const u = user();
    await pick(u, '证书到期', '已过期或即将到期');
    await waitFor(() => expect(listQueries(be).at(-1)).toMatchObject({ certDue: 'due', page: 1 }));
    await waitFor(() => expect(rows()).toHaveLength(2));
    await pick(u, '证书到期', '已过期');
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(rowOf('证过期')).toBeInTheDocument();
    expect(be.validationFailures()).toEqual([]);
  });

  test('the date says whether it is the certificate’s review or its expiry', async () => {
    const cert = (due: string, certDue: 'review' | 'expiry') => ({ certType: '电工作业', certNo: 'T1', certExpiry: due, certDue });
    const be = signedInBackend({
      workers: [
        makeWorker({ id: 'r1', empNo: 'R1', name: '复审逾期者', ...cert(day(-3), 'review') }),
        makeWorker({ id: 'r2', empNo: 'R2', name: '将复审者', ...cert(day(20), 'review') }),
        makeWorker({ id: 'r3', empNo: 'R3', name: '证过期者', ...cert(day(-3), 'expiry') }),
      ],
    });
    await openRoster(be);
    await screen.findByText('复审逾期者');
    const overdue = within(rowOf('复审逾期者')).getByTestId('cert-expired');
    expect(overdue).toHaveTextContent('复审逾期');
    expect(overdue).toHaveAttribute('title', `证书应于 ${day(-3)} 复审，逾期未复审`);
    const soon = within(rowOf('将复审者')).getByTestId('cert-soon');
    expect(soon).toHaveTextContent(/(19|20) 天后复审/);
    expect(soon).toHaveAttribute('title', `证书应于 ${day(20)} 复审`);
    const expired = within(rowOf('证过期者')).getByTestId('cert-expired');
    expect(expired).toHaveTextContent('已过期');
    expect(expired).toHaveAttribute('title', `证书有效期至 ${day(-3)}`);
  });
});
