/** A file that cannot be read, and why, in words for the user (Chinese, without the file's name). */
export class ReadProblem extends Error {
  override readonly name = 'ReadProblem';
}

/** A file that is plainly no report (a note beside the reports): not checked, rather than not read. */
export class NotAReport extends ReadProblem {}

/** The package a message says could not be loaded (「Cannot find package 'pdfjs-dist'」): a broken install. */
export const missingPackage = (message: string): string | undefined =>
  /Cannot find (?:module|package) '([^']+)'/.exec(message)?.[1];

/** How an install copied without its node_modules (or cut short) is mended. */
export const MEND_INSTALL =
  '请在项目目录重新运行 npm install；复制到别的电脑时，要连同 node_modules 复制整个项目目录';
