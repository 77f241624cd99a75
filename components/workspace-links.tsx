import { LinkButton } from "./link-button";

/** Header links for a signed-in writer: where the work is, instead of "Sign in / Create account". */
export function WorkspaceLinks() {
  return (
    <>
      <LinkButton href="/dashboard" variant="quiet" size="sm" data-testid="nav-dashboard">
        Dashboard
      </LinkButton>
      <LinkButton href="/editor" variant="primary" size="sm" data-testid="nav-editor">
        Editor
      </LinkButton>
    </>
  );
}
