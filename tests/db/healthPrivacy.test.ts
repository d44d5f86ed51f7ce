// Exam results are the workers' private medical data (GBZ 188; shared/health/privacy.ts), through the real dispatch:
// a team leader is refused the exams (batches, a batch, a worker's exams), the health file PDF and the import's
// preview with a typed FORBIDDEN; an OH manager reads them. The due list and its quarter's xlsx show the team leader
// who is due (periodic, women's…) but neither the recheck nor the contraindication alerts (rows, counts, kind filter,
// search) and say so; the subsidy scorecard's aggregate counts stay readable.
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { setQuiet } from '../../electron/core/log';
import type { ChannelInput } from '../../shared/contract';
import { addDays } from '../../shared/health/plan/rules';
import { localToday } from '../../shared/kernel/schemas';
import { caller, openTestCore, refusal, type Call, type TestCore } from '../helpers/core';

setQuiet(true);
let tc: TestCore | null = null;
afterEach(() => {
  tc?.close();
  tc = null;
});

const today = localToday();
const ago = (days: number) => addDays(today, -days);

async function world() {
  tc = await openTestCore();
  const admin = tc.call as Call;
  const ws = await admin('org.create', { kind: 'workshop', parentId: null, name: '合成车间' });
  const team = await admin('org.create', { kind: 'team', parentId: ws.id, name: '甲班' });
  const w = async (empNo: string, name: string, extra: Partial<ChannelInput<'workers.create'>> = {}) =>
    admin('workers.create', { empNo, name, gender: 'M', orgUnitId: team.id, hireDate: '2020-03-01', post: '操作工', ...extra });
  const factors = await admin('health.examFactors', {});
  const noise = factors.find((f) => f.code === 'NOISE_85')!.id;
  const a = await w('W001', '张三');
  const b = await w('W002', '李四');
  const c = await w('W003', '孙八');
  for (const x of [a, b, c]) await admin('health.exposureAdd', { workerId: x.id, factorId: noise, startDate: '2020-03-01' });
  // W001: the periodic exam is overdue; W002: a recheck overdue; W003: a contraindication while still exposed
  const exam = async (date: string, e: ChannelInput<'health.examsSave'>['exams'][number]) => {
    const batch = await admin('health.batchCreate', { date, institution: '泰州市职业病防治所', kind: 'periodic' });
    await admin('health.examsSave', { batchId: batch.id, exams: [e] });
    return batch;
  };
  await exam(ago(370), { workerId: a.id, factorIds: [noise], conclusion: 'normal' });
  const batch = await exam(ago(100), { workerId: b.id, factorIds: [noise], conclusion: 'recheck', recheckItems: '纯音听阈测试', recheckDue: ago(1) });
  await exam(ago(30), { workerId: c.id, factorIds: [noise], conclusion: 'contraindication', contraindication: '高血压' });

  const tl = await w('T001', '周班长', { roles: ['team_leader'] });
  const oh = await w('H001', '钱卫生', { roles: ['oh_manager'] });
  const asTl = caller(tc.core);
  await asTl.call('session.signIn', { operatorId: (await admin('operators.add', { workerId: tl.id })).id });
  const asOh = caller(tc.core);
  await asOh.call('session.signIn', { operatorId: (await admin('operators.add', { workerId: oh.id })).id });
  return { admin, asTl: asTl.call, asOh: asOh.call, a, b, c, batch, team };
}

const audits = () => tc!.core.store.db.prepare(`SELECT count(*) FROM audit_log`).pluck().get() as number;

