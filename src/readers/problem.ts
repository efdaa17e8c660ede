/** A file that cannot be read, and why, in words for the user (Chinese, without the file's name). */
export class ReadProblem extends Error {
  override readonly name = 'ReadProblem';
}
