// Rosters as Chinese HR offices keep them, for the import tests (unit and e2e): a title row, a group row
// (基本信息 / 岗位信息 / 职代会 / 特种作业) merged over the real headers, 工号 and 姓名 merged down over the two header
// rows, 车间 merged down over its workers, headers by meaning (所在车间, 身份证号码, 联系电话, 证书有效期, 复审日期),
// skill grades in every spelling, role flag columns of √ and 是, phones with spaces, dashes and +86, full-width spaces
// inside names and units, an ID card stored as a number, and footer rows (合计：N 人, 制表人…审核人…).
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { idCardCheckChar } from '../../shared/roster/idcard';

export function makeId(birth: string, seq: string, region = '321202'): string {
  const first17 = `${region}${birth}${seq}`;
  return first17 + idCardCheckChar(first17);
}
export const MESSY_IDS = {
  zhang: makeId('19850615', '011'),
  li: makeId('19920304', '022'),
  zhao: makeId('19880101', '042'),
  qian: makeId('19790909', '053'),
  sun: makeId('19950505', '064'),
};
/** an ID card typed into a number cell: the JS number keeps 17 significant digits, Excel 15 */
export const ID_AS_NUMBER = Number('320102199001011234');

export const MESSY_HEADER = ['序号', '工号', '姓名', '性别', '身份证号码', '联系电话', '所在车间', '班组', '岗位', '技能等级', '入职日期', '职工代表', '班组长', '安全员', '作业类别', '操作证号', '证书有效期', '备注'];

/** The .xlsx: header on row 3; workers on rows 4–9 (row 6 has the ID card as a number); footers on rows 10–11. */
export async function messyXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  ws.getCell('A1').value = '泰兴安康化工有限公司 职工花名册（2025 年）';
  ws.mergeCells('A1:R1');
  // the group row over the real headers; 序号, 工号, 姓名 and 备注 are merged down over both header rows
  for (const [cell, v] of [['A2', '序号'], ['B2', '工号'], ['C2', '姓名'], ['D2', '基本信息'], ['G2', '岗位信息'], ['L2', '职代会'], ['M2', '安全管理'], ['O2', '特种作业'], ['R2', '备注']] as const) {
    ws.getCell(cell).value = v;
  }
  for (const r of ['A2:A3', 'B2:B3', 'C2:C3', 'D2:F2', 'G2:K2', 'M2:N2', 'O2:Q2', 'R2:R3']) ws.mergeCells(r);
  MESSY_HEADER.forEach((h, i) => {
    if (i >= 3 && i !== 17) ws.getRow(3).getCell(i + 1).value = h;
  });
  const rows: (string | number | Date | null)[][] = [
    [1, 'JG001', '张　三', '男', MESSY_IDS.zhang, '138 0576 9999', '金工　车间', '甲班', '车工', '高级工', '2019/3/5', '√', '√', '', '', '', '', ''],
    [2, 'JG002', '李娜', '女', MESSY_IDS.li, '138-0576-8888', null, '甲班', '铣工', '技师', '2020.7.1', '', '', '是', '电工作业', 'T2020-01', '2027-06-30', ''],
    [3, 'JG003', '王强', '男', ID_AS_NUMBER, '+86 139 0000 1111', null, '乙班', '钳工', '四级', new Date(Date.UTC(2018, 4, 6)), '', '', '', '', '', '', '身份证号被存成了数字'],
    [4, 'ZP001', '赵敏', '女', MESSY_IDS.zhao, '0523-8765 4321', '装配车间', '一班', '装配工', '初级', '2021年3月5日', '是', '', '√', '', '', '', ''],
    [5, 'ZP002', '钱伟', '男', MESSY_IDS.qian, '(0523)87654322', null, '一班', '装配工', 3, '20220101', '', '', '', '', '', '', ''],
    [6, 'ZP003', '孙丽', '女', MESSY_IDS.sun, '13805760000', null, '二班', '质检员', '中级工', '2023-02-01', '', '', '', '', '', '', ''],
  ];
  rows.forEach((r, i) => {
    const row = ws.getRow(4 + i);
    r.forEach((v, c) => {
      if (v !== null && v !== '') row.getCell(c + 1).value = v;
    });
  });
  ws.mergeCells('G4:G6'); // 金工 车间 over its three workers
  ws.mergeCells('G7:G9'); // 装配车间 over its three
  ws.getCell('A10').value = '合计：6 人';
  ws.mergeCells('A10:R10');
  ws.getCell('A11').value = '制表人：周某某';
  ws.getCell('H11').value = '审核人：吴某某';
  ws.getCell('O11').value = '日期：2025-01-10';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** What the preview reads from messyXlsx, row by row (file row numbers). */
export const MESSY_XLSX_EXPECTED = {
  headerRow: 3,
  valid: [4, 5, 7, 8, 9],
  numberIdRow: 6,
  footers: [10, 11],
};

/** An ID card of 18 digits ending in 000 whose check digit is wrong: Excel kept 15 digits and padded with zeros. */
export const ID_PADDED = '320102199001011000';
/** Excel's General display of a long number, as a CSV saved from it carries it */
export const ID_SCIENTIFIC = '3.20102E+17';

/**
 * The CSV: no merges. 工号 and 姓名 stand only in the group row above the real header (row 3); the header says
 * 所在部门, 工种, 安全技能等级, 特种作业类别, 证书编号, 复审日期. Rows 4–7 are workers, 8–9 footers.
 */
export function messyCsvText(): string {
  const lines = [
    ['泰兴安康化工有限公司职工花名册', '', '', '', '', '', '', '', '', '', ''],
    ['工号', '姓名', '基本信息', '', '', '岗位信息', '', '', '特种作业', '', ''],
    ['', '', '性别', '身份证号码', '联系电话', '所在部门', '工种', '安全技能等级', '特种作业类别', '证书编号', '复审日期'],
    ['GB01', '欧阳　娜娜', '女', MESSY_IDS.li, '138 0576 1234', '聚合　车间', '操作工', '高级技师', '电工作业', 'D001', '2026/12/31'],
    ['GB02', '司马光', '男', ID_SCIENTIFIC, '13905761111', '聚合车间', '操作工', '2', '', '', ''],
    ['GB03', '李雷', '男', ID_PADDED, '+86-139-0576-2222', '聚合车间', '操作工', '五级', '', '', ''],
    ['GB04', '韩梅梅', '女', '', '0086 13905763333', '聚合车间', '班长', '中级', '', '', ''],
    ['合计：4 人', '', '', '', '', '', '', '', '', '', ''],
    ['制表人：张三', '', '', '审核人：李四', '', '', '', '', '', '', ''],
  ];
  return lines.map((l) => l.join(',')).join('\r\n') + '\r\n';
}
export const messyCsvGbk = () => iconv.encode(messyCsvText(), 'gbk');
export const messyCsvUtf8Bom = () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(messyCsvText(), 'utf8')]);
