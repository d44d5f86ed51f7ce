// Entry of the core process (out/utility/utility.cjs). The Electron main process starts it with
// utilityProcess.fork(…, ['--data', DIR]); tests start it with child_process.fork. It opens the store and serves
// contract calls over the relay (see protocol.ts) until main asks it to shut down or goes away.
// The data-folder lock stays with main, which outlives this process.
import { Core } from '../core/core';
import { log } from '../core/log';
import { serveCore } from './coreServer';
import { parentEndpoint } from './protocol';

function dataDirArg(argv: readonly string[]): string | null {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--data' && argv[i + 1]) return argv[i + 1]!;
    if (argv[i]!.startsWith('--data=')) return argv[i]!.slice('--data='.length);
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
    const dataDir = dataDirArg(process.argv);
    if (!dataDir) throw new Error('core process: no --data DIR given');
    return Core.open({ dataDir, host: 'electron' });
  },
  {
    exit: (code) => process.exit(code),
    // Node fork: the IPC channel closes when the parent dies (Electron ends utility processes itself)
    onParentGone: (l) => void process.once('disconnect', l),
  },
);
