/** The registers a sample can have, with the labels the pages show. */
export const REGISTER_OPTIONS = [
  { value: "essay", label: "Essay" },
  { value: "email", label: "Email" },
  { value: "fiction", label: "Fiction" },
  { value: "academic", label: "Academic" },
  { value: "other", label: "Other" },
] as const;

export type RegisterValue = (typeof REGISTER_OPTIONS)[number]["value"];

export interface ApiError {
  error?: { code?: string; message?: string; fields?: Record<string, string> };
}

/** The message of an error answer, for a person. */
export async function errorMessage(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as ApiError;
    const field = body.error?.fields ? Object.values(body.error.fields)[0] : undefined;
    return [body.error?.message, field].filter(Boolean).join(" ") || `The server answered ${response.status}.`;
  } catch {
    return `The server answered ${response.status}.`;
  }
}
