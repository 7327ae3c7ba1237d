'use strict';
/** Where the benches find the build and write their results. */
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const DIST = path.join(ROOT, 'dist');
/** The Node flags `npm start` (and the image) run the server with: the benches run it the same way. */
const SERVER_NODE_ARGS = require(path.join(ROOT, 'package.json')).scripts.start.split(/\s+/).filter((word) => word.startsWith('--'));

module.exports = {
  ROOT,
  DIST,
  MAIN: path.join(DIST, 'server.js'),
  SERVER_NODE_ARGS,
  CLI: path.join(DIST, 'src', 'cli.js'),
  RESULTS_DIR: path.join(ROOT, 'bench', 'results'),
  /** Database settings of a developer's environment that must not reach a bench's children. */
  DB_ENV_VARS: ['DATABASE_URL', 'DATABASE_URL_MIGRATION', 'DATABASE_URL_ADMIN', 'APP_USER_PASSWORD', 'MIGRATION_USER_PASSWORD', 'EMBEDDED_PG_DIR', 'EMBEDDED_PG_PORT'],
};
