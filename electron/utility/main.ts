// Entry of the core process (out/utility/utility.cjs). The Electron main process starts it with
// utilityProcess.fork(…, ['--data', DIR]); tests start it with child_process.fork. It opens the store and serves
// contract calls over the relay (see protocol.ts) until main asks it to shut down or goes away.
// The data-folder lock stays with main, which outlives this process.
import { restoreInto } from '../core/backup';
import { Core } from '../core/core';
import { log } from '../core/log';
import { dataPaths } from '../core/paths';
import { serveCore } from './coreServer';
import { parentEndpoint } from './protocol';

function argValue(argv: readonly string[], name: string): string | null {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === name && argv[i + 1]) return argv[i + 1]!;
    if (argv[i]!.startsWith(`${name}=`)) return argv[i]!.slice(name.length + 1);
  }
  return null;
}

const port = parentEndpoint();
process.on('uncaughtException', (e) => {
  log('error', 'core process: uncaught exception', e);
  process.exit(70);
});

void serveCore(
  port,
  async () => {
    const dataDir = argValue(process.argv, '--data');
    if (!dataDir) throw new Error('core process: no --data DIR given');
    // --restore FILE: main's recovery dialog chose a backup after the store failed to open (a refusal reaches main as
    // 'fatal' with the error's key; the store is then as it was)
    const restore = argValue(process.argv, '--restore');
    if (restore) {
      let core: Core | null = null;
      await restoreInto(dataPaths(dataDir), restore, {
        reopen: async () => {
          core = await Core.open({ dataDir, host: 'electron' });
        },
      });
      return core!;
    }
    const core = await Core.open({ dataDir, host: 'electron' });
    // the desktop app starts once the store passed its integrity check: a damaged store then meets main's recovery
    // dialog like one that failed to open (the window shows meanwhile; its first calls wait)
    if ((await core.ready()).length > 0) {
      const failure = core.failure!;
      core.close();
      throw failure;
    }
    return core;
  },
  {
    exit: (code) => process.exit(code),
    // Node fork: the IPC channel closes when the parent dies (Electron ends utility processes itself)
    onParentGone: (l) => void process.once('disconnect', l),
  },
);
