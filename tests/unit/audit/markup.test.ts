/*
 * What Svelte's escaping and the content security policy rely on, checked in
 * the source (docs/design/security.md):
 *
 * - no `{@html}`: every text the app shows came from the baker or a file,
 *   and is written as text. (The policy would stop a script in it, but not
 *   a fake link or a layout broken by markup.)
 * - no static `style="…"` attribute in markup: Svelte writes it as HTML,
 *   which the policy (style-src without 'unsafe-inline') blocks. A dynamic
 *   one (`style="width: {x}%"`, `style:width`) goes through the CSSOM and is
 *   fine; a fixed look belongs in a class.
 * - no HTML parsed from strings, no eval or new Function, in any source file.
 *
 * Each guard is shown failing on a fixture.
 */
import { describe, expect, it } from 'vitest';
import { read, rel, sourceFiles } from './source-files';

/** The markup of a component: its script and style blocks and comments left out. */
function markupOf(svelte: string): string {
  return svelte.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>|<!--[\s\S]*?-->/g, '');
}

const HTML_FROM_STRINGS = /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|createContextualFragment|\beval\s*\(|new Function\s*\(/;

export function unsafeMarkup(files: string[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    const text = read(file);
    if (HTML_FROM_STRINGS.test(text)) found.push(`${rel(file)}: ${HTML_FROM_STRINGS.exec(text)![0]}`);
    if (!/\.svelte(\.txt)?$/.test(file)) continue;
    const markup = markupOf(text);
    if (markup.includes('{@html')) found.push(`${rel(file)}: {@html}`);
    for (const m of markup.matchAll(/\sstyle="([^"]*)"/g)) if (!m[1]!.includes('{')) found.push(`${rel(file)}: style="${m[1]}"`);
  }
  return found;
}

describe('markup the policy and escaping rely on', () => {
  it('no source file writes HTML from a string, uses {@html}, eval, or a static style attribute', () => {
    expect(unsafeMarkup(sourceFiles('src'))).toEqual([]);
  });

  it('the guard finds each in a fixture, and lets a dynamic style through', () => {
    expect(unsafeMarkup(sourceFiles('tests/unit/audit/fixtures', ['unsafe-markup.svelte.txt']))).toEqual([
      'tests/unit/audit/fixtures/unsafe-markup.svelte.txt: .innerHTML =',
      'tests/unit/audit/fixtures/unsafe-markup.svelte.txt: {@html}',
      'tests/unit/audit/fixtures/unsafe-markup.svelte.txt: style="color: red"',
    ]);
  });
});
