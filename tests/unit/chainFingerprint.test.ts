// Signed documents carry the audit chain's head (auditChain.ts chainHead): the statistics table, PDF and xlsx, prints
// "数据指纹 <first 12 hex of the head hash> #<seq>", and that names the entry the paper was made from.
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { chainHead } from '../../electron/core/auditChain';
import { setQuiet } from '../../electron/core/log';
import { openTestCore, type TestCore } from '../helpers/core';

setQuiet(true);

let tc: TestCore | null = null;
afterEach(() => {
  tc?.close();
  tc = null;
});

const squash = (s: string) => s.replace(/\s+/g, '');
const year = new Date().getFullYear();

describe('the chain head on the statistics table', () => {
  test('the PDF prints the head fingerprint, which names the newest audit entry; a later change prints another', async () => {
    tc = await openTestCore();
    await tc.call('org.create', { kind: 'workshop', parentId: null, name: '一车间' });
    const head = chainHead(tc.core.store);
    const entry = tc.core.store.get<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1')!;
    expect(head.fingerprint).toBe(`${entry.hash.slice(0, 4)}-${entry.hash.slice(4, 8)}-${entry.hash.slice(8, 12)} #${entry.seq}`);

    const file = path.join(tc.dir, 'stats.pdf');
    fs.writeFileSync(file, tc.fileBytes(await tc.call('hazards.statsPdf', { year, quarter: null })));
    const text = squash(execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
    expect(text).toContain(squash(`数据指纹 ${head.fingerprint}`));

    await tc.call('org.create', { kind: 'workshop', parentId: null, name: '二车间' });
    const next = chainHead(tc.core.store);
    expect(next.seq).toBe(head.seq + 1);
    fs.writeFileSync(file, tc.fileBytes(await tc.call('hazards.statsPdf', { year, quarter: null })));
    const text2 = squash(execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
    expect(text2).toContain(squash(`数据指纹 ${next.fingerprint}`));
    expect(text2).not.toContain(squash(head.fingerprint));
  });

  test('the xlsx prints it in the page footer', async () => {
    tc = await openTestCore();
    const head = chainHead(tc.core.store);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tc.fileBytes(await tc.call('hazards.exportStats', { year, quarter: null })) as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.headerFooter.oddFooter).toContain(`数据指纹 ${head.fingerprint}`);
  });
});
