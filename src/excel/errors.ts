/** Office.js errors a clerk can meet, in Chinese. */
export function explainExcelError(e: unknown): string {
  const code = (e as { code?: string }).code;
  switch (code) {
    case 'InvalidOperationInCellEditMode':
      return '单元格正在编辑中：请先按回车或 Esc 结束编辑，再点「校验」。';
    case 'AccessDenied':
      return '工作表受保护或只读，无法完成此操作。';
    case 'ItemNotFound':
      return '找不到该工作表或单元格：它可能已被删除或改名，请重新校验。';
    default:
      return `Excel 未能完成操作（${code ?? (e instanceof Error ? e.message : String(e))}），请重试。`;
  }
}
