import { AsyncLocalStorage } from "node:async_hooks";

/** What the HTTP server knows about the request being handled; filled in further by auth and handlers. */
export interface RequestContext {
  requestId: string;
  method: string;
  ip: string | null;
  userId?: string;
  /** A handler may name the state change it made; the server writes it as the request's audit event. */
  audit?: { action: string; targetType?: string; targetId?: string; userId?: string | null };
}

// One store per process, on globalThis: the server entry and the Next bundle load this module separately.
const holder = globalThis as unknown as { __penprintRequestContext?: AsyncLocalStorage<RequestContext> };
export const requestContextStorage = (holder.__penprintRequestContext ??= new AsyncLocalStorage<RequestContext>());

export function getRequestContext(): RequestContext | undefined {
  return requestContextStorage.getStore();
}

/** Record the signed-in user for logs and audit. */
export function setRequestUser(userId: string): void {
  const context = requestContextStorage.getStore();
  if (context) context.userId = userId;
}

/** Name the audit action of the current request (defaults to "METHOD /route/pattern"). */
export function setAuditAction(audit: NonNullable<RequestContext["audit"]>): void {
  const context = requestContextStorage.getStore();
  if (context) context.audit = audit;
}
