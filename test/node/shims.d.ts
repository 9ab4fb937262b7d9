// Minimal types for the Node-only tests (the project has no @types/node; these run under tsx --test).
declare module "node:test" {
  export function test(name: string, fn: () => void | Promise<void>): void;
}
declare module "node:assert/strict" {
  interface Assert {
    (value: unknown, message?: string): asserts value;
    ok(value: unknown, message?: string): asserts value;
    equal(actual: unknown, expected: unknown, message?: string): void;
    deepEqual(actual: unknown, expected: unknown, message?: string): void;
  }
  const assert: Assert;
  export default assert;
}
declare module "node:child_process" {
  export function spawnSync(cmd: string, args: string[], opts?: { encoding?: string; cwd?: string }): { status: number | null; stdout: string; stderr: string };
}
declare module "node:fs" {
  export function mkdtempSync(prefix: string): string;
  export function readFileSync(path: string, enc: string): string;
  export function existsSync(path: string): boolean;
}
declare module "node:os" {
  export function tmpdir(): string;
}
declare module "node:path" {
  export function join(...p: string[]): string;
}
