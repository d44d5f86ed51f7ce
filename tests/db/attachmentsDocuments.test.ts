// Documents as attachments (issue 8, agenda materials): PDF, Word, Excel, PowerPoint, plain text and CSV are taken when
// the content and the extension agree, stored byte for byte by content hash, never opened further; programs, unknown
// types, mismatches, empty and oversized files are refused with nothing stored. A document can be an agenda item's
// material and be downloaded under its name and type, but never a photo (hazard photos, thumbnails).
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import { setQuiet } from '../../electron/core/log';
import { todayLocal } from '../../electron/core/util';
import { shiftDate } from '../../shared/congress/proposals/workflow';
import { DOCUMENT_TYPES, MAX_DOCUMENT_BYTES } from '../../shared/attachments/rules';
import type { AttachmentInfo } from '../../shared/attachments/types';
import { openTestCore, say, type TestCore } from '../helpers/core';

setQuiet(true);
let tc: TestCore | null = null;
afterEach(() => {
  tc?.close();
  tc = null;
});

type Err = { code: string; message: string; details?: Record<string, unknown> };
const b64 = (b: Buffer) => b.toString('base64');
const files = (root: string): string[] => (fs.existsSync(root) ? fs.readdirSync(root, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => path.join(d.parentPath, d.name)) : []);

async function refusal(p: Promise<unknown>): Promise<Err> {
  try {
    await p;
  } catch (e) {
    return (e as { data: Err }).data;
  }
  throw new Error('expected a refusal');
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');

async function ooxml(part: 'word' | 'ppt'): Promise<Buffer> {
  const z = new JSZip();
  z.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  z.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>');
  z.file(part === 'word' ? 'word/document.xml' : 'ppt/presentation.xml', '<?xml version="1.0" encoding="UTF-8"?><x/>');
  return z.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

async function xlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('议程').addRow(['序号', '议题']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** An OLE compound file (old .doc / .xls): its 512-byte header. */
const cfb = () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504, 0)]);
const UTF8 = Buffer.from('\ufeff会议议程\n一、审议集体合同草案\n', 'utf8');
// “议程,时间” in GBK — not valid UTF-8
const GBK = Buffer.from([0xd2, 0xe9, 0xb3, 0xcc, 0x2c, 0xca, 0xb1, 0xbc, 0xe4, 0x0a]);

async function upload(fileName: string, data: Buffer): Promise<AttachmentInfo> {
  return tc!.call('attachments.uploadDocument', { fileName, dataBase64: b64(data) });
}

