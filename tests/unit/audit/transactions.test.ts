/*
 * Audits of the transaction ownership rule (docs/design/transactions.md):
 * only the session helper module issues transaction statements, and every
 * exported service function accepts an optional handle as its last parameter.
 * Both read the real source, so a new file that breaks the rule fails here.
 */
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { read, rel, sourceFiles } from './source-files';

const SESSION_MODULE = 'src/db/session.ts';
// A string that starts with a transaction verb, or one of the multi-word forms anywhere.
const TX_STATEMENT = [
  /['"`]\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|END)\b(?!\s+SELECT)/,
  /\b(BEGIN\s+(IMMEDIATE|EXCLUSIVE|DEFERRED|TRANSACTION)|ROLLBACK\s+TO|RELEASE\s+SAVEPOINT|COMMIT\s+TRANSACTION)\b/,
];

export function filesWithTransactionStatements(files: string[]): string[] {
  return files.filter((f) => rel(f) !== SESSION_MODULE && TX_STATEMENT.some((re) => re.test(read(f))));
}

interface ServiceSignatureProblem {
  file: string;
  name: string;
  problem: string;
}

/** Every exported function of a service module must end with `tx?: Tx`. */
export function serviceSignatureProblems(files: string[]): ServiceSignatureProblem[] {
  const problems: ServiceSignatureProblem[] = [];
  for (const file of files) {
    const source = ts.createSourceFile(file, read(file), ts.ScriptTarget.ES2022, true);
    const check = (name: string, params: ts.NodeArray<ts.ParameterDeclaration>) => {
      const last = params[params.length - 1];
      const type = last?.type?.getText(source);
      if (!last || last.name.getText(source) !== 'tx' || !last.questionToken || type !== 'Tx') {
        problems.push({ file: rel(file), name, problem: `last parameter must be "tx?: Tx", found "${last?.getText(source) ?? 'none'}"` });
      }
      const first = params[0];
      if (!first || first.type?.getText(source) !== 'Database') {
        problems.push({ file: rel(file), name, problem: 'first parameter must be the Database (pure functions belong in src/domain)' });
      }
    };
    for (const stmt of source.statements) {
      const exported = ts.getModifiers(stmt as ts.HasModifiers)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
      if (!exported) continue;
      if (ts.isFunctionDeclaration(stmt) && stmt.name) check(stmt.name.text, stmt.parameters);
      if (ts.isVariableStatement(stmt)) {
        for (const decl of stmt.declarationList.declarations) {
          const init = decl.initializer;
          if (init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) check(decl.name.getText(source), init.parameters);
        }
      }
    }
  }
  return problems;
}

describe('audit: transaction ownership', () => {
  it('no source file other than the session helper module contains a transaction statement', () => {
    const files = sourceFiles('src');
    expect(files.length).toBeGreaterThan(10);
    expect(filesWithTransactionStatements(files)).toEqual([]);
  });

  it('the transaction-statement audit catches a stray BEGIN (the audit can fail)', () => {
    const offenders = filesWithTransactionStatements([`${import.meta.dirname}/fixtures/stray-begin.ts.txt`]);
    expect(offenders).toHaveLength(1);
  });

  it('every exported service function accepts an optional transaction handle as its last parameter', () => {
    const files = sourceFiles('src/services', ['.ts']).filter((f) => !f.endsWith('.d.ts'));
    expect(serviceSignatureProblems(files)).toEqual([]);
  });

  it('the signature audit catches a service without a handle (the audit can fail)', () => {
    const problems = serviceSignatureProblems([`${import.meta.dirname}/fixtures/bad-service.ts.txt`]);
    expect(problems.map((p) => p.name)).toEqual(['recordWithoutHandle', 'handleNotLast', 'pureHelper']);
  });
});
