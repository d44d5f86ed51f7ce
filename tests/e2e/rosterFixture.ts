// The roster file the journey imports: a GBK-encoded CSV as Excel on a Chinese Windows saves it — a title row above
// the header, Chinese headers (some aliases) in a non-standard order, unmapped extra columns, CRLF line ends.
import iconv from 'iconv-lite';
import { idCardCheckChar } from '../../shared/roster/idcard';

export interface RosterRow {
  seq: number;
  name: string;
  workshop: string;
  team: string;
  post: string;
  empNo: string;
  idCard: string;
  gender: '男' | '女';
  hireDate: string;
  phone: string;
  roles: string;
}

export const TITLE = '泰兴安康化工有限公司职工花名册（2024年12月）';
export const HEADER = ['序号', '姓名', '所属车间', '班组', '岗位名称', '工号', '身份证号码', '性别', '入职时间', '手机号码', '安全职责', '备注'];

export const WORKSHOPS: Record<string, string[]> = {
  合成车间: ['合成甲班', '合成乙班'],
  包装车间: ['包装一班'],
  储运车间: ['仓储班'],
};

// 30 names; the searches in the journey rely on: one 欧阳明华 (3+ character search "欧阳明"), exactly one name
// containing 王芳 among several 王s (2-character search), and exactly three posts containing 仓库管理.
const NAMES = [
  '欧阳明华', '王芳', '王建国', '王强', '李秀英', '张伟', '刘洋', '陈静', '杨帆', '赵磊',
  '黄丽', '周杰', '吴敏', '徐涛', '孙燕', '马超', '朱红', '胡斌', '郭婷', '何军',
  '高峰', '林晓', '罗娟', '郑浩', '梁雪', '谢宇', '宋佳', '唐亮', '许倩', '韩冬',
];
const FEMALE = new Set(['王芳', '李秀英', '陈静', '黄丽', '吴敏', '孙燕', '朱红', '郭婷', '林晓', '罗娟', '梁雪', '宋佳', '许倩']);

/** 1-based file row numbers of the two broken rows (title = row 1, header = row 2, data from row 3). */
export const BAD_ID_ROW = 10; // ID-card check digit wrong
export const BAD_DATE_ROW = 22; // 入职时间 2021-02-30

function idCard(i: number, female: boolean): string {
  const birth = `19${70 + (i % 25)}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}`;
  const seq = String(10 + i).padStart(2, '0');
  const g = female ? (i * 2) % 10 : ((i * 2) % 10) + 1; // 17th digit: odd = male, even = female
  const first17 = `321283${birth}${seq}${g}`;
  return first17 + idCardCheckChar(first17);
}

export function rosterRows(): RosterRow[] {
  const units = Object.entries(WORKSHOPS).flatMap(([w, teams]) => teams.map((t) => [w, t] as const));
  return NAMES.map((name, i) => {
    const [workshop, team] = units[i % units.length]!;
    const female = FEMALE.has(name);
    let post = workshop === '合成车间' ? '合成操作工' : workshop === '包装车间' ? '包装工' : '装卸工';
    if (i === 3 || i === 15 || i === 27) post = '危化品仓库管理员';
    const row: RosterRow = {
      seq: i + 1,
      name,
      workshop,
      team,
      post,
      empNo: `HG${String(101 + i).padStart(4, '0')}`,
      idCard: idCard(i, female),
      gender: female ? '女' : '男',
      hireDate: `${2005 + (i % 18)}/${1 + (i % 12)}/${1 + ((i * 3) % 28)}`,
      phone: `139${String(5000_0000 + i * 7919).padStart(8, '0')}`,
      roles: i === 4 ? '安全员' : i === 8 ? '班组长' : i === 12 ? '安全员、职业卫生管理员' : '',
    };
    if (i + 3 === BAD_ID_ROW) row.idCard = row.idCard.slice(0, 17) + (row.idCard[17] === '0' ? '1' : '0');
    if (i + 3 === BAD_DATE_ROW) row.hireDate = '2021-02-30';
    return row;
  });
}

const csvCell = (v: string | number) => (/[",\r\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));

export function rosterCsvText(rows = rosterRows()): string {
  const lines = [[TITLE, ...Array<string>(HEADER.length - 1).fill('')], HEADER];
  for (const r of rows) {
    lines.push([String(r.seq), r.name, r.workshop, r.team, r.post, r.empNo, r.idCard, r.gender, r.hireDate, r.phone, r.roles, '']);
  }
  return lines.map((l) => l.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function rosterCsvGbk(): Buffer {
  return iconv.encode(rosterCsvText(), 'gbk');
}
