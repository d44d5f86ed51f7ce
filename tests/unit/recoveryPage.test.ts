// The browser host's recovery page (electron/browser-host/recovery.ts) when the backups folder is empty: the user is
// told how to bring a backup from elsewhere, not left at a dead end.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { recoveryPage } from '../../electron/browser-host/recovery';

let dir: string | null = null;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = null;
});

describe('recovery page without backups', () => {
  it('names the empty folder and says how to restore a backup kept elsewhere, in both languages', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ankang-recover-'));
    const html = recoveryPage({ dataDir: dir, error: { code: 'BAD_FILE', message: 'err.db.notSqlite' } });
    expect(html).toContain(`备份文件夹中没有备份：${path.join(dir, 'backups')}`);
    expect(html).toContain('复制到这个文件夹，再刷新本页即可在这里恢复');
    expect(html).toContain('copy it into this folder and reload this page');
    expect(html).not.toContain('<table>');
  });
});
