import ExcelJS from 'exceljs';
import { term } from '../../../shared/glossary';
import type { WorkerQuery } from '../../../shared/roster/schemas';
import { IMPORT_FIELDS, type ImportField, type Worker } from '../../../shared/roster/types';
import type { Store } from '../db/store';
import { iterateWorkers } from './workers';
import { stamp } from '../util';
import { fieldLabel } from './import';

const yesNo = (b: boolean) => (b ? '是' : '否');

/** Export values are written the way the importer reads them, so an export re-imports cleanly. */
function cell(w: Worker, f: ImportField): string | number | null {
  switch (f) {
    case 'empNo': return w.empNo;
    case 'name': return w.name;
    case 'gender': return term(`gender.${w.gender}`);
    case 'idCard': return w.idCard;
    case 'phone': return w.phone;
    case 'workshop': return w.workshopName;
    case 'team': return w.teamName;
    case 'post': return w.post;
    case 'hireDate': return w.hireDate;
    case 'skillGrade': return w.skillGrade;
    case 'status': return term(`status.${w.status}`);
    case 'roles': return w.roles.map((r) => term(`role.${r}`)).join('、');
    case 'isRepresentative': return yesNo(w.isRepresentative);
    case 'isFrontline': return yesNo(w.isFrontline);
    case 'isManager': return yesNo(w.isManager);
    case 'certType': return w.certType;
    case 'certNo': return w.certNo;
    case 'certExpiry': return w.certExpiry;
    case 'hazardFactors': return w.hazardFactors.join('、');
  }
}

const WIDTH: Partial<Record<ImportField, number>> = { idCard: 22, workshop: 14, team: 14, roles: 22, hazardFactors: 22, phone: 14, hireDate: 12, certExpiry: 12, certNo: 20 };

export async function exportRosterXlsx(store: Store, q: Omit<WorkerQuery, 'page' | 'pageSize'>): Promise<{ fileName: string; buffer: Buffer; count: number }> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Ankang 安康';
  wb.created = new Date();
  const ws = wb.addWorksheet('职工花名册', { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  ws.columns = IMPORT_FIELDS.map((f) => ({
    header: fieldLabel(f),
    key: f,
    width: WIDTH[f] ?? 10,
    style: f === 'idCard' || f === 'empNo' || f === 'phone' || f === 'certNo' ? { numFmt: '@' } : {},
  }));
  ws.getRow(1).font = { bold: true };
  let count = 0;
  for (const w of iterateWorkers(store, q)) {
    ws.addRow(IMPORT_FIELDS.map((f) => cell(w, f)));
    count++;
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: IMPORT_FIELDS.length } };
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return { fileName: `职工花名册-${stamp()}.xlsx`, buffer, count };
}
