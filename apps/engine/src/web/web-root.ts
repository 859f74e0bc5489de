import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * Where the built web app lives: WEB_DIST_DIR when set, else <repo>/dist/web, the repo being
 * the nearest ancestor of this file with a package.json (works from apps/… under ts-jest/SWC
 * and from dist/apps/… after `npm start`'s build, since dist/ has no package.json).
 */
export function webDistDir(env: NodeJS.ProcessEnv = process.env, from: string = __dirname): string {
  if (env.WEB_DIST_DIR) return resolve(env.WEB_DIST_DIR);
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) return resolve('dist/web');
    dir = parent;
  }
  return join(dir, 'dist', 'web');
}
