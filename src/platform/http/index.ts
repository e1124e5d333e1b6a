export { buildHttpServer, type HttpApp, type HttpServerOptions, type RouteEntry } from './server.js';
export { Problem, fieldProblem, problemKinds, problemType, type ProblemKind, type FieldProblem, type FieldCode } from './problem.js';
export type { Access, Authentication, Authenticator } from './access.js';
