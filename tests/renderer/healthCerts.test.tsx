// The health page's certificates tab (issue 10, area CERTS): the due list first with the count of each state, every
// state's tag; a certificate added (checked before sending: number, category or item, the 6-year approval), a review
// recorded (the next review moves), deleted with an undo; a reader sees no write buttons; the home card's counts.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { CertCard } from '../../renderer/src/features/health/certs/CertCard';
import { CertsTab } from '../../renderer/src/features/health/certs/CertsTab';
import { addYears, certDue, certStatus } from '../../shared/health/certs/rules';
import type { Certificate } from '../../shared/health/certs/types';
import { HEALTH_WRITERS } from '../../shared/health/kinds';
import type { OrgUnit } from '../../shared/org/types';
import { addDays } from '../../shared/roster/certs';
import { holdsAnyRole } from '../../shared/roster/roles';
import { FakeError, makeOperator, makeWorker, type FakeBackend } from './fakeBackend';
import { fill, label, renderInProviders, resetStores, signedInBackend, user } from './harness';
import { pick } from './hazardFixtures';

beforeEach(() => resetStores());

const p2 = (n: number) => String(n).padStart(2, '0');
const d = new Date();
const TODAY = `${d.getFullYear()}-${p2(d.getMonth() + 1)}-${p2(d.getDate())}`;
const day = (n: number) => addDays(TODAY, n);
const unit = (id: string, kind: OrgUnit['kind'], name: string, parentId: string | null): OrgUnit => ({ id, kind, name, parentId, sortOrder: 0, retiredAt: null, workerCount: 0 });
const UNITS = [unit('u-ws', 'workshop', '合成车间', null), unit('u-t1', 'team', '甲班', 'u-ws')];
const at = { workshopId: 'u-ws', workshopName: '合成车间', teamId: 'u-t1', teamName: '甲班' };
const STAFF = [makeWorker({ id: 'w-1', empNo: 'W001', name: '张三', ...at }), makeWorker({ id: 'w-2', empNo: 'W002', name: '李四', ...at })];

type Seed = Partial<Certificate> & { id: string; workerId: string; certNo: string; expiryDate: string };
let seq = 0;
/** the certificates' channels in memory (inputs arrive parsed by the real schemas), states by the shared rules */
function installCertsFake(be: FakeBackend, seed: Seed[] = []) {
  const all: Certificate[] = [];
  const make = (s: Seed): Certificate => {
    const w = STAFF.find((x) => x.id === s.workerId)!;
    const dates = { issueDate: s.issueDate ?? null, lastReviewDate: s.lastReviewDate ?? null, reviewYears: s.reviewYears ?? 3, expiryDate: s.expiryDate };
    return {
      category: 'electrician', typeText: null, approvalNote: null, note: null, scanId: null, scanName: null, scanMime: null, source: 'manual', updatedAt: '', deletedAt: null,
      ...s, ...dates,
      empNo: w.empNo, name: w.name, workerStatus: 'active', workshopId: 'u-ws', workshopName: '合成车间', teamId: 'u-t1', teamName: '甲班',
      ...((due) => ({ nextReviewDate: due.kind === 'review' ? due.date : null, dueDate: due.date, dueKind: due.kind }))(certDue(dates)), status: certStatus(dates, TODAY),
    } as Certificate;
  };
  for (const s of seed) all.push(make(s));
  const writer = () => {
    const op = be.currentOperator;
    if (!op || !holdsAnyRole(op, HEALTH_WRITERS)) throw new FakeError('FORBIDDEN', 'err.health.cert.writersOnly');
  };
  const find = (id: string) => all.findIndex((c) => c.id === id);
  be.on('health.certs', (q) => {
    const live = all.filter((c) => !!c.deletedAt === q.deleted);
    const counts = { current: 0, window: 0, overdue: 0, expired: 0 };
    for (const c of live) counts[c.status]++;
    const rows = live
      .filter((c) => !q.status || (q.status === 'due' ? c.status !== 'current' : c.status === q.status))
      .filter((c) => !q.search || c.name.includes(q.search) || c.certNo.toLowerCase().includes(q.search.toLowerCase()))
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate));
    return { rows: rows.slice((q.page - 1) * q.pageSize, q.page * q.pageSize), total: rows.length, page: q.page, pageSize: q.pageSize, counts };
  });
  be.on('health.certCreate', (i) => {
    writer();
    const c = make({ ...i, id: `c-new-${++seq}` } as Seed);
    all.push(c);
    return c;
  });
  be.on('health.certReview', (i) => {
    writer();
    const k = find(i.id);
    const c = make({ ...all[k]!, lastReviewDate: i.reviewDate, expiryDate: i.expiryDate ?? all[k]!.expiryDate, reviewYears: i.reviewYears ?? all[k]!.reviewYears });
    all[k] = c;
    return c;
  });
  be.on('health.certDelete', (i) => {
    writer();
    all[find(i.id)]!.deletedAt = 'now';
    return { deleted: true };
  });
  be.on('health.certRestore', (i) => {
    writer();
    const c = all[find(i.id)]!;
    c.deletedAt = null;
    return c;
  });
  return all;
}

