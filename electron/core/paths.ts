import os from 'node:os';
import path from 'node:path';

export const APP_DIR_NAME = 'Ankang';
export const DB_FILE = 'ankang.sqlite';

/** Same folder Electron's app.getPath('userData') gives for productName "Ankang". */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', APP_DIR_NAME);
  return path.join(env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config'), APP_DIR_NAME);
}

/** --data DIR (or --data=DIR) wins over ANKANG_DATA_DIR, which wins over the default. */
export function resolveDataDir(argv: readonly string[], env: NodeJS.ProcessEnv = process.env, fallback?: string): string {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--data' && argv[i + 1]) return path.resolve(argv[i + 1]!);
    if (a.startsWith('--data=')) return path.resolve(a.slice('--data='.length));
  }
  if (env.ANKANG_DATA_DIR) return path.resolve(env.ANKANG_DATA_DIR);
  return fallback ?? defaultDataDir(env);
}

export function dataPaths(dataDir: string) {
  return {
    dataDir,
    db: path.join(dataDir, DB_FILE),
    backups: path.join(dataDir, 'backups'),
    attachments: path.join(dataDir, 'attachments'),
    exports: path.join(dataDir, 'exports'),
    lock: path.join(dataDir, 'ankang.lock'),
    log: path.join(dataDir, 'ankang.log'),
  };
}
