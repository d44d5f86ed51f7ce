// A worker's health file (职业健康监护档案) as a PDF: the worker, the hazard factors they are (or were) exposed to, every
// exam with its conclusion, the rechecks and whether they were done, the special-operation certificates, and what is
// open now (a recheck due or overdue, a contraindication while still exposed to a factor that exam covered, a worker who
// left exposed without an exit exam). Reads the exposures and certificates other areas write; pdfkit loads on the
// first file.
import type { FileRef } from '../../../../shared/files';
import { term } from '../../../../shared/glossary';
import type { Exam } from '../../../../shared/health/exams/types';
import { localToday } from '../../../../shared/kernel/schemas';
import { AppError } from '../../../../shared/result';
import { idCardBirthDate, maskIdCard } from '../../../../shared/roster/idcard';
import { chainHead } from '../../auditChain';
import type { Store } from '../../db/store';
import { findEnterprise } from '../../enterprise/service';
import type { Ctx } from '../../kernel/handlers';
import { PDF_MIME } from '../../kernel/mime';
import { dueList } from '../plan/due';
import { factorNames, workerExams } from './service';

export interface HealthFileData {
  enterprise: string;
  today: string;
  worker: { empNo: string; name: string; gender: 'M' | 'F'; birthDate: string | null; idCardMasked: string; workshop: string | null; team: string | null; post: string | null; hireDate: string | null; status: 'active' | 'left' };
  exposures: { factor: string; post: string | null; start: string; end: string | null }[];
  exams: (Exam & { institution: string })[];
  rechecks: { examDate: string; items: string; due: string; doneOn: string | null }[];
  certificates: { category: string; certNo: string; issueDate: string | null; nextReview: string | null; expiry: string }[];
  alerts: string[];
}


export function healthFileData(store: Store, workerId: string, today = localToday()): HealthFileData {
  const w = store.get<{ emp_no: string; name: string; gender: 'M' | 'F'; id_card: string | null; workshop: string | null; team: string | null; post: string | null; hire_date: string | null; status: 'active' | 'left' }>(
    `SELECT w.emp_no, w.name, w.gender, w.id_card, ws.name AS workshop, tm.name AS team, w.post, w.hire_date, w.status
     FROM workers w LEFT JOIN org_units ws ON ws.id = w.workshop_id LEFT JOIN org_units tm ON tm.id = w.team_id WHERE w.id = ? AND w.deleted_at IS NULL`,
    [workerId],
  );
  if (!w) throw new AppError('NOT_FOUND', 'err.worker.notFound', { id: workerId });
  const names = factorNames(store);
  const exposuresRaw = store.all<{ factor_id: string; post: string | null; start_date: string; end_date: string | null }>(
    `SELECT factor_id, post, start_date, end_date FROM health_exposures WHERE worker_id = ? AND deleted_at IS NULL ORDER BY start_date, rid`,
    [workerId],
  );
  const institutions = new Map(store.all<{ id: string; institution: string }>(`SELECT b.id, b.institution FROM health_exam_batches b JOIN health_exams e ON e.batch_id = b.id WHERE e.worker_id = ?`, [workerId]).map((b) => [b.id, b.institution]));
  const exams = workerExams(store, workerId).map((e) => ({ ...e, institution: institutions.get(e.batchId) ?? '' }));
  const rechecks = exams
    .filter((e) => e.conclusion === 'recheck' && e.recheckDue)
    .map((e) => ({ examDate: e.date, items: e.recheckItems ?? '', due: e.recheckDue!, doneOn: exams.filter((x) => x.date > e.date).map((x) => x.date).sort()[0] ?? null }))
    .reverse();
  const certificates = store
    .all<{ category: string | null; type_text: string | null; cert_no: string; issue_date: string | null; next_review_date: string | null; expiry_date: string }>(
      `SELECT category, type_text, cert_no, issue_date, next_review_date, expiry_date FROM health_certificates WHERE worker_id = ? AND deleted_at IS NULL ORDER BY expiry_date`,
      [workerId],
    )
    .map((c) => ({
      category: c.category ? term(`health.cert.category.${c.category}`, 'zh-CN') : (c.type_text ?? ''),
      certNo: c.cert_no,
      issueDate: c.issue_date,
      // a review cycle ending on or after the expiry is replaced by the renewal at the expiry (certDue): no review then
      nextReview: c.next_review_date !== null && c.next_review_date < c.expiry_date ? c.next_review_date : null,
      expiry: c.expiry_date,
    }));
  // what is open now, as the plan's due list says it (electron/core/health/plan/due.ts), then the certificates
  const alerts: string[] = dueList(store, { search: w.emp_no, page: 1, pageSize: 500 }, today)
    .rows.filter((r) => r.workerId === workerId)
    .map((r) => {
      const what = `${term(`health.alert.${r.alert}`, 'zh-CN')}${r.factorName ? `：${r.factorName}` : ''}`;
      if (r.alert === 'contraindication') return r.detail ? `${what}（${r.detail}）` : what;
      if (r.alert === 'exit') return what;
      return `${what}（应于 ${r.dueDate} 前${r.detail ? `，${r.detail}` : ''}）`;
    });
  for (const c of certificates) {
    if (c.expiry < today) alerts.push(`特种作业证已过期：${c.category} ${c.certNo}（${c.expiry}）`);
    else if (c.nextReview && c.nextReview < today) alerts.push(`特种作业证复审已逾期：${c.category} ${c.certNo}（应于 ${c.nextReview} 复审）`);
  }
  return {
    enterprise: findEnterprise(store)?.name ?? '',
    today,
    worker: {
      empNo: w.emp_no,
      name: w.name,
      gender: w.gender,
      birthDate: w.id_card ? idCardBirthDate(w.id_card) : null,
      idCardMasked: maskIdCard(w.id_card),
      workshop: w.workshop,
      team: w.team,
      post: w.post,
      hireDate: w.hire_date,
      status: w.status,
    },
    exposures: exposuresRaw.map((x) => ({ factor: names.get(x.factor_id) ?? '?', post: x.post, start: x.start_date, end: x.end_date })),
    exams,
    rechecks,
    certificates,
    alerts,
  };
}

