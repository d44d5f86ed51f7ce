// The culture walls' channels for the renderer tests, in memory, installed on a FakeBackend with be.on (inputs arrive
// parsed by the real schemas). The real services' rules the UI relies on are kept: the list's last update and state,
// the check's missing and stale units (the same cutoff rule), soft delete and restore, refusals for non-writers.
import { WALL_SECTIONS, WALL_WRITERS } from '../../shared/education/kinds';
import { wallCutoff, wallState } from '../../shared/education/walls/rules';
import type { Wall, WallCheck, WallUpdate } from '../../shared/education/walls/types';
import type { OrgUnit } from '../../shared/org/types';
import { holdsAnyRole } from '../../shared/roster/roles';
import { FakeError, type FakeBackend } from './fakeBackend';

export interface WallsState {
  months: number;
  walls: Wall[];
  updates: WallUpdate[];
}

let seq = 0;
const today = () => {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
};

export function installWallsFake(be: FakeBackend, units: OrgUnit[], st: WallsState = { months: 3, walls: [], updates: [] }): WallsState {
  const unit = (id: string) => {
    const u = units.find((x) => x.id === id);
    if (!u) throw new FakeError('NOT_FOUND', 'err.org.notFound', { issues: [{ path: 'orgUnitId', message: 'v.invalid' }] });
    return u;
  };
  const writer = () => {
    const op = be.currentOperator;
    if (!op || !holdsAnyRole(op, WALL_WRITERS)) throw new FakeError('FORBIDDEN', 'err.edu.wall.writersOnly');
  };
  /** the wall's derived fields from its live updates */
  const fresh = (w: Wall): Wall => {
    const ups = st.updates.filter((u) => u.wallId === w.id && !u.deletedAt);
    const last = ups.map((u) => u.date).sort().at(-1) ?? null;
    return { ...w, lastUpdate: last, updates: ups.length, state: wallState(last, today(), st.months) };
  };
  const wallOf = (id: string) => {
    const w = st.walls.find((x) => x.id === id);
    if (!w) throw new FakeError('NOT_FOUND', 'err.edu.wall.notFound');
    return w;
  };
  const updOf = (id: string) => {
    const u = st.updates.find((x) => x.id === id);
    if (!u) throw new FakeError('NOT_FOUND', 'err.edu.wall.updateNotFound');
    return u;
  };
  const fields = (orgUnitId: string) => {
    const u = unit(orgUnitId);
    const ws = u.parentId ? units.find((x) => x.id === u.parentId) : null;
    return { orgUnitId: u.id, unitKind: u.kind, unitName: u.name, workshopName: ws?.name ?? null };
  };
  const sorted = (s: readonly string[]) => WALL_SECTIONS.filter((x) => s.includes(x));

  be.on('education.walls', (q) => {
    const s = q.search?.toLowerCase() ?? null;
    return st.walls
      .filter((w) => !!w.deletedAt === q.deleted)
      .filter((w) => !s || [w.unitName, w.workshopName, w.name, w.location].some((f) => f?.toLowerCase().includes(s)))
      .map(fresh);
  });
  be.on('education.wallCheck', (): WallCheck => {
    const d = today();
    const cutoff = wallCutoff(d, st.months);
    const live = units.filter((u) => !u.retiredAt);
    const ref = (u: OrgUnit) => ({ id: u.id, kind: u.kind, name: u.name, workshopName: u.parentId ? (units.find((x) => x.id === u.parentId)?.name ?? null) : null });
    const stats = live.map((u) => {
      const ws = st.walls.filter((w) => w.orgUnitId === u.id && !w.deletedAt).map(fresh);
      const last = ws.map((w) => w.lastUpdate).filter((x): x is string => !!x).sort().at(-1) ?? null;
      return { u, ws, last };
    });
    const withWall = stats.filter((x) => x.ws.length > 0);
    const stale = withWall.filter((x) => !x.last || x.last < cutoff);
    return {
      today: d,
      months: st.months,
      cutoff,
      units: live.length,
      withWall: withWall.length,
      current: withWall.length - stale.length,
      missing: stats.filter((x) => x.ws.length === 0).map((x) => ref(x.u)),
      stale: stale.map((x) => ({ ...ref(x.u), lastUpdate: x.last, wallId: x.ws[0]!.id })),
    };
  });
  be.on('education.wallCreate', (i) => {
    writer();
    const w: Wall = { id: `wall-${++seq}`, ...fields(i.orgUnitId), name: i.name, location: i.location, note: i.note, lastUpdate: null, updates: 0, state: 'stale', updatedAt: new Date().toISOString(), deletedAt: null };
    st.walls.push(w);
    return fresh(w);
  });
  be.on('education.wallEdit', (i) => {
    writer();
    const w = wallOf(i.id);
    Object.assign(w, fields(i.orgUnitId), { name: i.name, location: i.location, note: i.note });
    return fresh(w);
  });
  be.on('education.wallDelete', (i) => {
    writer();
    wallOf(i.id).deletedAt = new Date().toISOString();
    return { deleted: true };
  });
  be.on('education.wallRestore', (i) => {
    writer();
    const w = wallOf(i.id);
    if (!w.deletedAt) throw new FakeError('CONFLICT', 'err.edu.wall.notDeleted');
    w.deletedAt = null;
    return fresh(w);
  });
  be.on('education.wallUpdates', (q) =>
    st.updates.filter((u) => u.wallId === q.wallId && !!u.deletedAt === q.deleted).sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0)),
  );
  be.on('education.wallUpdateAdd', (i) => {
    writer();
    if (wallOf(i.wallId).deletedAt) throw new FakeError('CONFLICT', 'err.edu.wall.wallDeleted');
    const u: WallUpdate = {
      id: `upd-${++seq}`,
      wallId: i.wallId,
      date: i.date,
      sections: sorted(i.sections),
      content: i.content,
      photos: i.photoIds.map((id) => ({ id, originalName: null })),
      enteredBy: be.currentOperator?.name ?? '',
      updatedAt: new Date().toISOString(),
      deletedAt: null,
    };
    st.updates.push(u);
    return u;
  });
  be.on('education.wallUpdateEdit', (i) => {
    writer();
    const u = updOf(i.id);
    Object.assign(u, { date: i.date, sections: sorted(i.sections), content: i.content, photos: i.photoIds.map((id) => ({ id, originalName: null })) });
    return u;
  });
  be.on('education.wallUpdateDelete', (i) => {
    writer();
    updOf(i.id).deletedAt = new Date().toISOString();
    return { deleted: true };
  });
  be.on('education.wallUpdateRestore', (i) => {
    writer();
    const u = updOf(i.id);
    if (!u.deletedAt) throw new FakeError('CONFLICT', 'err.edu.wall.notDeleted');
    u.deletedAt = null;
    return u;
  });
  be.on('education.wallSettings', () => ({ months: st.months }));
  be.on('education.wallSettingsSave', (i) => {
    if (!be.currentOperator?.isAdmin) throw new FakeError('FORBIDDEN', 'err.adminOnly');
    st.months = i.months;
    return { months: st.months };
  });
  return st;
}
