import { join } from 'node:path';
import { runWithCodeCache } from './code-cache';

/*
 * The process entry: `npm start`, the image and the process tests run `node dist/server.js`. It
 * runs the bundled app (dist/app.bundle.js, esbuild.config.js) with a V8 code cache next to it,
 * written after the first start that listens, so later starts skip most of the compiling.
 * (`node dist/src/main.js` is the same program unbundled and without a cache.)
 */
const app = runWithCodeCache(join(__dirname, 'app.bundle.js'));
const start = app.exports.start as () => Promise<boolean>;
void start().then((listening) => {
  if (listening) app.saveCache();
});