const SEED: Seed[] = [
  { id: 'c-cur', workerId: 'w-1', certNo: 'T-CUR', category: 'height', issueDate: day(-100), expiryDate: day(1500) },
  { id: 'c-win', workerId: 'w-1', certNo: 'T-WIN', issueDate: addYears(day(10), -3), expiryDate: day(900) },
  { id: 'c-over', workerId: 'w-2', certNo: 'T-OVER', category: 'welding', issueDate: addYears(day(-5), -3), expiryDate: day(900) },
  { id: 'c-exp', workerId: 'w-2', certNo: 'T-EXP', category: null, typeText: '叉车司机', expiryDate: day(-1) },
];
const rowOf = (certNo: string) => screen.getByText(certNo, { selector: 'td' }).closest('tr')!;

describe('certificates tab', () => {
  it('opens on the ones to act on, most urgent first, with each state counted; "all" shows the current one too', async () => {
    const be = signedInBackend({ workers: STAFF, units: UNITS });
    installCertsFake(be, SEED);
    const u = user();
    renderInProviders(<CertsTab />);
    await screen.findByText('T-WIN', { selector: 'td' });
    expect(be.last('health.certs')).toMatchObject({ status: 'due', deleted: false, page: 1 });
    const rows = screen.getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell')[4]!.textContent);
    expect(rows).toEqual(['T-OVER', 'T-EXP', 'T-WIN']);
    expect(within(rowOf('T-EXP')).getByTestId('cert-status-expired')).toHaveTextContent('已过期 · 已过 1 天');
    expect(within(rowOf('T-OVER')).getByTestId('cert-status-overdue')).toHaveTextContent('复审逾期 · 已过 5 天');
    expect(within(rowOf('T-WIN')).getByTestId('cert-status-window')).toHaveTextContent('待复审 · 10 天后');
    expect(rowOf('T-EXP')).toHaveTextContent('叉车司机');
    expect(screen.getByTestId('cert-filter-due')).toHaveTextContent('待办 3');
    expect(screen.getByTestId('cert-filter-all')).toHaveTextContent('全部 4');
    expect(screen.getByTestId('cert-filter-current')).toHaveTextContent('有效 1');
    await u.click(screen.getByTestId('cert-filter-all'));
    expect(await screen.findByText('T-CUR', { selector: 'td' })).toBeInTheDocument();
    expect(rowOf('T-CUR')).toHaveTextContent('高处作业');
    await u.click(screen.getByTestId('cert-filter-expired'));
    await waitFor(() => expect(screen.queryByText('T-WIN', { selector: 'td' })).toBeNull());
    expect(be.last('health.certs')).toMatchObject({ status: 'expired' });
  });

  it('empty: says what to do', async () => {
    const be = signedInBackend({ workers: STAFF, units: UNITS });
    installCertsFake(be);
    renderInProviders(<CertsTab />);
    expect(await screen.findByTestId('cert-empty')).toHaveTextContent('还没有特种作业证。点击“登记证书”添加');
  });

  it('adds a certificate: checked before sending (holder, number, category or item, the 6-year approval); Alt+N opens the form', async () => {
    const be = signedInBackend({ workers: STAFF, units: UNITS });
    installCertsFake(be);
    const u = user();
    renderInProviders(<CertsTab />);
    await screen.findByTestId('cert-empty');
    await u.keyboard('{Alt>}n{/Alt}');
    const dlg = await screen.findByRole('dialog');
    expect(dlg).toHaveTextContent('登记证书');
    await u.click(within(dlg).getByRole('button', { name: label('保存') }));
    await waitFor(() => expect(within(dlg).getAllByText('必填').length).toBeGreaterThanOrEqual(3));
    expect(be.count('health.certCreate')).toBe(0);
    await pick(u, within(dlg).getByRole('combobox', { name: '持证人' }), '张三 · W001 · 合成车间');
    await fill(u, within(dlg).getByLabelText('证号'), 'T3201');
    await fill(u, within(dlg).getByLabelText('有效期至'), day(700));
    await u.keyboard('{Enter}');
    await u.click(within(dlg).getByRole('button', { name: label('保存') }));
    expect(await within(dlg).findByText('请选择作业类别或填写作业项目')).toBeInTheDocument();
    expect(be.count('health.certCreate')).toBe(0);
    await pick(u, within(dlg).getByRole('combobox', { name: '作业类别' }), '电工作业');
    await u.click(within(dlg).getByRole('radio', { name: '每 6 年' }));
    await u.click(within(dlg).getByRole('button', { name: label('保存') }));
    expect(await within(dlg).findByText('每 6 年复审一次须经批准，请填写批准说明')).toBeInTheDocument();
    expect(be.count('health.certCreate')).toBe(0);
    await fill(u, within(dlg).getByLabelText('延长复审批准说明'), '经考核机关同意');
    await u.click(within(dlg).getByRole('button', { name: label('保存') }));
    await waitFor(() => expect(be.count('health.certCreate')).toBe(1));
    expect(be.last('health.certCreate')).toMatchObject({ workerId: 'w-1', certNo: 'T3201', category: 'electrician', expiryDate: day(700), reviewYears: 6, approvalNote: '经考核机关同意', scanId: null });
    expect(be.validationFailures()).toEqual([]);
  });

  it('the scan picker takes images and PDFs only: a text file is refused under it and never uploaded', async () => {
    const be = signedInBackend({ workers: STAFF, units: UNITS });
    installCertsFake(be);
    be.on('attachments.uploadDocument', (i) => ({ id: 'a-1', originalName: i.fileName }) as never);
    const u = user();
    renderInProviders(<CertsTab />);
    await screen.findByTestId('cert-empty');
    await u.click(screen.getByRole('button', { name: /登记证书/ }));
    const dlg = await screen.findByRole('dialog');
    const input = within(dlg).getByTestId('cert-scan-input');
    expect(input.getAttribute('accept')!.split(',').sort()).toEqual(['.pdf', 'application/pdf', 'image/jpeg', 'image/png', 'image/webp']);
    fireEvent.change(input, { target: { files: [new File(['hello'], '说明.txt', { type: 'text/plain' })] } });
    expect(await within(dlg).findByTestId('cert-scan-error')).toHaveTextContent('“说明.txt”不是图片或 PDF：证书扫描件请选择 JPG、PNG、WebP 图片或 PDF 文件');
    expect(be.count('attachments.uploadDocument')).toBe(0);
    expect(within(dlg).queryByTestId('cert-scan-name')).toBeNull();
    // a PDF is uploaded and named; the message goes
    fireEvent.change(input, { target: { files: [new File(['%PDF-1.4'], '证书.pdf', { type: 'application/pdf' })] } });
    expect(await within(dlg).findByTestId('cert-scan-name')).toHaveTextContent('证书.pdf');
    expect(within(dlg).queryByTestId('cert-scan-error')).toBeNull();
    expect(be.count('attachments.uploadDocument')).toBe(1);
  });

  it('records a review (the next review shown moves), deletes with an undo', async () => {
    const be = signedInBackend({ workers: STAFF, units: UNITS });
    installCertsFake(be, SEED);
    const u = user();
    renderInProviders(<CertsTab />);
    await screen.findByText('T-OVER', { selector: 'td' });
    await u.click(within(rowOf('T-OVER')).getByRole('button', { name: '登记复审 李四 T-OVER' }));
    const dlg = await screen.findByRole('dialog');
    expect(dlg).toHaveTextContent('登记复审：李四 T-OVER');
    // the next cycle (3 years on) would end after the expiry (900 days on): the renewal at the expiry is what comes
    expect(within(dlg).getByTestId('cert-review-next')).toHaveTextContent(`登记后：有效期至 ${day(900)}，到期换证（再过一个复审周期为 ${addYears(TODAY, 3)}，已晚于有效期）`);
    // with a new expiry 6 years on, the next review comes first
    // (typed and left with Tab: Enter would also save the dialog)
    const newExpiry = within(dlg).getByLabelText('新的有效期至（换证时填写）');
    await u.click(newExpiry);
    await u.type(newExpiry, addYears(TODAY, 6));
    await u.tab();
    await waitFor(() => expect(within(dlg).getByTestId('cert-review-next')).toHaveTextContent(`登记后：下次复审 ${addYears(TODAY, 3)}，有效期至 ${addYears(TODAY, 6)}`));
    await u.click(within(dlg).getByRole('button', { name: label('保存') }));
    await waitFor(() => expect(be.count('health.certReview')).toBe(1));
    expect(be.last('health.certReview')).toMatchObject({ id: 'c-over', reviewDate: TODAY, reviewYears: null, expiryDate: addYears(TODAY, 6) });
    // reviewed: no longer due, gone from the list
    await waitFor(() => expect(screen.queryByText('T-OVER', { selector: 'td' })).toBeNull());
    expect(screen.getByTestId('cert-filter-due')).toHaveTextContent('待办 2');

    await u.click(within(rowOf('T-WIN')).getByRole('button', { name: '删除 张三 T-WIN' }));
    const pop = await screen.findByRole('tooltip');
    await u.click(within(pop).getByRole('button', { name: label('删除') }));
    await waitFor(() => expect(screen.queryByText('T-WIN', { selector: 'td' })).toBeNull());
    await u.click(await screen.findByRole('button', { name: label('撤销') }));
    expect(await screen.findByText('T-WIN', { selector: 'td' })).toBeInTheDocument();
    expect(be.count('health.certRestore')).toBe(1);
  });

  it('a review cycle ending after the expiry shows as the renewal at the expiry: the state counts to that same date', async () => {
    const be = signedInBackend({ workers: STAFF, units: UNITS });
    // issued 2 years and 316 days ago (the review in 49 + 100 days), valid for 49 more days: the tester's case
    installCertsFake(be, [{ id: 'c-ren', workerId: 'w-1', certNo: 'T-REN', issueDate: addYears(day(149), -3), expiryDate: day(49) }]);
    renderInProviders(<CertsTab />);
    await screen.findByText('T-REN', { selector: 'td' });
    const row = rowOf('T-REN');
    expect(within(row).getByTestId('cert-status-window')).toHaveTextContent('待换证 · 49 天后');
    expect(within(row).getByTestId('cert-renewal')).toHaveTextContent(`${day(49)} 换证`);
    expect(row).not.toHaveTextContent(day(149));
    expect(screen.getByTestId('cert-filter-window')).toHaveTextContent('待复审/换证 1');
    const u = user();
    await u.click(within(row).getByRole('button', { name: '登记复审 张三 T-REN' }));
    const dlg = await screen.findByRole('dialog');
    expect(dlg).toHaveTextContent(`当前：上次复审 ${addYears(day(149), -3)}，有效期至 ${day(49)}，到期换证`);
  });

  it('a reader sees the list without write buttons, and a note on who records', async () => {
    const reader = makeOperator({ id: 'op-tl', workerId: 'w-2', name: '李四', empNo: 'W002', roles: ['team_leader'] });
    const be = signedInBackend({ workers: STAFF, units: UNITS, operators: [reader] }, 'op-tl');
    installCertsFake(be, SEED);
    renderInProviders(<CertsTab />);
    await screen.findByText('T-WIN', { selector: 'td' });
    expect(screen.getByText(/登记和修改由职业卫生管理员/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: label('登记证书') })).toBeNull();
    expect(screen.queryByRole('button', { name: /登记复审/ })).toBeNull();
  });
});

describe('the home card', () => {
  it('counts the window, overdue and expired, red when any lapsed; none recorded says so', async () => {
    const be = signedInBackend({ workers: STAFF, units: UNITS });
    installCertsFake(be, SEED);
    const { unmount } = renderInProviders(<CertCard />);
    expect(await screen.findByTestId('cert-card-window')).toHaveTextContent('1');
    expect(screen.getByTestId('cert-card-overdue')).toHaveTextContent('1');
    expect(screen.getByTestId('cert-card-expired')).toHaveTextContent('1');
    expect(screen.getByTestId('cert-card')).toHaveTextContent('在册证书 4 张');
    expect(screen.getByTestId('cert-card').getAttribute('style')).toContain('rgb(207, 19, 34)');
    unmount();
    installCertsFake(be);
    renderInProviders(<CertCard />);
    expect(await screen.findByTestId('cert-card-none')).toHaveTextContent('尚未登记特种作业证');
  });
});
