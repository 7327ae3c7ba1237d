import type { Liquid } from 'liquidjs';

/**
 * Staff-edited text templates (`{{ recipient.name }}`, `{{ event.payload.snapshot.lastName }}`)
 * rendered with Liquid: a sandboxed language without access to code, files or the network. Output
 * is plain text (mails are text/plain), so nothing is HTML-escaped. Unknown variables render as
 * empty text; unknown filters and syntax errors are refused when the template is saved.
 */
let engine: Liquid | undefined;

/** Created on first use: the package is loaded only when a template is saved or rendered (bench/boot). */
function liquid(): Liquid {
  const { Liquid: Engine } = require('liquidjs') as typeof import('liquidjs');
  return (engine ??= new Engine({ strictFilters: true, strictVariables: false, ownPropertyOnly: true, jsTruthy: false, cache: 500 }));
}

const MAX_TEMPLATE_LENGTH = 20_000;

/** Why a template cannot be saved, or undefined when it parses. */
export function templateProblem(template: string): string | undefined {
  if (template.length > MAX_TEMPLATE_LENGTH) return `a template may have at most ${MAX_TEMPLATE_LENGTH} characters`;
  try {
    liquid().parse(template);
    return undefined;
  } catch (error) {
    return `template syntax: ${(error as Error).message.split('\n')[0]}`;
  }
}

export function renderTemplate(template: string, data: Record<string, unknown>): Promise<string> {
  return liquid().parseAndRender(template, data) as Promise<string>;
}
