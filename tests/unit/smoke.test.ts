import { afterEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../helpers/core';

let tc: TestCore | null = null;
afterEach(() => {
  tc?.close();
  tc = null;
});

describe('core smoke', () => {
  it('initialises, signs in and lists the first operator as a worker', async () => {
    tc = await openTestCore();
    const page = await tc.call('workers.list', {});
    expect(page.total).toBe(1);
    expect(page.rows[0]!.name).toBe('王主席');
    const info = await tc.call('app.info');
    expect(info.initialized).toBe(true);
    expect(info.operator?.isAdmin).toBe(true);
  });
});
