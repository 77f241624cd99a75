/**
 * The answer to an unexpected error: generic, naming only the request id (details go to the log).
 * Its own module so that the HTTP entry and lib/errors.ts say the same without the entry loading Next.
 */
export function internalErrorBody(requestId: string | undefined): { code: "internal_error"; message: string } {
  return {
    code: "internal_error",
    message: requestId
      ? `Something went wrong on our side. Reference: ${requestId}`
      : "Something went wrong on our side. Please try again.",
  };
}