describe('exam results are read by the health writers alone', () => {
  it('a team leader is refused the exams, the health file and the import preview; an OH manager reads them', async () => {
    const { asTl, asOh, b, batch } = await world();
    const before = audits();
    for (const p of [
      asTl('health.batches', {}),
      asTl('health.batch', { id: batch.id }),
      asTl('health.workerExams', { workerId: b.id }),
      asTl('health.healthFilePdf', { workerId: b.id }),
    ]) {
      expect(await refusal(p)).toMatchObject({ code: 'FORBIDDEN', message: 'err.health.exam.readersOnly' });
    }
    // a worker who does not exist: still refused first (nothing said about who is on file)
    expect(await refusal(asTl('health.healthFilePdf', { workerId: 'nobody' }))).toMatchObject({ code: 'FORBIDDEN' });
    // the import's preview and rejected rows show a file's conclusions: importers only
    for (const p of [asTl('health.examImportRemap', { importId: 'imp-x' }), asTl('health.examImportRejected', { importId: 'imp-x' })]) {
      expect(await refusal(p)).toMatchObject({ code: 'FORBIDDEN', message: 'err.health.exam.writersOnly' });
    }
    expect(audits()).toBe(before);

    expect((await asOh('health.batches', {})).total).toBe(3);
    expect((await asOh('health.batch', { id: batch.id })).exams.map((e) => [e.empNo, e.conclusion])).toEqual([['W002', 'recheck']]);
    expect((await asOh('health.workerExams', { workerId: b.id }))[0]).toMatchObject({ conclusion: 'recheck', recheckItems: '纯音听阈测试' });
    const file = await asOh('health.healthFilePdf', { workerId: b.id });
    expect(file.fileName).toBe('职业健康监护档案 W002 李四.pdf');
    expect(tc!.fileBytes(file).subarray(0, 4).toString()).toBe('%PDF');
    // the factor list an exam may cover is no medical data
    expect((await asTl('health.examFactors', {})).length).toBeGreaterThan(0);
  });

  it('the due list: a team leader sees who is due but no recheck or contraindication, and is told so', async () => {
    const { asTl, asOh, team } = await world();
    const oh = await asOh('health.due', {});
    expect(oh.restricted).toBe(false);
    expect(oh.counts).toMatchObject({ periodic_overdue: 1, recheck_overdue: 1, contraindication: 1 });
    expect(oh.rows.map((r) => `${r.empNo}:${r.alert}`).sort()).toEqual(['W001:periodic_overdue', 'W002:recheck_overdue', 'W003:contraindication']);

    const tl = await asTl('health.due', {});
    expect(tl.restricted).toBe(true);
    expect(tl.rows.map((r) => `${r.empNo}:${r.alert}`)).toEqual(['W001:periodic_overdue']);
    expect(tl.counts).toMatchObject({ periodic_overdue: 1, recheck_overdue: 0, recheck_due: 0, contraindication: 0 });
    expect(tl.total).toBe(1);
    expect(JSON.stringify(tl)).not.toContain('高血压');
    expect(JSON.stringify(tl)).not.toContain('纯音听阈');
    // nor by the kind filter, a team or a name
    for (const q of [{ kind: 'contraindication' }, { kind: 'recheck_overdue' }, { teamId: team.id, kind: 'contraindication' }, { search: '李四' }, { search: '孙八' }] as const) {
      const page = await asTl('health.due', q);
      expect(page.rows).toEqual([]);
      expect(page.total).toBe(0);
    }

    // the quarter's xlsx: the same
    const sheet = async (call: Call) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(tc!.fileBytes(await call('health.dueQuarterXlsx', {})) as never);
      // every sheet: the contraindications are on the second one, 需调岗 (tests/db/healthPlanQuarter.test.ts)
      return JSON.stringify(wb.worksheets.map((ws) => ws.getSheetValues()));
    };
    const tlText = await sheet(asTl);
    expect(tlText).toContain('张三');
    expect(tlText).not.toContain('李四');
    expect(tlText).not.toContain('高血压');
    expect(tlText).toContain('不含复查与职业禁忌证');
    const ohText = await sheet(asOh);
    expect(ohText).toContain('李四');
    expect(ohText).toContain('高血压');
  });

  it('the subsidy scorecard’s aggregate counts stay readable for a team leader', async () => {
    const { asTl, asOh } = await world();
    const year = Number(today.slice(0, 4));
    const tl = await asTl('subsidy.scorecard', { year });
    const oh = await asOh('subsidy.scorecard', { year });
    expect(tl.criteria.find((x) => x.criterion === 'health')).toEqual(oh.criteria.find((x) => x.criterion === 'health'));
  });
});

describe('a clinic report attached to a batch', () => {
  const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');
  it('opens for the readers of exam results alone: a team leader who knows its id is refused; other attachments stay open', async () => {
    const { admin, asTl, asOh } = await world();
    const report = await asOh('attachments.uploadDocument', { fileName: '体检报告.pdf', dataBase64: PDF.toString('base64') });
    // before it is attached it is a document like any other
    expect((await asTl('attachments.download', { id: report.id })).fileName).toBe('体检报告.pdf');
    await asOh('health.batchCreate', { date: ago(5), institution: '人民医院', kind: 'periodic', reportId: report.id });
    expect(await refusal(asTl('attachments.download', { id: report.id }))).toMatchObject({ code: 'FORBIDDEN', message: 'err.attachment.restricted' });
    expect(await refusal(asTl('attachments.get', { id: report.id, size: 'full' }))).toMatchObject({ code: 'FORBIDDEN' });
    expect((await asOh('attachments.download', { id: report.id })).fileName).toBe('体检报告.pdf');
    expect((await admin('attachments.get', { id: report.id, size: 'full' })).mime).toBe('application/pdf');
    // an unknown id is still NOT_FOUND (nothing told about restricted ones), and another document stays open
    expect(await refusal(asTl('attachments.download', { id: '0190a000-0000-7000-8000-000000000000' }))).toMatchObject({ code: 'NOT_FOUND' });
    const agenda = await admin('attachments.uploadDocument', { fileName: '议程.pdf', dataBase64: Buffer.concat([PDF, Buffer.from('% agenda\n')]).toString('base64') });
    expect((await asTl('attachments.download', { id: agenda.id })).fileName).toBe('议程.pdf');
  });
});

