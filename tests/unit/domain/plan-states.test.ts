/* Plan states move draft -> locked -> in production -> completed, one step at a time; each change has its states. */
import { describe, expect, it } from 'vitest';
import { nextPlanState, planChangeBlockedBy, transitionRefusal } from '../../../src/domain/plan-states';

describe('plan states', () => {
  it('each step is allowed from the state before it only', () => {
    expect(transitionRefusal('draft', 'locked')).toBeNull();
    expect(transitionRefusal('locked', 'in_production')).toBeNull();
    expect(transitionRefusal('in_production', 'completed')).toBeNull();
    expect(nextPlanState('completed')).toBeNull();
  });

  it('a skipped step names the state it needs and the step to take first', () => {
    const e = transitionRefusal('draft', 'in_production')!;
    expect([e.code, e.details.requiredState, e.message]).toEqual([
      'PLAN_STATE',
      'locked',
      'To start production, the plan must be locked; this one is a draft. Lock the plan first.',
    ]);
    expect(transitionRefusal('draft', 'completed')!.message).toBe('To complete the plan, the plan must be in production; this one is a draft. Lock the plan first.');
    expect(transitionRefusal('locked', 'completed')!.details.requiredState).toBe('in_production');
  });

  it('a plan never moves back, nor twice into the same state', () => {
    expect(transitionRefusal('completed', 'locked')!.message).toBe('A plan only moves forward: this one is completed, and to lock the plan it must be a draft.');
    expect(transitionRefusal('locked', 'locked')!.message).toBe('This plan is already locked.');
  });

  it('targets and recipe choice in draft; batches in draft or locked; amendments in production', () => {
    expect(planChangeBlockedBy('draft', 'targets')).toBeNull();
    expect(planChangeBlockedBy('locked', 'targets')).toBe('Targets change only while the plan is a draft; this one is locked.');
    expect(planChangeBlockedBy('in_production', 'targets')).toBe('Targets change only while the plan is a draft; this one is in production. Record an amendment with its reason instead.');
    expect(planChangeBlockedBy('locked', 'recipeChoice')).not.toBeNull();
    expect(planChangeBlockedBy('locked', 'batchDecisions')).toBeNull();
    expect(planChangeBlockedBy('in_production', 'batchDecisions')).toBe(
      'Batch decisions change only while the plan is a draft or locked; this one is in production. Record an amendment with its reason instead.',
    );
    expect(planChangeBlockedBy('locked', 'amendments')).toBe('Amendments are made only while the plan is in production; this one is locked.');
    expect(planChangeBlockedBy('completed', 'recalculate')).not.toBeNull();
  });
});