describe('documents', () => {
  it('takes each type when content and extension agree, stored byte for byte under its hash, downloadable under its name', async () => {
    tc = await openTestCore();
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(GBK)).toThrow();
    const cases: [string, Buffer, string][] = [
      ['安全生产报告.pdf', PDF, DOCUMENT_TYPES.pdf],
      ['集体合同草案.docx', await ooxml('word'), DOCUMENT_TYPES.docx],
      ['经费预算.xlsx', await xlsx(), DOCUMENT_TYPES.xlsx],
      ['工作报告.pptx', await ooxml('ppt'), DOCUMENT_TYPES.pptx],
      ['旧制度.DOC', cfb(), DOCUMENT_TYPES.doc],
      ['旧台账.xls', Buffer.concat([cfb(), Buffer.from([1])]), DOCUMENT_TYPES.xls],
      ['议程.txt', UTF8, DOCUMENT_TYPES.txt],
      ['名单.csv', GBK, DOCUMENT_TYPES.csv],
    ];
    for (const [name, data, mime] of cases) {
      const a = await upload(name, data);
      expect(a, name).toMatchObject({ mime, bytes: data.length, width: 0, height: 0, originalName: name });
      const ext = name.split('.').pop()!.toLowerCase();
      const stored = path.join(tc.core.paths.attachments, a.sha256.slice(0, 2), `${a.sha256}.${ext}`);
      expect(fs.readFileSync(stored).equals(data), name).toBe(true);
      // no thumbnail is made for a document
      expect(fs.existsSync(path.join(tc.core.paths.attachments, a.sha256.slice(0, 2), `${a.sha256}.thumb.webp`))).toBe(false);
      const ref = await tc.call('attachments.download', { id: a.id });
      expect(ref).toMatchObject({ fileName: name.replace(/\.DOC$/, '.doc'), mime, bytes: data.length });
      expect(tc.fileBytes(ref).equals(data), name).toBe(true);
      const full = await tc.call('attachments.get', { id: a.id, size: 'full' });
      expect(Buffer.from(full.dataBase64, 'base64').equals(data)).toBe(true);
    }
    // the same bytes again: the same attachment
    const again = await upload('再传一次.pdf', PDF);
    expect(tc.core.store.db.prepare(`SELECT count(*) FROM attachments`).pluck().get()).toBe(cases.length);
    expect(again.originalName).toBe('安全生产报告.pdf');
    // an audit row per stored document
    expect(tc.core.store.db.prepare(`SELECT count(*) FROM audit_log WHERE entity = 'attachment' AND action = 'create'`).pluck().get()).toBe(cases.length);
  });

  it('refuses programs, unknown types, mismatches, empty and oversized files, storing nothing', async () => {
    tc = await openTestCore();
    const mz = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46]), Buffer.alloc(60, 1)]);
    const refusals: [string, Buffer, string][] = [
      ['setup.exe', mz, 'err.document.executable'],
      ['会议材料.pdf', mz, 'err.document.executable'],
      ['notes.txt', elf, 'err.document.executable'],
      ['run.txt', Buffer.from('#!/bin/sh\nrm -rf /\n'), 'err.document.executable'],
      ['归档.zip', await ooxml('word'), 'err.document.unknownType'],
      ['无扩展名', PDF, 'err.document.unknownType'],
      ['报告.docx', PDF, 'err.document.mismatch'],
      ['预算.xlsx', await ooxml('word'), 'err.document.mismatch'],
      ['报告.pdf', await xlsx(), 'err.document.mismatch'],
      ['旧.doc', PDF, 'err.document.mismatch'],
      ['议程.txt', Buffer.from('abc\0def'), 'err.document.mismatch'],
      ['坏.docx', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100, 7)]), 'err.document.mismatch'],
    ];
    for (const [name, data, key] of refusals) {
      const e = await refusal(upload(name, data));
      expect(e.code, name).toBe('BAD_FILE');
      expect(e.message, name).toBe(key);
      // the user reads the file's name in both languages
      expect(say(e)).toContain(name);
      expect(say(e, 'en')).toContain(name);
    }
    expect(say(await refusal(upload('报告.docx', PDF)))).toBe('“报告.docx”的内容不是 .docx 文件（内容与扩展名不符）');
    const empty = await tc.core.dispatch('attachments.uploadDocument', { fileName: '空.pdf', dataBase64: '' }, tc.session);
    expect(empty.ok).toBe(false);
    const big = Buffer.concat([PDF, Buffer.alloc(MAX_DOCUMENT_BYTES + 1 - PDF.length, 0x20)]);
    const tooBig = await tc.core.dispatch('attachments.uploadDocument', { fileName: '超大.pdf', dataBase64: b64(big) }, tc.session);
    expect(tooBig.ok).toBe(false);
    // the largest accepted size is taken
    const max = Buffer.concat([PDF, Buffer.alloc(MAX_DOCUMENT_BYTES - PDF.length, 0x20)]);
    const a = await upload('最大.pdf', max);
    expect(a.bytes).toBe(MAX_DOCUMENT_BYTES);
    expect(tc.core.store.db.prepare(`SELECT count(*) FROM attachments`).pluck().get()).toBe(1);
    expect(files(tc.core.paths.attachments)).toHaveLength(1);
  });

  it('a document is an agenda item’s material and is listed with its type and size; it is never a photo', async () => {
    tc = await openTestCore();
    const admin = tc.call;
    const ws = await admin('org.create', { kind: 'workshop', parentId: null, name: '合成车间' });
    const term = await admin('congress.termCreate', { number: 3, startDate: '2024-01-01', endDate: '2028-12-31' });
    const s = await admin('congress.sessionCreate', { termId: term.id, kind: 'safety', date: '2026-12-20', time: '08:30', place: '职工活动中心', convenor: '工会' });
    const item = s.agenda[0]!;
    const doc = await upload('集体合同草案.docx', await ooxml('word'));
    const after = await admin('congress.agendaMaterialAdd', { itemId: item.id, attachmentId: doc.id, title: '集体合同草案' });
    expect(after.agenda[0]!.materials).toEqual([{ attachmentId: doc.id, title: '集体合同草案', mime: DOCUMENT_TYPES.docx, bytes: doc.bytes }]);
    expect((await admin('congress.session', { id: s.id })).agenda[0]!.materials).toHaveLength(1);

    // a document has no thumbnail and is not an image
    const thumb = await refusal(admin('attachments.get', { id: doc.id, size: 'thumb' }));
    expect(thumb.message).toBe('err.attachment.notImage');
    const snapshot = () => JSON.stringify(tc!.core.store.db.prepare(`SELECT * FROM hazard_photos`).all());
    const h = await admin('hazards.report', { foundAt: '2026-11-20T09:30', source: 'self_check', category1: 'material', description: '安全阀铅封损坏', orgUnitId: ws.id });
    const before = snapshot();
    const asPhoto = await refusal(admin('hazards.addPhoto', { id: h.id, attachmentId: doc.id, phase: 'before' }));
    expect(asPhoto).toMatchObject({ code: 'VALIDATION', message: 'err.attachment.notImage' });
    expect(say(asPhoto)).toBe('附件“集体合同草案.docx”是文档而不是图片，不能用作照片');
    const reported = await refusal(admin('hazards.report', { foundAt: '2026-11-20T09:30', source: 'self_check', category1: 'material', description: '另一条', orgUnitId: ws.id, photoIds: [doc.id] }));
    expect(reported.message).toBe('err.attachment.notImage');
    expect(snapshot()).toBe(before);
    expect(tc.core.store.db.prepare(`SELECT count(*) FROM hazards`).pluck().get()).toBe(1);
  });

  it('a document is refused as a proposal’s photo, and nothing is filed', async () => {
    tc = await openTestCore();
    const admin = tc.call;
    const ws = await admin('org.create', { kind: 'workshop', parentId: null, name: '合成车间' });
    const term = await admin('congress.termCreate', { number: 3, startDate: '2024-01-01', endDate: '2028-12-31' });
    const rep = await admin('workers.create', { empNo: 'R1', name: '张提案', gender: 'M', orgUnitId: ws.id });
    await admin('congress.memberAdd', { termId: term.id, workerId: rep.id, joinedOn: '2024-01-01' });
    await admin('congress.proposalSettingsSave', { termId: term.id, windowDays: 30, minCosigners: 0, secondAnswerDays: 15, sessionDate: shiftDate(todayLocal(), 10) });
    const doc = await upload('说明.pdf', PDF);
    const input = { termId: term.id, category: 'safety' as const, title: '平台护栏加高', reason: '护栏过低', measure: '加高至 1.2 米', proposerId: rep.id, cosignerIds: [] };
    const e = await refusal(admin('congress.proposalSubmit', { ...input, photoIds: [doc.id] }));
    expect(e).toMatchObject({ code: 'VALIDATION', message: 'err.attachment.notImage' });
    expect(tc.core.store.db.prepare(`SELECT count(*) FROM congress_proposals`).pluck().get()).toBe(0);
    // the same proposal without the document is filed
    expect((await admin('congress.proposalSubmit', input)).title).toBe('平台护栏加高');
  });
});
