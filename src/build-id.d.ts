/**
 * Which build of Bake Planner this is (vite.config.ts writes it into the code: a new value at
 * every build). Undefined where the code is not built by Vite (Node, the unit tests).
 */
declare const __BUILD_ID__: string | undefined;
