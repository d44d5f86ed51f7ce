// Culture walls (issue 10, area WALLS) through the real dispatch: walls per workshop and team, their updates with
// sections and photos, soft delete and restore of both, the setting N months, the check listing the units missing a
// wall and those not updated within N months (the cutoff day counts), wallFacts for the subsidy (a past year read on its
// last day); every write audited, only WALL_WRITERS (and administrators) write, and every refusal changes nothing.
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { wallCheck } from '../../electron/core/education/walls/check';
import { wallFacts } from '../../electron/core/education/walls/facts';
import { setQuiet } from '../../electron/core/log';
import { todayLocal } from '../../electron/core/util';
import { wallCutoff } from '../../shared/education/walls/rules';
import { type Call, caller, openTestCore, refusal, type TestCore } from '../helpers/core';

setQuiet(true);
let tc: TestCore | null = null;
afterEach(() => {
  tc?.close();
  tc = null;
});

const TODAY = todayLocal();
const YEAR = Number(TODAY.slice(0, 4));
/** the day `n` days before `d` */
function before(d: string, n: number): string {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() - n);
  return t.toISOString().slice(0, 10);
}

function tables(core: Core): string {
  const db = core.store.db;
  return JSON.stringify(['edu_walls', 'edu_wall_updates', 'edu_wall_photos', 'settings', 'audit_log'].map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()));
}
function audits(core: Core) {
  return core.store.db.prepare(`SELECT entity, entity_id, action FROM audit_log WHERE entity LIKE 'edu_wall%' OR entity_id = 'education.wallMonths' ORDER BY seq`).all() as {
    entity: string;
    entity_id: string;
    action: string;
  }[];
}

async function world() {
  tc = await openTestCore();
  const admin = tc.call as Call;
  const ws = await admin('org.create', { kind: 'workshop', parentId: null, name: '合成车间' });
  const t1 = await admin('org.create', { kind: 'team', parentId: ws.id, name: '甲班' });
  const t2 = await admin('org.create', { kind: 'team', parentId: ws.id, name: '乙班' });
  const ws2 = await admin('org.create', { kind: 'workshop', parentId: null, name: '包装车间' });
  return { admin, ws, t1, t2, ws2 };
}
let shade = 0;
/** a photo of its own (the same bytes would be the same attachment) */
async function photo(admin: Call, name = '墙.png') {
  const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: (++shade * 47) % 256, g: (shade * 101) % 256, b: 90 } } }).png().toBuffer();
  return admin('attachments.upload', { fileName: name, dataBase64: png.toString('base64') });
}

