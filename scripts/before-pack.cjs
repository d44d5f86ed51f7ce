// electron-builder beforePack hook: rebuild better-sqlite3 against the Electron being packaged.
// (package.json's dist script rebuilds it for Node again afterwards, so the tests keep working.)
const path = require('node:path');

exports.default = async function beforePack(context) {
  const { rebuild } = require('@electron/rebuild');
  const electronVersion = context.packager.config.electronVersion || require('electron/package.json').version;
  const arch = typeof context.arch === 'number' ? ['ia32', 'x64', 'armv7l', 'arm64', 'universal'][context.arch] : context.arch;
  console.log(`  • rebuilding better-sqlite3 for Electron ${electronVersion} (${context.electronPlatformName}/${arch})`);
  await rebuild({
    buildPath: path.resolve(__dirname, '..'),
    electronVersion,
    arch,
    onlyModules: ['better-sqlite3'],
    force: true,
  });
};
