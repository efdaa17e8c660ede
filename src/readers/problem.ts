/** A file that cannot be read, and why, in words for the user (Chinese, without the file's name). */
export class ReadProblem extends Error {
  override readonly name = 'ReadProblem';
}

/** A file that is plainly no report (a note beside the reports): not checked, rather than not read. */
export class NotAReport extends ReadProblem {}
