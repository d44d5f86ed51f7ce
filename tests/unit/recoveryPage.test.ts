// The browser host's recovery page (electron/browser-host/recovery.ts) when the backups folder is empty: the user is
// told how to bring a backup from elsewhere, not left at a dead end.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { recoveryPage } from '../../electron/browser-host/recovery';
import { backupFiles, localTime, timeOfName } from '../../electron/core/recovery';

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

describe('recovery page: plain words first, SQLite’s own folded away; backup times from their names', () => {
  it('says the file is damaged in one sentence and keeps quick_check’s lines under 技术细节', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ankang-recover-'));
    const detail = 'Tree 11 page 511: btreeInitPage() returns error code 11';
    const html = recoveryPage({
      dataDir: dir,
      error: { code: 'BAD_FILE', message: 'err.db.integrity', details: { detail, problems: [{ code: 'INTEGRITY', key: 'err.db.integrity', params: { detail } }] } },
    });
    const alert = /<div class="err" role="alert">([\s\S]*?)<\/div>/.exec(html)![1]!;
    expect(alert).toContain('数据文件已损坏');
    expect(alert).not.toContain('btreeInitPage');
    expect(html).toMatch(/<details[^>]*><summary>技术细节[\s\S]*btreeInitPage\(\) returns error code 11[\s\S]*<\/details>/);
    expect(html.match(/btreeInitPage/g)).toHaveLength(1);
  });

  it('a backup copied in later shows the time in its name, in local time, not the copy’s', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ankang-recover-'));
    const backups = path.join(dir, 'backups');
    fs.mkdirSync(backups);
    fs.writeFileSync(path.join(backups, 'ankang-20260301-174800.sqlite'), 'junk'); // mtime: now
    expect(timeOfName('ankang-20260301-174800.sqlite')).toBe(new Date(2026, 2, 1, 17, 48, 0).toISOString());
    expect(timeOfName('ankang-20260231-174800.sqlite')).toBeNull(); // no such day
    expect(timeOfName('pre-migrate-v3-20260301-080000.sqlite')).toBe(new Date(2026, 2, 1, 8, 0, 0).toISOString());
    expect(backupFiles(backups)[0]!.modifiedAt).toBe(new Date(2026, 2, 1, 17, 48, 0).toISOString());
    const html = recoveryPage({ dataDir: dir, error: { code: 'BAD_FILE', message: 'err.db.notSqlite' } });
    expect(html).toContain('<td>2026-03-01 17:48</td>');
    expect(localTime(new Date(2026, 2, 1, 9, 5).toISOString())).toBe('2026-03-01 09:05');
  });
});
