// Monaco, set up once per page: workers, TypeScript defaults with the real
// tfjs and `course` declarations, the site's theme. Imported only by panel.ts,
// i.e. only once an exercise is about to be used.
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/typescript/register';
import { typescriptDefaults, ModuleKind, ModuleResolutionKind, ScriptTarget } from 'monaco-editor/languages/features/typescript/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TypeScriptWorker from 'monaco-editor/languages/features/typescript/ts.worker?worker';
import { loadEditorTypes } from './editor-types.ts';
import { followSiteTheme } from './theme.ts';

export type Editor = monaco.editor.IStandaloneCodeEditor;
export { monaco };

let configured = false;

function configureOnce(): void {
  if (configured) return;
  configured = true;
  (self as unknown as { MonacoEnvironment: monaco.Environment }).MonacoEnvironment = {
    getWorker: (_id: string, label: string) => (label === 'typescript' || label === 'javascript' ? new TypeScriptWorker() : new EditorWorker()),
  };
  typescriptDefaults.setCompilerOptions({
    target: ScriptTarget.ES2020,
    module: ModuleKind.ESNext,
    moduleResolution: ModuleResolutionKind.NodeJs,
    allowNonTsExtensions: true,
    // Learners write small scripts: catch real mistakes, not missing annotations.
    strict: false,
    noImplicitAny: false,
    esModuleInterop: true,
    skipLibCheck: true,
  });
  typescriptDefaults.setDiagnosticsOptions({ noSemanticValidation: false, noSyntaxValidation: false });
  // vs-dark's comment green (#608b4e) is 4.2:1 on its background; VS Code's current one (#6a9955) is 5.0:1 (WCAG AA).
  monaco.editor.defineTheme('course-dark', { base: 'vs-dark', inherit: true, rules: [{ token: 'comment', foreground: '6a9955' }], colors: {} });
  followSiteTheme((dark) => monaco.editor.setTheme(dark ? 'course-dark' : 'vs'));
  void loadEditorTypes().then((files) => {
    for (const [uri, content] of Object.entries(files)) typescriptDefaults.addExtraLib(content, uri);
  }).catch((error: unknown) => console.warn('exercise editor: no intellisense for tfjs/course:', error));
}

export interface CreateEditorOptions {
  host: HTMLElement;
  exerciseId: string;
  value: string;
  ariaLabel: string;
}

export function createEditor(options: CreateEditorOptions): Editor {
  configureOnce();
  const uri = monaco.Uri.parse(`file:///exercises/${options.exerciseId}.ts`);
  const model = monaco.editor.getModel(uri) ?? monaco.editor.createModel(options.value, 'typescript', uri);
  const editor = monaco.editor.create(options.host, {
    model,
    automaticLayout: true,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    fontSize: 14,
    // Linux's default, 'dimmed', draws the last line number at 40 % opacity (below WCAG AA contrast).
    renderFinalNewline: 'on',
    tabSize: 2,
    ariaLabel: options.ariaLabel,
    accessibilitySupport: 'auto',
    scrollbar: { alwaysConsumeMouseWheel: false },
    fixedOverflowWidgets: true,
    // The starters' comments are long, bilingual sentences and the workspace
    // gives the editor half a window: wrapped, every line is readable without
    // scrolling sideways (Monaco can only wrap all lines, code too; a wrapped
    // line keeps its indent and one line number). 'advanced' lets the browser
    // break lines, which measures Hangul correctly.
    wordWrap: 'on',
    wrappingIndent: 'same',
    wrappingStrategy: 'advanced',
  });
  // Grow with the code, within reason, so the page (not the editor) scrolls.
  const fit = () => {
    const height = Math.min(640, Math.max(180, editor.getContentHeight()));
    options.host.style.height = `${height}px`;
  };
  editor.onDidContentSizeChange(fit);
  fit();
  return editor;
}

/**
 * Replaces the whole text as one undoable edit (Ctrl/Cmd+Z brings the old
 * text back), then shows it from its start: the edit leaves the cursor, and
 * the view, at the end of the last line, so the left of the code looked blank.
 */
export function replaceAll(editor: Editor, text: string, source: string): void {
  const model = editor.getModel();
  if (!model) return;
  editor.pushUndoStop();
  editor.executeEdits(source, [{ range: model.getFullModelRange(), text, forceMoveMarkers: true }]);
  editor.pushUndoStop();
  editor.setPosition({ lineNumber: 1, column: 1 });
  editor.setScrollPosition({ scrollLeft: 0, scrollTop: 0 });
  editor.revealLine(1);
}

const OWNER = 'course-run';

/** Marks the learner's line: a squiggle with the message and a highlighted line. */
export function markError(editor: Editor, line: number, column: number | undefined, message: string, previous: string[]): string[] {
  const model = editor.getModel();
  if (!model || line < 1 || line > model.getLineCount()) return previous;
  const startColumn = column && column <= model.getLineMaxColumn(line) ? column : model.getLineFirstNonWhitespaceColumn(line) || 1;
  monaco.editor.setModelMarkers(model, OWNER, [{
    severity: monaco.MarkerSeverity.Error, message, startLineNumber: line, startColumn,
    endLineNumber: line, endColumn: model.getLineMaxColumn(line),
  }]);
  editor.revealLineInCenterIfOutsideViewport(line);
  return editor.deltaDecorations(previous, [{
    range: new monaco.Range(line, 1, line, 1),
    options: { isWholeLine: true, className: 'exercise-error-line', linesDecorationsClassName: 'exercise-error-gutter' },
  }]);
}

export function clearError(editor: Editor, previous: string[]): string[] {
  const model = editor.getModel();
  if (model) monaco.editor.setModelMarkers(model, OWNER, []);
  return previous.length ? editor.deltaDecorations(previous, []) : previous;
}
