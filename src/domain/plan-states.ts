/**
 * Plan states: draft -> locked -> in production -> completed, in that order
 * only. What the baker may change depends on the state: targets and the
 * recipe chosen per finished unit only in draft, batch decisions in draft or
 * locked, amendments only in production; a completed plan is closed. Each
 * rule here answers with the reason a refusal gives, so screens show the same
 * words the services refuse with.
 */
import { AppError } from '../errors';
import { capitalize } from './validate';

export const PLAN_STATES = ['draft', 'locked', 'in_production', 'completed'] as const;

export type PlanState = (typeof PLAN_STATES)[number];

export const PLAN_STATE_LABELS: Readonly<Record<PlanState, string>> = {
  draft: 'Draft',
  locked: 'Locked',
  in_production: 'In production',
  completed: 'Completed',
};

/** How each state reads in a sentence: "this plan is locked". */
const AS_ADJECTIVE: Readonly<Record<PlanState, string>> = {
  draft: 'a draft',
  locked: 'locked',
  in_production: 'in production',
  completed: 'completed',
};

export function isPlanState(value: unknown): value is PlanState {
  return typeof value === 'string' && (PLAN_STATES as readonly string[]).includes(value);
}

/** The step that moves a plan into each state (after draft), and the state it needs first. */
export const PLAN_STEPS = {
  locked: { verb: 'lock the plan', from: 'draft' },
  in_production: { verb: 'start production', from: 'locked' },
  completed: { verb: 'complete the plan', from: 'in_production' },
} as const satisfies Record<Exclude<PlanState, 'draft'>, { verb: string; from: PlanState }>;

export type PlanStep = keyof typeof PLAN_STEPS;

/** The state after `state`, or null for a completed plan. */
export function nextPlanState(state: PlanState): PlanStep | null {
  const i = PLAN_STATES.indexOf(state);
  return i < PLAN_STATES.length - 1 ? (PLAN_STATES[i + 1] as PlanStep) : null;
}

const stateError = (message: string, details: Record<string, unknown>) => new AppError('PLAN_STATE', message, details);

/** Null when the plan may move from `current` to `target`; else the refusal, naming the state the step needs. */
export function transitionRefusal(current: PlanState, target: PlanStep): AppError | null {
  const step = PLAN_STEPS[target];
  if (current === step.from) return null;
  const details = { state: current, requiredState: step.from, targetState: target };
  if (current === target) return stateError(`This plan is already ${AS_ADJECTIVE[target]}.`, details);
  const needed = AS_ADJECTIVE[step.from];
  if (PLAN_STATES.indexOf(current) > PLAN_STATES.indexOf(target)) {
    return stateError(`A plan only moves forward: this one is ${AS_ADJECTIVE[current]}, and to ${step.verb} it must be ${needed}.`, details);
  }
  const first = PLAN_STEPS[nextPlanState(current)!].verb;
  return stateError(`To ${step.verb}, the plan must be ${needed}; this one is ${AS_ADJECTIVE[current]}. ${capitalize(first)} first.`, details);
}

/** What a plan's inputs are, for the rules below. */
export type PlanChange = 'targets' | 'recipeChoice' | 'batchDecisions' | 'amendments' | 'recalculate' | 'shopping';

const ALLOWED: Readonly<Record<PlanChange, readonly PlanState[]>> = {
  targets: ['draft'],
  recipeChoice: ['draft'],
  batchDecisions: ['draft', 'locked'],
  amendments: ['in_production'],
  recalculate: ['draft', 'locked', 'in_production'],
  // Ticking items off and marking the list done: any time before the plan is closed.
  shopping: ['draft', 'locked', 'in_production'],
};

const WHAT: Readonly<Record<PlanChange, string>> = {
  targets: 'Targets change',
  recipeChoice: 'The recipe for a finished unit is chosen',
  batchDecisions: 'Batch decisions change',
  amendments: 'Amendments are made',
  recalculate: 'The plan is recalculated',
  shopping: 'The shopping list is ticked off',
};

/** Why `change` is not allowed in `state` (a sentence naming the states that allow it), or null when it is. */
export function planChangeBlockedBy(state: PlanState, change: PlanChange): string | null {
  const allowed = ALLOWED[change];
  if (allowed.includes(state)) return null;
  const names = allowed.map((s) => (s === 'draft' ? 'a draft' : PLAN_STATE_LABELS[s].toLowerCase()));
  const when = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
  const hint = state === 'in_production' && (change === 'targets' || change === 'batchDecisions') ? ' Record an amendment with its reason instead.' : '';
  return `${WHAT[change]} only while the plan is ${when}; this one is ${AS_ADJECTIVE[state]}.${hint}`;
}

/** Throws PLAN_STATE when `change` is not allowed in `state`. */
export function assertPlanChange(state: PlanState, change: PlanChange): void {
  const reason = planChangeBlockedBy(state, change);
  if (reason) throw stateError(reason, { state, change, allowedStates: [...ALLOWED[change]] });
}
