/** Lists the project's source files for audit tests (no globbing library needed). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..', '..');

export function sourceFiles(dir: string, extensions = ['.ts', '.svelte']): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (extensions.some((e) => name.endsWith(e))) out.push(full);
    }
  };
  walk(join(ROOT, dir));
  return out.sort();
}

export function rel(file: string): string {
  return relative(ROOT, file).split(sep).join('/');
}

export function read(file: string): string {
  return readFileSync(file, 'utf8');
}
