// vitest globalSetup for the "site" project: one build shared by every site test file.
import type {TestProject} from "vitest/node";
import {buildSite} from "./site.ts";

declare module "vitest" {
  export interface ProvidedContext {
    distDir: string;
  }
}

export default async function setup(project: TestProject) {
  project.provide("distDir", await buildSite());
}
