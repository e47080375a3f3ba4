/**
 * Hands bytes the worker produced (a backup, the set-aside records) to the
 * browser as a download. The object URL is released a little later, once the
 * browser has started reading it.
 */
export function saveFile(bytes: Uint8Array, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
