// A problem with the grader's own setup or arguments (not with a submission):
// the command line prints its message and exits 2.
export class ToolError extends Error {}
