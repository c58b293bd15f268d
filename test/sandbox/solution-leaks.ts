// Finds check messages that give the solution's code away. A failed check
// should say what is wrong, what was expected and where to look; the code
// itself belongs to the hints and the Solution button.
//
// The rule, on text with all whitespace removed (so `{ a: 1 }` and `{a:1}`
// agree, and a fragment matches however the message spaces it):
// - candidates are the solution's code, not its comments: every line, every
//   statement (lines joined while a bracket is open, so a call spread over
//   five lines is also one candidate), and the right-hand side of every
//   `const`/`let` declaration and assignment, with and without `await`
//   (`confusionMatrix(yTest, yPred)` gives `export const matrix = …` away);
// - trailing `,` and `;` are dropped, and a comma before a closing bracket;
// - a candidate the starter already shows (in code or in a commented-out
//   line the learner is told to uncomment) is skipped: quoting it tells the
//   learner nothing new;
// - so is one shorter than MIN_CHARS (`}`, `});`, `model`): too short to be
//   an answer, and prose would match it by chance. `epochs:3` (8) counts.
// A message leaks when it contains a candidate anywhere, quoted or not.

export const MIN_CHARS = 8;

const squash = (text: string) => text.replace(/\s+/g, '').replace(/,(?=[)\]}])/g, '');

/** Whitespace gone, no comma before a closing bracket, trailing separators gone. */
export const normalise = (code: string): string => squash(code).replace(/[,;]+$/, '');

const isComment = (line: string) => /^\s*(\/\/|\/\*|\*)/.test(line);

/** How many brackets a line opens minus closes, strings ignored. */
function depthChange(line: string): number {
  const code = line.replace(/(['"`])(?:\\.|(?!\1).)*\1/g, '').replace(/\/\/.*$/, '');
  let depth = 0;
  for (const char of code) {
    if ('([{'.includes(char)) depth++;
    else if (')]}'.includes(char)) depth--;
  }
  return depth;
}

/** The solution's lines and statements (multi-line ones joined), comments and blank lines left out. */
function statements(solution: string): string[] {
  const lines = solution.split('\n').filter((line) => line.trim() !== '' && !isComment(line));
  const out: string[] = [...lines];
  let open: string[] = [];
  let depth = 0;
  for (const line of lines) {
    open.push(line);
    depth += depthChange(line);
    if (depth <= 0) {
      if (open.length > 1) out.push(open.join(' '));
      open = [];
      depth = 0;
    }
  }
  return out;
}

// `[export] [const|let|var] <name, a.b[c] or a destructuring pattern> [: type] = <right-hand side>`
const DECLARATION = /^(?:export\s+)?(?:(?:const|let|var)\s+)?(?:\[[^\]]*\]|\{[^}]*\}|[\w$.[\]]+)(?:\s*:\s*[^=]+?)?\s*=(?!=)\s*(.+)$/s;

/** Every fragment of the solution that a message must not contain, normalised. */
export function solutionFragments(solution: string, starter: string): string[] {
  const shown = squash(starter).replace(/\/\//g, '');
  const fragments = new Set<string>();
  for (const statement of statements(solution)) {
    const rhs = DECLARATION.exec(statement.trim())?.[1];
    for (const candidate of [statement, rhs, rhs?.replace(/^await\s+/, '')]) {
      if (candidate === undefined) continue;
      const fragment = normalise(candidate);
      if (fragment.length >= MIN_CHARS && !shown.includes(fragment)) fragments.add(fragment);
    }
  }
  return [...fragments];
}

/** The fragment a message gives away, or undefined. */
export function leakedFragment(message: string, fragments: readonly string[]): string | undefined {
  const text = squash(message);
  return fragments.find((fragment) => text.includes(fragment));
}
