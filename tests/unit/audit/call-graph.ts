/**
 * Which functions can reach which, read from the real source with the
 * TypeScript checker: every identifier in a function's body that names a
 * function (called, or passed along as a value) is an edge, followed across
 * imports. The one-path audits use it to find every service export and RPC
 * handler that can write a ledger.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { rel, ROOT, sourceFiles } from './source-files';

export type FunctionNode = ts.FunctionDeclaration | ts.ArrowFunction | ts.FunctionExpression | ts.MethodDeclaration;

export interface NamedFunction {
  /** 'src/services/making/production.ts#recordProduction', or a handler's method name. */
  name: string;
  node: FunctionNode;
}

export interface CallGraph {
  /** Exported functions of src/services/**. */
  serviceExports: NamedFunction[];
  /** RPC handlers declared with defineHandlers in src/worker/handlers/*.ts, by method name. */
  handlers: NamedFunction[];
  /** Every function of the program whose own body matches one of the SQL patterns, or is one of the named functions. */
  functionsWhere(test: { sql?: RegExp; names?: string[] }): NamedFunction[];
  /** Whether `from` reaches one of `targets`, not passing through `gates`. */
  reaches(from: FunctionNode, targets: ReadonlySet<FunctionNode>, gates?: ReadonlySet<FunctionNode>): boolean;
  /** Files (other than the target's own) whose code names the target. */
  referencesTo(target: FunctionNode): string[];
}

const isFunction = (n: ts.Node): n is FunctionNode => ts.isFunctionDeclaration(n) || ts.isArrowFunction(n) || ts.isFunctionExpression(n) || ts.isMethodDeclaration(n);

function nameOf(node: FunctionNode): string {
  const file = rel(node.getSourceFile().fileName);
  if (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) return `${file}#${node.name?.getText() ?? '(anonymous)'}`;
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent)) return `${file}#${parent.name.getText()}`;
  return `${file}#(function at line ${node.getSourceFile().getLineAndCharacterOfPosition(node.getStart()).line + 1})`;
}

const PARSED = new Map<string, ts.SourceFile>();

/**
 * Builds the graph over src (TypeScript files; Svelte files cannot import
 * services, the layers audit sees to that). `extra` adds files that are not
 * on disk, by repository path: fixtures that show an audit failing.
 */
