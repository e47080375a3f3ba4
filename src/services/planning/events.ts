/**
 * Events: a name, a date, notes and the plan's state, with what the baker
 * may do with it now and why not (the screens show the reason next to a
 * disabled button; the writes refuse with the same words).
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { PLAN_STATE_LABELS, PLAN_STEPS, nextPlanState, planChangeBlockedBy, type PlanState, type PlanStep } from '../../domain/plan-states';
import { checkFields, isoDate, nameText, optionalText, positiveId } from '../../domain/validate';
import { AppError } from '../../errors';
import { claimSlug } from '../catalog/slugs';
import { findEventBySlug, insertEventRow, loadEvent, type EventRow } from './event-rows';
import { goodTargetsOf, unitTargetsOf, type GoodTarget, type UnitTarget } from './plan-inputs';

export interface EventInput {
  name: string;
  /** Kept when given (an import keeps its file's slugs); else derived from the name. */
  slug?: string | null;
  /** 'YYYY-MM-DD', or null while the date is not set. */
  date?: string | null;
  notes?: string;
}

export interface EventUpdate {
  id: number;
  name?: string;
  date?: string | null;
  notes?: string;
}

export interface EventSummary {
  id: number;
  slug: string;
  name: string;
  date: string | null;
  state: PlanState;
  stateLabel: string;
  goodTargetCount: number;
  unitTargetCount: number;
  /** When the latest plan was saved; null when none was. */
  savedAt: string | null;
}

/** Whether a change is allowed now, and the reason when it is not. */
export interface Permission {
  allowed: boolean;
  blockedBy: string | null;
}

export interface EventDetail extends EventSummary {
  notes: string;
  lockedAt: string | null;
  productionStartedAt: string | null;
  completedAt: string | null;
  goodTargets: GoodTarget[];
  unitTargets: UnitTarget[];
  /** The next step of the plan (null once completed) and what it is called. */
  nextStep: { state: PlanStep; label: string; verb: string } | null;
  may: {
    editTargets: Permission;
    chooseRecipe: Permission;
    decideBatches: Permission;
    amend: Permission;
    save: Permission;
    delete: Permission;
  };
}

const permission = (blockedBy: string | null): Permission => ({ allowed: blockedBy === null, blockedBy });

interface SummaryRow extends EventRow {
  good_targets: number;
  unit_targets: number;
  saved_at: string | null;
}

const SUMMARY_SELECT = `
  SELECT e.*,
    (SELECT count(*) FROM event_good_targets t WHERE t.event_id = e.id) AS good_targets,
    (SELECT count(*) FROM event_unit_targets t WHERE t.event_id = e.id) AS unit_targets,
    (SELECT max(taken_at) FROM plan_snapshots s WHERE s.event_id = e.id) AS saved_at
  FROM events e`;

function toSummary(r: SummaryRow): EventSummary {
  return {
    id: r.id,
    slug: r.slug,
    name: r.name,
    date: r.event_date,
    state: r.plan_state,
    stateLabel: PLAN_STATE_LABELS[r.plan_state],
    goodTargetCount: r.good_targets,
    unitTargetCount: r.unit_targets,
    savedAt: r.saved_at,
  };
}

function deleteBlocker(tx: Tx, event: EventRow): string | null {
  const n = (sql: string) => tx.get<{ n: number }>(sql, [event.id])!.n;
  if (n('SELECT count(*) AS n FROM plan_snapshots WHERE event_id = ?') > 0) return 'its plan has been saved, and saved plans are kept for the record';
  if (n('SELECT count(*) AS n FROM production_runs WHERE event_id = ?') + n('SELECT count(*) AS n FROM assembly_runs WHERE event_id = ?') > 0) {
    return 'baking or boxing has been recorded for it';
  }
  return null;
}