describe('walls and their updates', () => {
  it('a wall per unit; an update with sections and photos makes it current; the list shows unit, last update and state', async () => {
    const { admin, ws, t1 } = await world();
    const wall = await admin('education.wallCreate', { orgUnitId: t1.id, location: '甲班休息室东墙', name: '甲班安康墙' });
    expect(wall).toMatchObject({ orgUnitId: t1.id, unitKind: 'team', unitName: '甲班', workshopName: '合成车间', location: '甲班休息室东墙', lastUpdate: null, updates: 0, state: 'stale' });
    const p1 = await photo(admin, '一.png');
    const p2 = await photo(admin, '二.png');
    const up = await admin('education.wallUpdateAdd', { wallId: wall.id, date: TODAY, sections: ['tips', 'knowledge'], content: '更新了操作要点', photoIds: [p1.id, p2.id] });
    // sections stored in the list's order
    expect(up).toMatchObject({ wallId: wall.id, date: TODAY, sections: ['knowledge', 'tips'], content: '更新了操作要点', enteredBy: expect.any(String) });
    expect(up.photos.map((p) => p.id)).toEqual([p1.id, p2.id]);
    const wsWall = await admin('education.wallCreate', { orgUnitId: ws.id, location: '车间大门' });
    const list = await admin('education.walls', {});
    expect(list.map((w) => [w.unitName, w.lastUpdate, w.updates, w.state])).toEqual([
      ['合成车间', null, 0, 'stale'],
      ['甲班', TODAY, 1, 'current'],
    ]);
    expect((await admin('education.walls', { search: '东墙' })).map((w) => w.id)).toEqual([wall.id]);
    expect((await admin('education.walls', { workshopId: ws.id })).map((w) => w.id)).toEqual([wsWall.id, wall.id]);

    // editing the update replaces its photos; deleting it makes the wall stale again, restoring brings it back
    const edited = await admin('education.wallUpdateEdit', { id: up.id, date: before(TODAY, 1), sections: ['slogans'], content: null, photoIds: [p2.id] });
    expect(edited).toMatchObject({ date: before(TODAY, 1), sections: ['slogans'], content: null });
    expect(edited.photos.map((p) => p.id)).toEqual([p2.id]);
    await admin('education.wallUpdateDelete', { id: up.id });
    expect(await admin('education.wallUpdates', { wallId: wall.id })).toEqual([]);
    expect((await admin('education.walls', { search: '甲班' }))[0]).toMatchObject({ lastUpdate: null, state: 'stale' });
    expect((await admin('education.wallUpdates', { wallId: wall.id, deleted: true })).map((u) => u.id)).toEqual([up.id]);
    expect(await refusal(admin('education.wallUpdateDelete', { id: up.id }))).toMatchObject({ code: 'NOT_FOUND', message: 'err.edu.wall.updateNotFound' });
    await admin('education.wallUpdateRestore', { id: up.id });
    expect(await refusal(admin('education.wallUpdateRestore', { id: up.id }))).toMatchObject({ code: 'CONFLICT', message: 'err.edu.wall.notDeleted' });

    // a wall deleted is out of the list, takes no updates, and comes back with its updates
    await admin('education.wallDelete', { id: wall.id });
    expect((await admin('education.walls', {})).map((w) => w.id)).toEqual([wsWall.id]);
    expect((await admin('education.walls', { deleted: true })).map((w) => w.id)).toEqual([wall.id]);
    expect(await refusal(admin('education.wallUpdateAdd', { wallId: wall.id, date: TODAY, sections: ['tips'] }))).toMatchObject({ code: 'CONFLICT', message: 'err.edu.wall.wallDeleted' });
    const back = await admin('education.wallRestore', { id: wall.id });
    expect(back).toMatchObject({ updates: 1, lastUpdate: before(TODAY, 1), state: 'current' });

    expect(audits(tc!.core).map((a) => `${a.entity}:${a.action}`)).toEqual([
      'edu_wall:create',
      'edu_wall_update:create',
      'edu_wall:create',
      'edu_wall_update:update',
      'edu_wall_update:delete',
      'edu_wall_update:restore',
      'edu_wall:delete',
      'edu_wall:restore',
    ]);
  });

  it('refusals: unknown or retired unit, a document as a photo, unknown photo, bad fields — nothing changes', async () => {
    const { admin, t1, t2 } = await world();
    const wall = await admin('education.wallCreate', { orgUnitId: t1.id, location: '东墙' });
    await admin('org.retire', { id: t2.id });
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');
    const doc = await admin('attachments.uploadDocument', { fileName: '通报.pdf', dataBase64: pdf.toString('base64') });
    const snap = tables(tc!.core);
    expect(await refusal(admin('education.wallCreate', { orgUnitId: 'nope', location: '东墙' }))).toMatchObject({ code: 'NOT_FOUND', message: 'err.org.notFound', details: { issues: [{ path: 'orgUnitId', message: 'v.invalid' }] } });
    const retired = await refusal(admin('education.wallCreate', { orgUnitId: t2.id, location: '西墙' }));
    expect(retired).toMatchObject({ code: 'VALIDATION', message: 'err.edu.wall.unitRetired' });
    expect(await refusal(admin('education.wallEdit', { id: wall.id, orgUnitId: t2.id, location: '西墙' }))).toMatchObject({ message: 'err.edu.wall.unitRetired' });
    expect(await refusal(admin('education.wallCreate', { orgUnitId: t1.id, location: '  ' }))).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: 'location', message: 'v.required' }] } });
    const notImage = await refusal(admin('education.wallUpdateAdd', { wallId: wall.id, date: TODAY, sections: ['tips'], photoIds: [doc.id] }));
    expect(notImage).toMatchObject({ code: 'VALIDATION', message: 'err.attachment.notImage', details: { issues: [{ path: 'photoIds.0', message: 'v.photo' }] } });
    expect(await refusal(admin('education.wallUpdateAdd', { wallId: wall.id, date: TODAY, sections: ['tips'], photoIds: ['gone'] }))).toMatchObject({ code: 'NOT_FOUND', message: 'err.photo.notFound' });
    expect(await refusal(admin('education.wallUpdateAdd', { wallId: wall.id, date: TODAY, sections: [] }))).toMatchObject({ details: { issues: [{ path: 'sections', message: 'v.edu.wall.sections' }] } });
    expect(await refusal(admin('education.wallUpdateAdd', { wallId: 'nope', date: TODAY, sections: ['tips'] }))).toMatchObject({ code: 'NOT_FOUND', message: 'err.edu.wall.notFound' });
    expect(await refusal(admin('education.wallRestore', { id: wall.id }))).toMatchObject({ code: 'CONFLICT', message: 'err.edu.wall.notDeleted' });
    expect(await refusal(admin('education.wallSettingsSave', { months: 0 }))).toMatchObject({ code: 'VALIDATION' });
    expect(tables(tc!.core)).toBe(snap);
    // a wall already on a unit that is later retired keeps it when edited
    await admin('org.retire', { id: t1.id });
    expect(await admin('education.wallEdit', { id: wall.id, orgUnitId: t1.id, location: '东墙（新）' })).toMatchObject({ location: '东墙（新）' });
  });

  it('team leaders, union officers and safety officers keep the walls; anyone else only reads; the setting is for admins', async () => {
    const { admin, t1 } = await world();
    const mk = async (empNo: string, name: string, roles: string[]) => {
      const w = await admin('workers.create', { empNo, name, gender: 'M', orgUnitId: t1.id, roles: roles as never });
      const op = await admin('operators.add', { workerId: w.id });
      const c = caller(tc!.core);
      await c.call('session.signIn', { operatorId: op.id });
      return c.call;
    };
    const tl = await mk('T001', '孙班长', ['team_leader']);
    const oh = await mk('H001', '钱卫生', ['oh_manager']);
    const wall = await tl('education.wallCreate', { orgUnitId: t1.id, location: '东墙' });
    const up = await tl('education.wallUpdateAdd', { wallId: wall.id, date: TODAY, sections: ['stories'] });
    const snap = tables(tc!.core);
    for (const p of [
      oh('education.wallCreate', { orgUnitId: t1.id, location: '西墙' }),
      oh('education.wallEdit', { id: wall.id, orgUnitId: t1.id, location: '西墙' }),
      oh('education.wallDelete', { id: wall.id }),
      oh('education.wallUpdateAdd', { wallId: wall.id, date: TODAY, sections: ['tips'] }),
      oh('education.wallUpdateEdit', { id: up.id, date: TODAY, sections: ['tips'] }),
      oh('education.wallUpdateDelete', { id: up.id }),
    ]) {
      expect(await refusal(p)).toMatchObject({ code: 'FORBIDDEN', message: 'err.edu.wall.writersOnly' });
    }
    expect((await refusal(tl('education.wallSettingsSave', { months: 6 }))).code).toBe('FORBIDDEN');
    expect(tables(tc!.core)).toBe(snap);
    expect((await oh('education.walls', {})).length).toBe(1);
    expect(await oh('education.wallCheck', {})).toMatchObject({ units: 4, withWall: 1, current: 1 });
  });
});

