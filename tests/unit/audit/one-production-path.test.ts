/*
 * One production path (issue 10; domain.md, "Making"): nothing but
 * `recordProduction` creates production runs or draws ingredients for
 * production, and likewise nothing but `recordAssembly` records assemblies.
 * The audit reads the real source with the TypeScript checker, enumerates
 * every exported service function and every RPC handler, and lists those
 * that can reach a write of the run's tables (INSERT INTO production_runs,
 * its ledger or its lot) or a FIFO draw, without going through the one
 * path. Each guard is shown failing on a fixture that adds a second path.
 */
import { describe, expect, it } from 'vitest';
import { handlers } from '../../../src/worker/handlers';
import { callGraph, fixtureText, type CallGraph, type FunctionNode } from './call-graph';

interface Path {
  /** The one function allowed to reach the sinks. */
  gate: string;
  /**
   * The snapshot importer's writer: restoring a file replays a ledger that
   * was already recorded (checked figure by figure) through the same row
   * functions; it records no new bake and draws no stock by FIFO.
   */
  replay: string;
  /** Raw SQL that writes the run, its ledger or its output lot. */
  sql: RegExp;
  /** Functions that draw stock for it (FIFO draws that write). */
  draws: string[];
}

const PRODUCTION: Path = {
  gate: 'src/services/making/production.ts#recordProduction',
  replay: 'src/services/snapshot/making-section.ts#applyMaking',
  sql: /INSERT\s+INTO\s+(production_runs|production_consumptions|finished_unit_lots)\b/i,
  draws: ['consumeFifo'],
};

const ASSEMBLY: Path = {
  gate: 'src/services/making/assembly.ts#recordAssembly',
  replay: 'src/services/snapshot/making-section.ts#applyMaking',
  sql: /INSERT\s+INTO\s+(assembly_runs|assembly_consumptions|finished_good_lots)\b/i,
  draws: ['consumeMaterialFifo'],
};

function audit(graph: CallGraph, path: Path) {
  const sinks = graph.functionsWhere({ sql: path.sql, names: path.draws });
  const sinkNodes = new Set<FunctionNode>(sinks.map((s) => s.node));
  const gate = graph.serviceExports.find((f) => f.name === path.gate);
  const replay = graph.serviceExports.find((f) => f.name === path.replay);
  if (!gate || !replay) throw new Error(`${path.gate} or ${path.replay} is not exported`);
  const gates = new Set([gate.node, replay.node]);
  return {
    sinks: sinks.map((s) => s.name).sort(),
    /** Service exports that reach a sink without going through the gate (the sinks themselves aside). */
    exports: graph.serviceExports.filter((f) => !sinkNodes.has(f.node) && graph.reaches(f.node, sinkNodes, gates)).map((f) => f.name).sort(),
    /** Files other than the gate's that call a sink. */
    callers: [...new Set(sinks.flatMap((s) => graph.referencesTo(s.node)))].sort(),
    /** RPC methods that reach the gate or a sink. */
    methods: graph.handlers.filter((h) => graph.reaches(h.node, new Set([...sinkNodes, gate.node]), new Set([replay.node]))).map((h) => h.name).sort(),
  };
}

describe('audit: one production path, one assembly path', { timeout: 120_000 }, () => {
  const graph = callGraph();

  it('every RPC method of the app is seen by the audit', () => {
    expect(graph.handlers.map((h) => h.name).sort()).toEqual(Object.keys(handlers).sort());
  });

  it('only recordProduction creates production runs or draws ingredients for production, and only making.recordProduction (and the sample\'s first bake) calls it', () => {
    expect(audit(graph, PRODUCTION)).toEqual({
      sinks: [
        'src/services/making/production-rows.ts#insertFinishedUnitLotRow',
        'src/services/making/production-rows.ts#insertProductionConsumptionRow',
        'src/services/making/production-rows.ts#insertProductionRunRow',
        'src/services/pantry/fifo.ts#consumeFifo',
      ],
      exports: ['src/services/making/production.ts#recordProduction', 'src/services/snapshot/making-section.ts#applyMaking'],
      callers: ['src/services/making/production.ts', 'src/services/snapshot/making-section.ts'],
      // sample.load records the sample event's first bake through the gate itself (src/services/sample/sample-event.ts).
      methods: ['making.recordProduction', 'sample.load'],
    });
  });

  it('only recordAssembly records assemblies or draws packaging, and only making.recordAssembly (and the sample\'s first bags) calls it', () => {
    expect(audit(graph, ASSEMBLY)).toEqual({
      sinks: [
        'src/services/making/assembly-rows.ts#insertAssemblyConsumptionRow',
        'src/services/making/assembly-rows.ts#insertAssemblyRunRow',
        'src/services/making/assembly-rows.ts#insertFinishedGoodLotRow',
        'src/services/materials/material-lots.ts#consumeMaterialFifo',
      ],
      exports: ['src/services/making/assembly.ts#recordAssembly', 'src/services/snapshot/making-section.ts#applyMaking'],
      callers: ['src/services/making/assembly.ts', 'src/services/snapshot/making-section.ts'],
      methods: ['making.recordAssembly', 'sample.load'],
    });
  });

  it('catches a second service that records a bake, and an RPC method that draws flour on its own (the audit can fail)', () => {
    const sneaky = callGraph({
      'src/services/making/quick-bake.ts': fixtureText('second-production-path.ts.txt'),
      'src/worker/handlers/sneaky.ts': fixtureText('second-production-handler.ts.txt'),
    });
    const found = audit(sneaky, PRODUCTION);
    expect(found.exports).toEqual([
      'src/services/making/production.ts#recordProduction',
      'src/services/making/quick-bake.ts#quickBake',
      'src/services/snapshot/making-section.ts#applyMaking',
    ]);
    expect(found.callers).toEqual([
      'src/services/making/production.ts',
      'src/services/making/quick-bake.ts',
      'src/services/snapshot/making-section.ts',
      'src/worker/handlers/sneaky.ts',
    ]);
    expect(found.methods).toEqual(['making.drawFlour', 'making.recordProduction', 'sample.load']);
  });
});
