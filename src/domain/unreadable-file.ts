/**
 * Why a file a baker picked cannot be read as the JSON backup it should be,
 * in words they can act on ("This file is incomplete: it ends part-way
 * through"), with the parser's own text kept apart as the technical detail
 * for whoever helps them. Pure: it looks only at the text (as the browser
 * decoded it) and the parser's error, and decides the kind of problem by
 * itself rather than from the wording of one engine's messages.
 */

export type FileProblem = 'empty' | 'not-text' | 'zip' | 'database' | 'web-page' | 'not-json' | 'incomplete' | 'damaged';

export interface UnreadableFile {
  problem: FileProblem;
  /** What is wrong and what to do, ending with what happened: nothing was imported. */
  message: string;
  /** The parser's message and where, for a technical reader; never shown first. */
  technical: string;
}

const NOTHING = 'Nothing was imported.';

/** Text decoded from bytes that are not text: replacement characters and control codes. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 4096);
  let odd = 0;
  for (const ch of sample) {
    const code = ch.codePointAt(0)!;
    if (code === 0xfffd || (code < 32 && code !== 9 && code !== 10 && code !== 13)) odd++;
  }
  return odd > 0 && odd / sample.length > 0.01;
}

/**
 * Whether JSON text stops before its structure closes: inside a string, or
 * with an object or array still open. A file cut short (a download stopped,
 * a sync half done) always ends like this; a file damaged in the middle does not.
 */
export function endsPartWay(text: string): boolean {
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (const ch of text) {
    if (inString) {
      if (escaped) escaped = false;
      else if (ch === '\\') escaped = true;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') depth--;
  }
  return inString || depth > 0;
}

/** "line 4565, column 32" from a parser message, or from the offset it names; '' when it names neither. */
function whereIn(text: string, parserMessage: string): string {
  const line = /line (\d+) column (\d+)/i.exec(parserMessage);
  if (line) return `line ${line[1]}, column ${line[2]}`;
  const at = /position (\d+)/i.exec(parserMessage);
  if (!at) return '';
  const before = text.slice(0, Number(at[1]));
  const lines = before.split('\n');
  return `line ${lines.length}, column ${lines[lines.length - 1]!.length + 1}`;
}

/**
 * Explains why `text` (what a file held, as text) could not be parsed as
 * JSON; `parserMessage` is what JSON.parse threw. `what` names the file
 * expected ("a Bake Tracker backup").
 */
export function explainUnreadableJson(text: string, parserMessage: string, what: string): UnreadableFile {
  const technical = parserMessage;
  const start = text.trimStart();
  if (start === '') return { problem: 'empty', message: `This file is empty. Choose ${what} (a .json file). ${NOTHING}`, technical };
  if (start.startsWith('PK')) {
    return { problem: 'zip', message: `This is a zip archive, not ${what}. Unzip it first, then choose the .json file inside. ${NOTHING}`, technical };
  }
  if (start.startsWith('SQLite format 3')) {
    return {
      problem: 'database',
      message: `This is a Bake Planner backup (.sqlite), not ${what}. To bring it back, use “Restore from a backup” in Settings. ${NOTHING}`,
      technical,
    };
  }
  if (looksBinary(text)) {
    return {
      problem: 'not-text',
      message: `This is not ${what}: it is not text at all (it may be a picture, a spreadsheet or another kind of file). Choose the .json file the app saved. ${NOTHING}`,
      technical,
    };
  }
  if (/^<(!doctype|html|\?xml)/i.test(start)) {
    return { problem: 'web-page', message: `This is a web page, not ${what}: save the backup file itself, not the page that offers it. ${NOTHING}`, technical };
  }
  if (!start.startsWith('{') && !start.startsWith('[')) {
    return { problem: 'not-json', message: `This is not ${what}: it holds text, but not a backup’s. Choose the .json file the app saved. ${NOTHING}`, technical };
  }
  if (endsPartWay(text)) {
    return {
      problem: 'incomplete',
      message: `This file is incomplete: it ends part-way through, as if it did not finish saving or downloading. Save the backup again and choose the new file. ${NOTHING}`,
      technical,
    };
  }
  const where = whereIn(text, parserMessage);
  return {
    problem: 'damaged',
    message: `This file is damaged${where ? ` (near ${where})` : ''}: part of it is not written the way a backup is. If it was edited by hand, undo that edit, or save the backup again. ${NOTHING}`,
    technical,
  };
}