/** The conclusion as the file prints it: 复查（纯音听阈，2026-05-30 前） / 职业禁忌证（高血压） … */
export function conclusionText(e: Pick<Exam, 'conclusion' | 'recheckItems' | 'recheckDue' | 'contraindication' | 'detail'>): string {
  const label = term(`health.exam.conclusion.${e.conclusion}`, 'zh-CN');
  if (e.conclusion === 'recheck') return `${label}（${e.recheckItems ?? ''}，${e.recheckDue ?? ''} 前）`;
  if (e.conclusion === 'contraindication') return `${label}（${e.contraindication ?? ''}）`;
  if (e.conclusion !== 'normal' && e.detail) return `${label}（${e.detail}）`;
  return label;
}

export async function renderHealthFile(d: HealthFileData, fingerprint: string, now = new Date()): Promise<Buffer> {
  const { createPdf, FieldGrid, PdfTable, titleBlock } = await import('../../documents/pdf');
  const title = '职业健康监护档案';
  const pdf = createPdf({ title: `${title} ${d.worker.empNo} ${d.worker.name}`, subject: `${d.enterprise} ${title}`, createdAt: now });
  titleBlock(pdf, { enterprise: d.enterprise, title, left: `${d.worker.empNo} ${d.worker.name}`, right: `制表日期：${d.today}` });
  const f = new FieldGrid(pdf, { minRow: 20, padY: 3, padX: 4 });
  f.section('一、劳动者基本信息');
  f.pair('工号', d.worker.empNo, '姓名', d.worker.name);
  f.pair('性别', d.worker.gender === 'F' ? '女' : '男', '出生日期', d.worker.birthDate ?? '');
  f.pair('身份证号', d.worker.idCardMasked, '在册状态', d.worker.status === 'left' ? '离职' : '在职');
  f.pair('车间', d.worker.workshop ?? '', '班组', d.worker.team ?? '');
  f.pair('岗位', d.worker.post ?? '', '入职日期', d.worker.hireDate ?? '');
  pdf.gap(10);
  const section = (text: string) => {
    pdf.ensure(60);
    pdf.para(text, { bold: true, gap: 4 });
  };
  const table = (cols: ConstructorParameters<typeof PdfTable>[1], rows: (string | null)[][], empty: string) => {
    const t = new PdfTable(pdf, cols, { minRow: 18, padY: 3, padX: 4 }).begin();
    if (rows.length === 0) t.note(empty);
    for (const r of rows) t.row(r);
    t.end();
    pdf.gap(10);
  };
  section('二、职业病危害因素接触史');
  table(
    [{ header: '危害因素', flex: 2 }, { header: '岗位', flex: 2 }, { header: '开始日期', width: 80 }, { header: '结束日期', width: 80 }],
    d.exposures.map((x) => [x.factor, x.post, x.start, x.end ?? '至今']),
    '未登记接触职业病危害因素',
  );
  section('三、职业健康检查记录');
  table(
    [{ header: '体检日期', width: 70 }, { header: '类别', width: 62 }, { header: '体检机构', flex: 2 }, { header: '检查因素', flex: 2 }, { header: '体检结论', flex: 3 }],
    d.exams.map((e) => [e.date, term(`health.exam.kind.${e.kind}`, 'zh-CN') + (e.screening ? '（含两癌筛查）' : ''), e.institution, e.factorNames.join('、'), conclusionText(e)]),
    '暂无体检记录',
  );
  section('四、复查情况');
  table(
    [{ header: '体检日期', width: 70 }, { header: '复查项目', flex: 3 }, { header: '复查期限', width: 80 }, { header: '复查结果', flex: 2 }],
    d.rechecks.map((r) => [r.examDate, r.items, r.due, r.doneOn ? `已于 ${r.doneOn} 复查` : r.due < d.today ? '逾期未复查' : '待复查']),
    '无复查要求',
  );
  section('五、特种作业操作证');
  table(
    [{ header: '作业类别', flex: 2 }, { header: '证号', flex: 2 }, { header: '发证日期', width: 72 }, { header: '下次复审', width: 72 }, { header: '有效期至', width: 72 }],
    d.certificates.map((c) => [c.category, c.certNo, c.issueDate, c.nextReview ?? '到期换证', c.expiry]),
    '无特种作业操作证',
  );
  section('六、当前提醒');
  if (d.alerts.length === 0) pdf.para('无待办提醒。', { gap: 4 });
  for (const a of d.alerts) pdf.para(`• ${a}`, { gap: 2 });
  return pdf.finish({ left: `${title} · ${d.worker.empNo} ${d.worker.name}`, fingerprint });
}

export async function healthFilePdf(ctx: Ctx, workerId: string): Promise<FileRef> {
  const data = healthFileData(ctx.store, workerId);
  const buffer = await renderHealthFile(data, chainHead(ctx.store).fingerprint);
  return ctx.env.files.fromBuffer(`职业健康监护档案 ${data.worker.empNo} ${data.worker.name}.pdf`, PDF_MIME, buffer);
}
