'use strict';
/** Command-line parsing shared by the benches: `--help` prints the script's header comment. */
const fs = require('node:fs');
const { parseArgs } = require('node:util');

/** parseArgs (strict) with a `--help`/`-h` that prints the first block comment of `filename` and exits. */
function parseOptions(filename, options) {
  const { values } = parseArgs({ options: { ...options, help: { type: 'boolean', short: 'h', default: false } }, strict: true });
  if (values.help) {
    const text = fs.readFileSync(filename, 'utf8');
    console.log(text.slice(text.indexOf('/*') + 3, text.indexOf('*/')).replace(/^ \* ?/gm, ''));
    process.exit(0);
  }
  return values;
}

/** `values[name]` as an integer >= min, or an error naming the option. */
function integerOption(values, name, min) {
  const n = Number(values[name]);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer >= ${min} (got ${values[name]})`);
  return n;
}

/** `value` (of option `name`) as a number >= min, or an error naming the option. */
function numberOption(value, name, min) {
  const n = Number(value);
  if (!Number.isFinite(n) || n < min) throw new Error(`--${name} must be a number >= ${min} (got ${value})`);
  return n;
}

/** A comma-separated list of names, each a key of `known`. */
function scenarioList(value, known, name = 'scenario') {
  const names = value.split(',').map((s) => s.trim()).filter(Boolean);
  for (const s of names) if (!known[s]) throw new Error(`--${name}: unknown "${s}" (known: ${Object.keys(known).join(', ')})`);
  return names;
}

module.exports = { parseOptions, integerOption, numberOption, scenarioList };
