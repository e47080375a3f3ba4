/**
 * Hands a file the app made to the baker: the share sheet on a phone (save
 * to Files, send by mail) where the browser can share files, otherwise a
 * download. A share the baker dismisses is not an error.
 */
import { saveFile } from './save-file';

/** Resolves to how the file left: 'shared', 'saved' (downloaded) or 'cancelled'. */
export async function shareOrSaveFile(bytes: Uint8Array, fileName: string, type: string): Promise<'shared' | 'saved' | 'cancelled'> {
  const file = new File([bytes as Uint8Array<ArrayBuffer>], fileName, { type });
  const coarse = typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;
  if (coarse && typeof navigator.canShare === 'function' && navigator.canShare({ files: [file] })) {
    try {
      await navigator.share({ files: [file], title: fileName });
      return 'shared';
    } catch (e) {
      if ((e as DOMException).name === 'AbortError') return 'cancelled';
      // Sharing refused (no permission, no target): a download still gets the file out.
    }
  }
  saveFile(bytes, fileName, type);
  return 'saved';
}
