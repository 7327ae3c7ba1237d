import { createRequire } from 'node:module';
import classValidator = require('class-validator');

/*
 * In the bundle (dist/app.bundle.js), @nestjs/mapped-types requires class-validator itself at
 * runtime (createRequire) for every PartialType/PickType DTO. Node would load a second copy from
 * node_modules, file by file with libphonenumber's metadata: ~0.3 s and several MB of every start
 * (bench/boot). Registering the bundled copy under the path that require resolves to makes it use
 * this one. Unbundled (dist/src/main.js, tests) the path already holds this very module.
 */
// createRequire: the bundler's own `require.resolve` would be resolved (and warned about) at build time.
const path = createRequire(__filename).resolve('class-validator');
if (!require.cache[path]) {
  require.cache[path] = { id: path, filename: path, loaded: true, exports: classValidator, children: [], paths: [] } as unknown as NodeJS.Module;
}
