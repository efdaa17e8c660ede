/**
 * The offline page is one file: the parts of its code it needs only sometimes (pdf.js) are in it as
 * inert text, and run when first needed, each allowed by its hash in the page's policy. Once they
 * have run, the bundle finds them loaded and fetches nothing.
 */
export const CHUNK_TYPE = 'text/x-nianbao-chunk';

export function installInlineChunks(doc: Document | undefined = globalThis.document): number {
  if (!doc) return 0;
  const waiting = [...doc.querySelectorAll<HTMLScriptElement>(`script[type="${CHUNK_TYPE}"]`)];
  for (const inert of waiting) {
    const script = doc.createElement('script');
    script.text = inert.text;
    inert.replaceWith(script);
  }
  return waiting.length;
}
