// Closed networks: better-sqlite3 first tries to download a prebuilt binary, then compiles with
// node-gyp, which downloads Node's headers from nodejs.org unless `nodedir` says where they are.
// When the user has set no nodedir and this Node's headers are installed locally, the build is
// pointed at them through the environment pnpm gives install scripts (`extraEnv`).
'use strict';
const { localNodeHeaders } = require('./scripts/local-node-headers.cjs');

const installing = () => process.argv.some((arg) => ['install', 'i', 'add', 'rebuild', 'update'].includes(arg));

function updateConfig(config) {
  const own = config.rawConfig?.nodedir ?? process.env.npm_config_nodedir;
  if (own || process.env.SITREP_NO_LOCAL_HEADERS) return config;
  const dir = localNodeHeaders();
  if (!dir) return config;
  // Said where compiling may happen, not on every `pnpm run`.
  if (installing())
    console.error(`sitrep: native modules compile, if they must, against the Node headers in ${dir}/include/node`);
  return { ...config, extraEnv: { ...config.extraEnv, npm_config_nodedir: dir } };
}

module.exports = { hooks: { updateConfig } };