export function getEvent(db: Database, id: number, tx?: Tx): EventDetail {
  return withTransaction(db, tx, (t) => {
    const event = loadEvent(db, positiveId(id, 'id', 'event'), t);
    const summary = toSummary(t.get<SummaryRow>(`${SUMMARY_SELECT} WHERE e.id = ?`, [event.id])!);
    const next = nextPlanState(event.plan_state);
    return {
      ...summary,
      notes: event.notes,
      lockedAt: event.locked_at,
      productionStartedAt: event.production_started_at,
      completedAt: event.completed_at,
      goodTargets: goodTargetsOf(db, event.id, t),
      unitTargets: unitTargetsOf(db, event.id, t),
      nextStep: next && { state: next, label: PLAN_STATE_LABELS[next], verb: PLAN_STEPS[next].verb },
      may: {
        editTargets: permission(planChangeBlockedBy(event.plan_state, 'targets')),
        chooseRecipe: permission(planChangeBlockedBy(event.plan_state, 'recipeChoice')),
        decideBatches: permission(planChangeBlockedBy(event.plan_state, 'batchDecisions')),
        amend: permission(planChangeBlockedBy(event.plan_state, 'amendments')),
        save: permission(planChangeBlockedBy(event.plan_state, 'recalculate')),
        delete: permission(deleteBlocker(t, event)),
      },
    };
  });
}

export function findEventDetailBySlug(db: Database, slug: string, tx?: Tx): EventDetail {
  return withTransaction(db, tx, (t) => {
    const row = findEventBySlug(db, slug, t);
    if (!row) throw new AppError('NOT_FOUND', `No event "${slug}".`, { event: slug });
    return getEvent(db, row.id, t);
  });
}

/** Open events soonest first (undated ones after), then completed ones, latest first. */
export function listEvents(db: Database, filter: { includeCompleted?: boolean } = {}, tx?: Tx): EventSummary[] {
  return withTransaction(db, tx, (t) => {
    const rows = t.all<SummaryRow>(`${SUMMARY_SELECT} ORDER BY e.name COLLATE NOCASE, e.id`).map(toSummary);
    const open = rows.filter((e) => e.state !== 'completed');
    const done = rows.filter((e) => e.state === 'completed');
    const byDate = (a: EventSummary, b: EventSummary) => (a.date ?? '9999').localeCompare(b.date ?? '9999');
    open.sort(byDate);
    done.sort((a, b) => byDate(b, a));
    return filter.includeCompleted === false ? open : [...open, ...done];
  });
}

const checkDate = (value: unknown) => (value === undefined || value === null || value === '' ? null : isoDate(value, 'date', 'date'));

export function createEvent(db: Database, input: EventInput, tx?: Tx): EventDetail {
  return withTransaction(db, tx, (t) => {
    const c = checkFields({
      name: () => nameText(input.name, 'name', 'the event name'),
      date: () => checkDate(input.date),
      notes: () => optionalText(input.notes, 'notes', 'notes'),
    });
    const slug = claimSlug(db, 'events', input.slug, c.name, t);
    return getEvent(db, insertEventRow(db, { slug, name: c.name, eventDate: c.date, notes: c.notes }, t), t);
  });
}

/** Renames, re-dates or re-notes an event: cosmetic, so allowed in every state and never making its plan stale. */
export function updateEvent(db: Database, input: EventUpdate, tx?: Tx): EventDetail {
  return withTransaction(db, tx, (t) => {
    const event = loadEvent(db, positiveId(input.id, 'id', 'event'), t);
    const c = checkFields({
      name: () => (input.name === undefined ? event.name : nameText(input.name, 'name', 'the event name')),
      date: () => (input.date === undefined ? event.event_date : checkDate(input.date)),
      notes: () => (input.notes === undefined ? event.notes : optionalText(input.notes, 'notes', 'notes')),
    });
    t.run('UPDATE events SET name = ?, event_date = ?, notes = ?, updated_at = ? WHERE id = ?', [c.name, c.date, c.notes, t.now(), event.id]);
    return getEvent(db, event.id, t);
  });
}

/** Deletes an event whose plan was never saved and that nothing was made for, with its targets and decisions. */
export function deleteEvent(db: Database, id: number, tx?: Tx): { deleted: true; id: number } {
  return withTransaction(db, tx, (t) => {
    const event = loadEvent(db, positiveId(id, 'id', 'event'), t);
    const blocker = deleteBlocker(t, event);
    if (blocker) throw new AppError('IN_USE', `${event.name} cannot be deleted: ${blocker}.`, { field: 'id', eventId: event.id });
    // Targets, decisions, recipe choices and shopping ticks go with it (ON DELETE CASCADE).
    t.run('DELETE FROM events WHERE id = ?', [event.id]);
    return { deleted: true as const, id: event.id };
  });
}