describe('the check and the year facts', () => {
  it('lists the units without a wall and those not updated within N months; the cutoff day counts; the setting moves it', async () => {
    const { admin, ws, t1, t2, ws2 } = await world();
    const cutoff = wallCutoff(TODAY, 3);
    const a = await admin('education.wallCreate', { orgUnitId: t1.id, location: 'A' });
    const b = await admin('education.wallCreate', { orgUnitId: t2.id, location: 'B' });
    await admin('education.wallCreate', { orgUnitId: ws.id, location: 'C' });
    await admin('education.wallUpdateAdd', { wallId: a.id, date: cutoff, sections: ['tips'] });
    await admin('education.wallUpdateAdd', { wallId: b.id, date: before(cutoff, 1), sections: ['tips'] });
    expect(await admin('education.wallSettings', {})).toEqual({ months: 3 });
    const c = await admin('education.wallCheck', {});
    expect(c).toMatchObject({ today: TODAY, months: 3, cutoff, units: 4, withWall: 3, current: 1 });
    expect(c.missing.map((u) => u.name)).toEqual(['包装车间']);
    expect(c.stale.map((u) => [u.name, u.lastUpdate])).toEqual([
      ['合成车间', null],
      ['乙班', before(cutoff, 1)],
    ]);
    expect(c.stale[1]!.wallId).toBe(b.id);
    // four months: 乙班's update counts
    expect(await admin('education.wallSettingsSave', { months: 4 })).toEqual({ months: 4 });
    expect(await admin('education.wallCheck', {})).toMatchObject({ months: 4, current: 2 });
    expect(audits(tc!.core).filter((x) => x.entity === 'settings')).toHaveLength(1);
    // a retired unit is not asked for a wall
    await admin('org.retire', { id: ws2.id });
    expect((await admin('education.wallCheck', {})).missing).toEqual([]);
    // wallFacts for this year: the same figures as today's check, with the photos of the year's updates
    const p = await photo(admin);
    await admin('education.wallUpdateAdd', { wallId: b.id, date: TODAY, sections: ['slogans'], photoIds: [p.id] });
    expect(wallFacts(tc!.core.store, YEAR, TODAY)).toEqual({ units: 3, withWall: 3, current: 2, months: 4, photoIds: [p.id] });
  });

  it('a past year is read on its last day: updates after it do not count, photos are of that year only', async () => {
    const { admin, t1, t2 } = await world();
    const prev = YEAR - 1;
    const a = await admin('education.wallCreate', { orgUnitId: t1.id, location: 'A' });
    const b = await admin('education.wallCreate', { orgUnitId: t2.id, location: 'B' });
    const p = await photo(admin);
    await admin('education.wallUpdateAdd', { wallId: a.id, date: `${prev}-11-15`, sections: ['tips'], photoIds: [p.id] });
    await admin('education.wallUpdateAdd', { wallId: b.id, date: `${prev}-06-30`, sections: ['tips'] });
    await admin('education.wallUpdateAdd', { wallId: b.id, date: `${YEAR}-01-02`, sections: ['tips'] });
    // on Dec 31 of last year with 3 months: A (Nov 15) is current, B (Jun 30) is stale; the workshop has no wall
    expect(wallFacts(tc!.core.store, prev, TODAY)).toEqual({ units: 4, withWall: 2, current: 1, months: 3, photoIds: [p.id] });
    // a deleted wall does not count
    await admin('education.wallDelete', { id: a.id });
    expect(wallFacts(tc!.core.store, prev, TODAY)).toMatchObject({ withWall: 1, current: 0, photoIds: [] });
    // the pure check on a fixed day agrees with the dispatch
    expect(wallCheck(tc!.core.store, `${prev}-12-31`)).toMatchObject({ units: 4, withWall: 1 });
  });
});
