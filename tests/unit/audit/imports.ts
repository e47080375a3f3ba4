/** The project's import graph, read from source text, for the audits. */
import { dirname, join, relative, sep } from 'node:path';
import { ROOT } from './source-files';

export interface SourceFile {
  /** Relative to the repository, with forward slashes: 'src/services/pantry/stock.ts'. */
  path: string;
  text: string;
}

export interface ImportEdge {
  from: string;
  /** The imported module, resolved relative to the repository (no extension: 'src/worker/handlers'). */
  to: string;
  spec: string;
  /** `import type` / `export type`: gone once compiled. */
  typeOnly: boolean;
}

const IMPORT =
  /^\s*(?:import|export)\s+(type\s+)?[^'";]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;

export function importsOf(files: readonly SourceFile[]): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const file of files) {
    for (const m of file.text.matchAll(IMPORT)) {
      const spec = m[2] ?? m[3] ?? m[4]!;
      if (!spec.startsWith('.')) continue;
      const to = relative(ROOT, join(ROOT, dirname(file.path), spec)).split(sep).join('/');
      edges.push({ from: file.path, to, spec, typeOnly: Boolean(m[1]) });
    }
  }
  return edges;
}
