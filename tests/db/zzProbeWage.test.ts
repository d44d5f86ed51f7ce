import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { it } from 'vitest';
import { setQuiet } from '../../electron/core/log';
import { openTestCore, refusal, say } from '../helpers/core';
setQuiet(true);

it('probe', async () => {
  const tc = await openTestCore();
  const admin = tc.call as any;
  const team = await admin('org.create', { kind: 'workshop', parentId: null, name: '合成车间' });
  await admin('workers.create', { empNo: 'W001', name: '张三', gender: 'M', orgUnitId: team.id });
  const pv = async (label: string, kind: string, fileName: string, buf: Buffer) => {
    const t0 = Date.now();
    try {
      const p = await admin('wage.importPreview', { kind, fileName, dataBase64: buf.toString('base64') });
      if (!p.rows) { console.log(label, "NOROWS", JSON.stringify(p).slice(0, 500)); return; }
      console.log(label, Date.now() - t0, "ms", JSON.stringify({ counts: p.counts, rows: p.rows.slice(0, 3).map((r: any) => [r.who, r.action, r.problems.map((x: any) => say(x)), r.parsed]) }).slice(0, 800));
    } catch (e) {
      console.log(label, Date.now() - t0, 'ms', 'ERR', String((e as any)?.stack ?? e).slice(0, 1500));
    }
  };
  if (0) {
  {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.addRow(['工号', '姓名', '月份', '工时']);
    ws.addRow(['W001', '张三', '2026-03', { formula: 'SUM(E2:AI2)' }]);
    ws.addRow(['W001', '张三', '2026-04', { formula: 'SUM(E2:AI2)', result: 176 }]);
    ws.addRow(['W001', '张三', '2026-05', { formula: "'[other.xlsx]Sheet1'!A1", result: 12 }]);
    ws.addRow(['W001', '张三', '2026-06', { formula: '1/0', result: { error: '#DIV/0!' } }]);
    await pv('formula', 'timekeeping', 'f.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
  }
  // control characters, emoji, rare CJK, long
  {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.addRow(['日期', '工号', '姓名', '类别', '事项', '分值', '备注']);
    ws.addRow(['2026-03-05', 'W001', '张三', '违章', '未戴\u0007安全帽', '扣2分', 'a\u0000b']);
    ws.addRow(['2026-03-05', 'W001', '张三', '违章', '未戴安全帽😀', '扣2分', '😀']);
    ws.addRow(['2026-03-05', 'W001', '张三', '违章', '𠮷未戴', '扣2分', 'x'.repeat(5000)]);
    ws.addRow(['2026-03-05', 'W001', '张三', '违章', 'y'.repeat(50000), '扣2分', null]);
    await pv('strings', 'behaviour', 'b.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
  }
  // accidents people
  {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.addRow(['日期', '地点', '等级', '涉及人员']);
    ws.addRow(['2026-03-05', '罐区', '轻伤', '张三、李四']);
    ws.addRow(['2026-03-06', '罐区', '轻伤', '张三 李四']);
    ws.addRow(['2026-03-07', '罐区', '轻伤', '张三,W001 / 王五']);
    await pv('accidents', 'accidents', 'a.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
  }
  // CSV renamed
  await pv('csv renamed', 'timekeeping', 'x.xlsx', Buffer.from('工号,月份,工时\nW001,2026-03,176\n'));
  }
  // zip bomb
  {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.addRow(['工号', '月份', '工时']);
    const base = Buffer.from(await wb.xlsx.writeBuffer());
    const zip = await JSZip.loadAsync(base);
    const name = Object.keys(zip.files).find((n) => n.includes('worksheets/sheet1'))!;
    const xml = await zip.file(name)!.async('string');
    const i = xml.indexOf('</sheetData>');
    const big = 'A'.repeat(1024 * 1024);
    const parts = [xml.slice(0, i), '<row r="2"><c r="A2" t="inlineStr"><is><t>'];
    for (let k = 0; k < 300; k++) parts.push(big);
    parts.push('</t></is></c></row>', xml.slice(i));
    zip.file(name, parts.join(''));
    const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
    console.log('bomb size', bomb.length);
    await pv('bomb', 'timekeeping', 'bomb.xlsx', bomb);
  }
  if (0)
  {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.addRow(['工号', '月份', '工时']);
    const base = Buffer.from(await wb.xlsx.writeBuffer());
    const zip = await JSZip.loadAsync(base);
    const name = Object.keys(zip.files).find((n) => n.includes('worksheets/sheet1'))!;
    const xml = await zip.file(name)!.async('string');
    const i = xml.indexOf('</sheetData>');
    const parts = [xml.slice(0, i)];
    for (let r = 2; r <= 1048576; r++) parts.push(`<row r="${r}"><c r="A${r}"><v>1</v></c></row>`);
    parts.push(xml.slice(i));
    zip.file(name, parts.join(''));
    const f = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
    console.log('rows size', f.length);
    await pv('1M rows', 'timekeeping', 'rows.xlsx', f);
  }
  console.log('rss', Math.round(process.memoryUsage().rss / 1e6));
  tc.close();
}, 600_000);
