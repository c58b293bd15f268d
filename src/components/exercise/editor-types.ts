// The tfjs and `course` declarations (built by src/integrations/editor-types.mjs),
// fetched once, lazily, from the site's base path.
let pending: Promise<Record<string, string>> | null = null;

export function loadEditorTypes(): Promise<Record<string, string>> {
  pending ??= fetch(`${import.meta.env.BASE_URL.replace(/\/?$/, '/')}editor-types.json`).then(async (response) => {
    if (!response.ok) throw new Error(`editor-types.json: HTTP ${response.status}`);
    const body = (await response.json()) as { schema: number; files: Record<string, string> };
    return body.files;
  });
  return pending;
}
