// Starts the fixture site once for all end-to-end files and checks that the builds exist.
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { startFixtureServer } from './fixture-server';
import { EXTENSION_DIRS } from './harness/paths';

export default async function setup(project: TestProject) {
  for (const dir of Object.values(EXTENSION_DIRS)) {
    if (!existsSync(`${dir}/manifest.json`)) throw new Error(`No build at ${dir}: run \`npm run build\` first.`);
  }
  const server = await startFixtureServer();
  project.provide('fixturePort', server.port);
  return () => server.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    fixturePort: number;
  }
}
