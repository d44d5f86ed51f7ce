// 待我处理 (hazards.mine): the responsible person sees the rectifications they must start or submit; an acceptor sees
// the submitted ones they may accept — never one they are responsible for or submitted themselves; others see none.
import sharp from 'sharp';
import { afterEach, expect, it } from 'vitest';
import type { Core, Session } from '../../electron/core/core';
import { setQuiet } from '../../electron/core/log';
import { todayLocal } from '../../electron/core/util';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/contract';
import { addDays } from '../../shared/hazards/rules';
import { openTestCore, type TestCore } from '../helpers/core';

setQuiet(true);
let tc: TestCore | null = null;
afterEach(() => {
  tc?.close();
  tc = null;
});

type Call = <K extends ChannelName>(channel: K, input?: ChannelInput<K>) => Promise<ChannelOutput<K>>;
function caller(core: Core): Call {
  const session: Session = { operatorId: null };
  return async (channel, input) => {
    const r = await core.dispatch(channel, input ?? {}, session);
    if (!r.ok) throw Object.assign(new Error(`${r.error.code}: ${r.error.message}`), { data: r.error });
    return r.value as never;
  };
}
const day = (n: number) => addDays(todayLocal(), n);

it('lists each operator’s own waiting hazards, soonest due first, with the task', async () => {
  tc = await openTestCore();
  const admin = tc.call as Call;
  const ws = await admin('org.create', { kind: 'workshop', parentId: null, name: '合成车间' });
  const soW = await admin('workers.create', { empNo: 'S001', name: '赵安全', gender: 'M', roles: ['safety_officer'], orgUnitId: ws.id });
  const tlW = await admin('workers.create', { empNo: 'T001', name: '钱班长', gender: 'F', roles: ['team_leader'], orgUnitId: ws.id });
  const plainW = await admin('workers.create', { empNo: 'W001', name: '孙整改', gender: 'M', orgUnitId: ws.id });
  const as = async (workerId: string) => {
    const op = await admin('operators.add', { workerId });
    const c = caller(tc!.core);
    await c('session.signIn', { operatorId: op.id });
    return c;
  };
  const so = await as(soW.id);
  const tl = await as(tlW.id);

  const report = (description: string) =>
    admin('hazards.report', { foundAt: `${day(-2)}T09:30`, source: 'self_check', category1: 'material', category2: 'physical', description, workshopId: ws.id } as never);
  const assign = async (id: string, responsibleId: string, deadline: string) => {
    await admin('hazards.confirm', { id, grade: 'general', lec: { l: 3, e: 6, c: 15 } });
    return admin('hazards.assign', { id, responsibleId, measures: '更换并校验', plannedFunds: 100, deadline, emergencyPlan: '按现场处置方案执行' });
  };
  const photo = async (c: Call) =>
    c('attachments.upload', { fileName: 'a.png', dataBase64: (await sharp({ create: { width: 32, height: 24, channels: 3, background: '#3a7' } }).png().toBuffer()).toString('base64') });

  const h1 = await report('一号：配电箱门未关闭，内部积尘');
  const h2 = await report('二号：消防通道堆放纸箱');
  const h3 = await report('三号：反应釜安全阀铅封损坏');
  await report('四号：刚上报，尚未确认');
  await assign(h1.id, tlW.id, day(12));
  await assign(h2.id, tlW.id, day(5));
  await assign(h3.id, plainW.id, day(8));

  // the team leader is responsible for two: soonest due first
  let mine = await tl('hazards.mine', { limit: 10 });
  expect(mine.rows.map((r) => [r.serial === h2.serial, r.task])).toEqual([
    [true, 'rectify'],
    [false, 'rectify'],
  ]);
  expect(mine.total).toBe(2);
  // nothing submitted yet: the safety officer has nothing
  expect(await so('hazards.mine', {})).toEqual({ rows: [], total: 0 });

  // the team leader starts and submits h2: it leaves their list and waits for an acceptor
  await tl('hazards.start', { id: h2.id });
  const a = await photo(tl);
  await tl('hazards.submit', { id: h2.id, actualFunds: 90, rectificationNote: '已清理通道', afterPhotoIds: [a.id] });
  mine = await tl('hazards.mine', {});
  expect(mine.rows.map((r) => r.id)).toEqual([h1.id]);
  const soMine = await so('hazards.mine', {});
  expect(soMine.rows.map((r) => [r.id, r.task, r.responsibleName])).toEqual([[h2.id, 'accept', '钱班长']]);

  // the admin (every role) submits h3 themselves: they may accept h2, never their own h3
  await admin('hazards.start', { id: h3.id });
  const b = await photo(admin);
  await admin('hazards.submit', { id: h3.id, actualFunds: 50, rectificationNote: '已更换', afterPhotoIds: [b.id] });
  expect((await admin('hazards.mine', {})).rows.map((r) => r.id)).toEqual([h2.id]);
  expect((await so('hazards.mine', {})).rows.map((r) => r.id).sort()).toEqual([h2.id, h3.id].sort());

  // the limit caps the rows, not the total
  const one = await so('hazards.mine', { limit: 1 });
  expect(one.rows).toHaveLength(1);
  expect(one.total).toBe(2);

  // once accepted it is nobody's task
  await so('hazards.accept', { id: h2.id });
  expect((await admin('hazards.mine', {})).total).toBe(0);
});
