// Where this Node's C headers are installed locally, if they are: native modules (better-sqlite3,
// code-server's argon2) compile against them when no prebuilt binary can be fetched, instead of
// node-gyp downloading them from nodejs.org, which closed networks cannot reach.
// Run as a script it prints the folder (or nothing); required, it exports `localNodeHeaders`.
'use strict';
const { existsSync, readFileSync } = require('node:fs');
const { dirname, join } = require('node:path');

/** The version node_version.h under DIR/include/node declares, e.g. "20.20.2". */
function headerVersion(dir) {
  const file = join(dir, 'include', 'node', 'node_version.h');
  if (!existsSync(file)) return null;
  const text = readFileSync(file, 'utf8');
  const part = (name) => new RegExp(`#define NODE_${name}_VERSION (\\d+)`).exec(text)?.[1];
  return `${part('MAJOR')}.${part('MINOR')}.${part('PATCH')}`;
}

/**
 * The install prefix of the running Node (official tarballs, nvm, Homebrew and Debian's nodejs all
 * put include/node beside bin/node), or /usr and /usr/local, when its headers match this Node exactly.
 */
function localNodeHeaders() {
  const wanted = process.versions.node;
  const prefixes = [dirname(dirname(process.execPath)), '/usr', '/usr/local'];
  return prefixes.find((prefix) => headerVersion(prefix) === wanted) ?? null;
}

module.exports = { localNodeHeaders };

if (require.main === module) {
  const dir = localNodeHeaders();
  if (dir) process.stdout.write(`${dir}\n`);
}