export function callGraph(extra: Record<string, string> = {}): CallGraph {
  const extraFiles = Object.fromEntries(Object.entries(extra).map(([path, text]) => [join(ROOT, path), text]));
  // The screens cannot import services (the layers audit), so they are left out: the graph stays small.
  const roots = [...sourceFiles('src', ['.ts']).filter((f) => !f.endsWith('.d.ts') && !rel(f).startsWith('src/ui/')), ...Object.keys(extraFiles)];
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    noEmit: true,
    skipLibCheck: true,
    // Resolving which function a name means needs the project's modules, not the standard library's types.
    noLib: true,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const baseGetSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    if (extraFiles[fileName] !== undefined) return ts.createSourceFile(fileName, extraFiles[fileName]!, languageVersion, true);
    // Parsed once per test run: a second graph (with fixtures) reuses the files on disk, as an editor's language service does.
    const parsed = PARSED.get(fileName) ?? baseGetSourceFile(fileName, languageVersion, onError, shouldCreate);
    if (parsed) PARSED.set(fileName, parsed);
    return parsed;
  };
  const baseFileExists = host.fileExists.bind(host);
  host.fileExists = (fileName) => extraFiles[fileName] !== undefined || baseFileExists(fileName);
  const baseReadFile = host.readFile.bind(host);
  host.readFile = (fileName) => extraFiles[fileName] ?? baseReadFile(fileName);
  // Only the project's own modules: packages' typings (Dexie, sql.js) cannot hide a service.
  host.resolveModuleNames = (names, containingFile) =>
    names.map((name) => (name.startsWith('.') ? ts.resolveModuleName(name, containingFile, options, host).resolvedModule : undefined));
  const program = ts.createProgram(roots, options, host);
  const checker = program.getTypeChecker();
  const ours = program.getSourceFiles().filter((f) => rel(f.fileName).startsWith('src/'));

  const declarationOf = (id: ts.Identifier): FunctionNode | undefined => {
    let symbol = checker.getSymbolAtLocation(id);
    if (!symbol) return undefined;
    if (symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    for (const d of symbol.declarations ?? []) {
      if ((ts.isFunctionDeclaration(d) || ts.isMethodDeclaration(d)) && d.body) return d;
      if (ts.isVariableDeclaration(d) && d.initializer && isFunction(d.initializer)) return d.initializer;
    }
    return undefined;
  };

  // One pass over the source: every function's callees (what the identifiers in its body, nested functions
  // included, name), the files that name each function, and every named function with the SQL in its body.
  // Only identifiers spelled like a named function can name one; resolving just those keeps the checker's work small.
  const functionNames = new Set<string>();
  for (const file of ours) {
    const collect = (n: ts.Node) => {
      if (ts.isFunctionDeclaration(n) && n.name) functionNames.add(n.name.text);
      if (ts.isVariableDeclaration(n) && n.initializer && isFunction(n.initializer)) functionNames.add(n.name.getText());
      n.forEachChild(collect);
    };
    collect(file);
  }
  const mayNameFunction = (id: ts.Identifier) =>
    functionNames.has(id.text) && !(ts.isPropertyAccessExpression(id.parent) && id.parent.name === id) && !ts.isImportSpecifier(id.parent) && !ts.isPropertyAssignment(id.parent);
  const callees = new Map<FunctionNode, Set<FunctionNode>>();
  const namedIn = new Map<FunctionNode, Set<string>>();
  const sqlOf = new Map<FunctionNode, string[]>();
  const named: FunctionNode[] = [];
  const isNamed = (n: FunctionNode) => !ts.isArrowFunction(n) && !ts.isFunctionExpression(n) ? true : ts.isVariableDeclaration(n.parent);
  for (const file of ours) {
    const path = rel(file.fileName);
    const stack: FunctionNode[] = [];
    const visit = (n: ts.Node) => {
      const fn = isFunction(n) ? n : null;
      if (fn) {
        stack.push(fn);
        callees.set(fn, new Set());
        if (isNamed(fn)) (named.push(fn), sqlOf.set(fn, []));
      }
      if (ts.isIdentifier(n) && stack.length > 0 && mayNameFunction(n)) {
        const d = declarationOf(n);
        if (d) {
          for (const f of stack) if (f !== d) callees.get(f)!.add(d);
          if (d.getSourceFile() !== file) namedIn.set(d, (namedIn.get(d) ?? new Set()).add(path));
        }
      }
      if ((ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isTemplateExpression(n)) && stack.length > 0) {
        // SQL belongs to the nearest named function around it (a body passed to withTransaction is part of its service).
        const owner = [...stack].reverse().find(isNamed);
        if (owner) sqlOf.get(owner)!.push(ts.isTemplateExpression(n) ? n.getText() : n.text);
      }
      n.forEachChild(visit);
      if (fn) stack.pop();
    };
    visit(file);
  }

  const serviceExports: NamedFunction[] = [];
  for (const file of ours.filter((f) => rel(f.fileName).startsWith('src/services/'))) {
    for (const stmt of file.statements) {
      const exported = ts.getModifiers(stmt as ts.HasModifiers)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
      if (!exported) continue;
      if (ts.isFunctionDeclaration(stmt) && stmt.body) serviceExports.push({ name: nameOf(stmt), node: stmt });
      if (ts.isVariableStatement(stmt)) {
        for (const d of stmt.declarationList.declarations) if (d.initializer && isFunction(d.initializer)) serviceExports.push({ name: nameOf(d.initializer), node: d.initializer });
      }
    }
  }

  const handlers: NamedFunction[] = [];
  for (const file of ours.filter((f) => rel(f.fileName).startsWith('src/worker/handlers/'))) {
    const visit = (n: ts.Node) => {
      if (ts.isCallExpression(n) && n.expression.getText() === 'defineHandlers' && n.arguments[0] && ts.isObjectLiteralExpression(n.arguments[0])) {
        for (const p of n.arguments[0].properties) {
          if (!ts.isPropertyAssignment(p) || !ts.isCallExpression(p.initializer)) continue;
          const fn = p.initializer.arguments[p.initializer.arguments.length - 1];
          if (fn && isFunction(fn)) handlers.push({ name: ts.isStringLiteral(p.name) ? p.name.text : p.name.getText(), node: fn });
        }
      }
      n.forEachChild(visit);
    };
    visit(file);
  }

  return {
    serviceExports,
    handlers,
    functionsWhere({ sql, names = [] }) {
      return named
        .filter((fn) => names.includes(nameOf(fn).split('#')[1]!) || (sql !== undefined && sqlOf.get(fn)!.some((text) => sql.test(text))))
        .map((node) => ({ name: nameOf(node), node }));
    },
    reaches(from, targets, gates = new Set()) {
      const seen = new Set<FunctionNode>();
      const walk = (fn: FunctionNode): boolean => {
        if (targets.has(fn)) return true;
        if (seen.has(fn) || (gates.has(fn) && fn !== from)) return false;
        seen.add(fn);
        return [...(callees.get(fn) ?? [])].some(walk);
      };
      return walk(from);
    },
    referencesTo(target) {
      return [...(namedIn.get(target) ?? [])].sort();
    },
  };
}

/** A fixture's text, for `callGraph(extra)`. */
export function fixtureText(name: string): string {
  return readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');
}
