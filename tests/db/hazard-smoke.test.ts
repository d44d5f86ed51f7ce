import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../helpers/core';

let tc: TestCore | null = null;
afterEach(() => {
  tc?.close();
  tc = null;
});

describe('hazard workflow smoke', () => {
  it('reports, confirms, assigns, rectifies, is rejected once and accepted by another operator', async () => {
    tc = await openTestCore();
    const c = tc;
    const ws = await c.call('org.create', { kind: 'workshop', parentId: null, name: '合成车间' });
    const team = await c.call('org.create', { kind: 'team', parentId: ws.id, name: '甲班' });
    const resp = await c.call('workers.create', { empNo: 'W2', name: '李整改', gender: 'M', roles: ['team_leader'], orgUnitId: team.id });
    const h = await c.call('hazards.report', { foundAt: '2026-11-20T09:30', source: 'self_check', category1: 'material', category2: 'physical', description: '反应釜安全阀铅封损坏', orgUnitId: team.id });
    expect(h.serial).toMatch(/^YH-2026-0001$/);
    expect(h.status).toBe('reported');
    const c1 = await c.call('hazards.confirm', { id: h.id, grade: 'general', lec: { l: 3, e: 6, c: 15 } });
    expect(c1.riskD).toBe(270);
    expect(c1.risk).toBe('orange');
    await expect(c.call('hazards.start', { id: h.id })).rejects.toThrow(/CONFLICT/);
    await c.call('hazards.assign', { id: h.id, responsibleId: resp.id, measures: '更换安全阀', plannedFunds: 1200.5, deadline: '2026-12-31', emergencyPlan: '现场处置方案' });
    await c.call('hazards.start', { id: h.id });
    const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#0f766e' } }).png().toBuffer();
    const a = await c.call('attachments.upload', { fileName: 'after.png', dataBase64: png.toString('base64') });
    const s = await c.call('hazards.submit', { id: h.id, actualFunds: 1000, rectificationNote: '已更换', afterPhotoIds: [a.id] });
    expect(s.status).toBe('submitted');
    // the admin submitted, so the admin may not accept
    await expect(c.call('hazards.accept', { id: h.id })).rejects.toThrow(/FORBIDDEN/);
    const list = await c.call('hazards.list', { search: '安全阀' });
    expect(list.total).toBe(1);
    const stats = await c.call('hazards.stats', { year: 2026 });
    expect(stats.found).toBe(1);
    const pdf = await c.call('hazards.noticePdf', { id: h.id });
    expect(pdf.fileName).toContain('YH-2026-0001');
    const x = await c.call('hazards.exportLedger', {});
    expect(x.bytes).toBeGreaterThan(1000);
    expect(c.fileBytes(x).subarray(0, 2).toString()).toBe('PK');
    expect(c.fileBytes(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
