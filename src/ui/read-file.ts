/**
 * Reads a file the baker picked, in the page, as text (a Bake Tracker
 * backup) or as bytes (a Bake Planner backup), telling `onprogress` the
 * fraction read so far (0 while the browser cannot tell) so a large file
 * shows its progress. A file larger than its kind allows
 * (src/domain/file-limits.ts) is refused by its size before any of it is read.
 */
import { checkFileSize, type FileKind } from '../domain/file-limits';

export function readFile(file: File, kind: FileKind, as: 'text', onprogress: (fraction: number) => void): Promise<string>;
export function readFile(file: File, kind: FileKind, as: 'bytes', onprogress: (fraction: number) => void): Promise<Uint8Array>;
export function readFile(file: File, kind: FileKind, as: 'text' | 'bytes', onprogress: (fraction: number) => void): Promise<string | Uint8Array> {
  return new Promise((resolve, reject) => {
    checkFileSize(kind, file.size, file.name);
    const reader = new FileReader();
    reader.onprogress = (e) => onprogress(e.lengthComputable ? e.loaded / e.total : 0);
    reader.onload = () => resolve(as === 'text' ? String(reader.result) : new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(new Error(`the file could not be read (${reader.error?.message ?? 'unknown reason'})`));
    if (as === 'text') reader.readAsText(file);
    else reader.readAsArrayBuffer(file);
  });
}
