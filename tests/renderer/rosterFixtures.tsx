// Fixtures shared by the roster tests.
import { screen, waitFor, within } from '@testing-library/react';
import { RosterPage } from '../../renderer/src/features/roster/RosterPage';
import { useRoster } from '../../renderer/src/features/roster/store';
import type { OrgUnit } from '../../shared/org/types';
import { makeWorker, validIdCard, type FakeBackend } from './fakeBackend';
import { renderInProviders } from './harness';

export const ZHANG_ID = validIdCard('32010219900101123'); // 17th digit odd → male
export const LI_ID = validIdCard('11010519851224002'); // 17th digit even → female
export const units: OrgUnit[] = [
  { id: 'u-ws', parentId: null, kind: 'workshop', name: '一车间', sortOrder: 0, retiredAt: null, workerCount: 2 },
  { id: 'u-tm', parentId: 'u-ws', kind: 'team', name: '甲班', sortOrder: 0, retiredAt: null, workerCount: 1 },
];

export function seedWorkers() {
  return [
    makeWorker({ id: 'w-1', empNo: 'E001', name: '张三', idCard: ZHANG_ID, workshopId: 'u-ws', workshopName: '一车间', teamId: 'u-tm', teamName: '甲班', orgUnitId: 'u-tm', roles: ['safety_officer'], post: '操作工', hireDate: '2015-03-01' }),
    makeWorker({ id: 'w-2', empNo: 'E002', name: '李娜', gender: 'F', idCard: LI_ID, workshopId: 'u-ws', workshopName: '一车间', isRepresentative: true, phone: '13800138000', hireDate: '2019-07-15' }),
  ];
}

export async function openRoster(be: FakeBackend) {
  renderInProviders(<RosterPage />);
  await waitFor(() => expect(be.count('workers.list')).toBe(1));
  await waitFor(() => expect(useRoster.getState().loading).toBe(false));
}

/**
 * Table body rows. The roster uses antd's `virtual` Table, which renders rows as div.ant-table-row. In jsdom it
 * does render rows without any size mocking: `scroll.y` is a CSS string, so antd falls back to a 500 px viewport
 * and rc-virtual-list renders the first window (14 rows of 80 in a probe). These tests keep to a few workers,
 * so every row is in the DOM; a test that needs row 50 would have to scroll the holder or mock heights.
 */
export function rows() {
  return [...document.querySelectorAll('.ant-table-tbody .ant-table-row, .ant-table-tbody-virtual .ant-table-row')] as HTMLElement[];
}
export function rowOf(name: string): HTMLElement {
  const r = rows().find((el) => within(el).queryByText(name));
  if (!r) throw new Error(`no row for ${name}`);
  return r;
}
/** The topmost open dialog. */
export function modal(): HTMLElement {
  const dialogs = screen.getAllByRole('dialog');
  return dialogs[dialogs.length - 1]!;
}
/** Error messages antd shows under the form item that holds the field labelled `labelText`. */
export function fieldErrors(container: HTMLElement, labelText: string): string[] {
  const item = within(container).getByLabelText(labelText).closest('.ant-form-item');
  if (!item) throw new Error(`no form item for ${labelText}`);
  return [...item.querySelectorAll('.ant-form-item-explain-error')].map((e) => e.textContent ?? '');
}
export function listQueries(be: FakeBackend) {
  return be.inputs('workers.list') as Record<string, unknown>[];
}
