import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import { expect } from 'vitest';

export interface Node {
  tag: string;
  attrs: Record<string, string>;
  children: Node[];
  text?: string;
}

/** The manifest as a plain tree of elements, in document order. */
export function parse(xml: string): Node {
  const raw = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    preserveOrder: true,
    trimValues: true,
  }).parse(xml) as unknown[];
  const convert = (item: Record<string, unknown>): Node | undefined => {
    const tag = Object.keys(item).find((k) => k !== ':@');
    if (!tag || tag === '?xml' || tag === '#comment') return undefined;
    const body = item[tag] as Record<string, unknown>[];
    if (tag === '#text') return { tag, attrs: {}, children: [], text: String(item[tag]) };
    const children = body.map(convert).filter((n): n is Node => n !== undefined);
    const text = children.find((c) => c.tag === '#text')?.text;
    return {
      tag,
      attrs: (item[':@'] as Record<string, string>) ?? {},
      children: children.filter((c) => c.tag !== '#text'),
      ...(text !== undefined ? { text } : {}),
    };
  };
  return convert((raw as Record<string, unknown>[]).find((i) => 'OfficeApp' in i)!)!;
}

export function all(node: Node, where: (n: Node, parent?: Node) => boolean, parent?: Node): Node[] {
  return [...(where(node, parent) ? [node] : []), ...node.children.flatMap((c) => all(c, where, node))];
}

/** PNG width and height from its IHDR chunk. */
export function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect(b.subarray(1, 4).toString('latin1'), file).toBe('PNG');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** Addresses the add-in is loaded from (namespaces aside). */
export const urlsIn = (xml: string) =>
  [...xml.matchAll(/(?:DefaultValue="|<AppDomain>)(https?:\/\/[^"<]+)/g)].map((m) => m[1]!);
