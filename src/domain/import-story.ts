/**
 * An import report told the way a baker reads it (the import screens show
 * this, not the report's raw lines): what happened first, then what needs
 * their attention, then any records the file must fix (by name, with the
 * path in the file as a detail), then what was changed on the way in,
 * grouped by kind, and last what was kept aside. Pure.
 */
import { ENTITY_WORDS, IMPORT_ENTITIES, countOf, listed, type ImportAttention, type ImportChange, type ImportReport } from './import-report';

export interface StoryItem {
  /** The record, as the baker knows it. */
  name: string;
  /** What happened to it, or what is wrong with it. */
  text: string;
  /** Where it is in the file: a detail for whoever fixes the file. */
  path: string;
}

export interface ImportStory {
  outcome: 'imported' | 'nothing-new' | 'refused';
  headline: string;
  attention: (ImportAttention & { text: string })[];
  /** Refused records, by name; when there are any, nothing was written. */
  problems: StoryItem[];
  changes: { kind: ImportChange; heading: string; items: StoryItem[] }[];
  /** Kept in the database but not shown in the app yet, and parts of the file not read at all. */
  aside: string[];
}

const CHANGE_HEADINGS: Record<ImportChange, (n: number) => string> = {
  'moved-up': (n) => `${n === 1 ? '1 ingredient was' : `${n} ingredients were`} four levels deep and moved up one (Bake Planner keeps three: category, group, ingredient)`,
  'named-after-ingredient': (n) => `${n === 1 ? '1 product had' : `${n} products had`} no name and ${n === 1 ? 'is' : 'are'} named after ${n === 1 ? 'its' : 'their'} ingredient`,
  'name-shared': (n) => `${n === 1 ? '1 product shares a name with another and has its' : `${n} products share a name with others and have their`} package size added`,
  'supplier-left-blank': (n) => `${n === 1 ? '1 packaging product names' : `${n} packaging products name`} a supplier the file does not list; it is left blank`,
  'quantity-assumed': (n) => `${n === 1 ? '1 packaging product does' : `${n} packaging products do`} not say how many a package holds; 1 is assumed`,
  migrated: (n) => `${n === 1 ? '1 change was' : `${n} changes were`} made to bring a snapshot from an older version of the format up to this one`,
  'unit-not-added': (n) => `${n === 1 ? '1 finished unit belongs' : `${n} finished units belong`} to a recipe already here and ${n === 1 ? 'is' : 'are'} not added to it`,
};

/** Words for the sections of a file the importer does not read ("recipients", not "recipients_list"). */
const sectionWords = (key: string, n: number) => {
  const words = key.replace(/_/g, ' ');
  return n === 1 && words.endsWith('s') ? words.slice(0, -1) : words;
};

function attentionText(a: ImportAttention, written: boolean): string {
  switch (a.kind) {
    case 'lots-without-price':
      return `${countOf('lot', a.count)} ${written ? 'came' : 'would come'} without a price, so what your pantry is worth and what recipes cost stay unknown for ${a.count === 1 ? 'it' : 'them'}. Add what you paid, lot by lot.`;
  }
}

export function importStory(report: ImportReport): ImportStory {
  const created = IMPORT_ENTITIES.reduce((n, e) => n + report.counts[e].created, 0);
  const outcome = !report.ok ? 'refused' : created === 0 ? 'nothing-new' : 'imported';

  const problems = report.records
    .filter((r) => r.outcome === 'rejected')
    .map((r) => ({ name: r.label, text: `${ENTITY_WORDS[r.entity][0]}: ${r.reason ?? 'refused'}`, path: r.path }));

  const kinds = [...new Set(report.warnings.map((w) => w.kind))];
  const changes = kinds.map((kind) => {
    const items = report.warnings.filter((w) => w.kind === kind).map((w) => ({ name: w.label, text: w.message, path: w.path }));
    return { kind, heading: CHANGE_HEADINGS[kind](items.length), items };
  });

  const aside: string[] = [];
  if (report.notImported.length > 0) {
    aside.push(`Not read by this version: ${listed(report.notImported.map((s) => `${s.count.toLocaleString('en-US')} ${sectionWords(s.section, s.count)}`))}.`);
  }

  return {
    outcome,
    headline: report.summary,
    attention: report.attention.map((a) => ({ ...a, text: attentionText(a, report.written) })),
    problems,
    changes,
    aside,
  };
}
