/**
 * Reads a file the baker picked, in the page, as text (a Bake Tracker
 * backup) or as bytes (a Bake Planner backup), telling `onprogress` the
 * fraction read so far (0 while the browser cannot tell) so a large file
 * shows its progress.
 */
export function readFile(file: File, as: 'text', onprogress: (fraction: number) => void): Promise<string>;
export function readFile(file: File, as: 'bytes', onprogress: (fraction: number) => void): Promise<Uint8Array>;
export function readFile(file: File, as: 'text' | 'bytes', onprogress: (fraction: number) => void): Promise<string | Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => onprogress(e.lengthComputable ? e.loaded / e.total : 0);
    reader.onload = () => resolve(as === 'text' ? String(reader.result) : new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(new Error(`the file could not be read (${reader.error?.message ?? 'unknown reason'})`));
    if (as === 'text') reader.readAsText(file);
    else reader.readAsArrayBuffer(file);
  });
}
