'use strict';
/*
 * Bundles the server into one file, dist/app.bundle.js, and writes its entry dist/server.js (from
 * src/server.ts), the file `npm start`, the Docker image and the process tests run: it runs the
 * bundle with a V8 code cache (src/code-cache.ts), which this build deletes as stale.
 *
 *   node esbuild.config.js        (run by `npm run build`, after `nest build`)
 *
 * Why: Nest 12 and most of its dependencies are ESM, which Node 20 loads through require(esm)
 * file by file; reading, resolving and compiling ~1,500 files was most of the boot time. One file
 * boots in about two thirds of the time (bench/boot).
 *
 * The input is tsc's output, not the TypeScript sources: Nest's dependency injection needs the
 * decorator metadata tsc emits (esbuild does not emit it) and the Swagger CLI plugin runs inside
 * `nest build`. dist/src/main.js is the same program unbundled, for debugging.
 */
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const root = __dirname;

/** @type {import('esbuild').BuildOptions} */
const options = {
  absWorkingDir: root,
  entryPoints: ['dist/src/main.js'],
  outfile: 'dist/app.bundle.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // Class names are API: Nest logs and resolves providers by them, and the OpenAPI schema names
  // are the DTO class names.
  keepNames: true,
  // Whitespace, comments and redundant syntax out (identifiers stay): V8 reads and pre-parses the
  // whole file at every boot, and a third less of it is ~130 ms of CPU and ~10 MB of RSS less
  // (bench/boot). Stack traces keep their function and class names.
  minifyWhitespace: true,
  minifySyntax: true,
  // ESM packages call createRequire(import.meta.url) to load optional packages; in the bundle
  // that is the bundle's own URL, so they resolve from the project's node_modules as before.
  define: { 'import.meta.url': '__bundle_import_meta_url' },
  banner: { js: 'var __bundle_import_meta_url = require("node:url").pathToFileURL(__filename).href;' },
  // import() becomes require() (Node 20 loads ES modules with require too): V8 drops the import
  // callback of functions restored from a code cache, so an import() there would fail.
  supported: { 'dynamic-import': false },
  external: [
    // A native addon (a .node file per platform), loaded from node_modules.
    '@node-rs/argon2',
    // One metadata storage for the app and @nestjs/mapped-types: the latter loads
    // `class-transformer/cjs/storage` through createRequire at runtime, so a bundled copy would be
    // a second storage, and PartialType DTOs (every PATCH) would lose their nested @Type metadata.
    'class-transformer',
    // Its fonts are read from the package folder (require.resolve of its package.json).
    'dejavu-fonts-ttf',
    // Only `cli generate` loads it; it is large and stays a runtime dependency.
    'drizzle-kit',
    // Optional packages that pg and Nest load only when a feature is used; not installed.
    'pg-native',
    '@nestjs/microservices',
    '@nestjs/websockets',
    '@nestjs/platform-express',
    // Loaded by the documents context's upload routes from node_modules: @fastify/multipart
    // through the Fastify adapter's lazy import, file-type (ESM only, no `require` export) through
    // Node's require(esm).
    '@fastify/multipart',
    'file-type',
    '@fastify/view',
    // Loaded on first use only (PDF rendering, S3 storage, SMTP mail): outside the bundle they cost
    // the boot nothing, inside it V8 would still read and pre-parse their ~4 MB (bench/boot).
    'pdfmake',
    '@aws-sdk/client-s3',
    '@flystorage/aws-s3',
    'nodemailer',
    // e-invoice generation (XRechnung, Factur-X): loaded on the first export.
    '@e-invoice-eu/core',
    // Public holidays (with moment-timezone and astronomia, ~1.7 MB), webhooks' HTTP client, the
    // DATEV export's Windows-1252 encoder and the template language: each loaded on first use.
    'date-holidays',
    'undici',
    'iconv-lite',
    'liquidjs',
  ],
  logLevel: 'warning',
  // The Swagger plugin repeats `enum` next to an explicit @ApiProperty({ enum }); harmless.
  logOverride: { 'duplicate-object-key': 'silent' },
};

/** @type {import('esbuild').BuildOptions} The entry: src/server.ts and the loader it imports, nothing of the app. */
const entryOptions = {
  absWorkingDir: root,
  entryPoints: ['dist/src/server.js'],
  outfile: 'dist/server.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'warning',
};

module.exports = { options, entryOptions };

if (require.main === module) {
  fs.rmSync(path.join(root, 'dist', 'app.bundle.js.cache'), { force: true });
  Promise.all([esbuild.build(options), esbuild.build(entryOptions)]).then(
    () => process.stdout.write(`bundled ${path.join('dist', 'app.bundle.js')} and ${path.join('dist', 'server.js')}\n`),
    () => process.exit(1), // esbuild has already printed the errors
  );
}
