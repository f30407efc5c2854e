// A minimal XML writer for Metadata API files: elements as data, text escaped, 4-space indentation
// (the layout `sf project retrieve` produces, so a retrieve after deploy shows no noise).

export type XmlValue = string | number | boolean;
export type XmlChild = readonly [name: string, content: XmlValue | readonly XmlChild[]] | undefined | false;

export const METADATA_NS = 'http://soap.sforce.com/2006/04/metadata';

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export function metadataDocument(
  root: string,
  children: readonly XmlChild[],
  extraAttributes: Readonly<Record<string, string>> = {},
): string {
  const attributes = Object.entries({ xmlns: METADATA_NS, ...extraAttributes })
    .map(([name, value]) => ` ${name}="${escapeXml(value)}"`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root}${attributes}>\n${renderChildren(children, 1)}</${root}>\n`;
}

function renderChildren(children: readonly XmlChild[], depth: number): string {
  const indent = '    '.repeat(depth);
  let out = '';
  for (const child of children) {
    if (!child) continue;
    const [name, content] = child;
    if (
      content === undefined ||
      content === null ||
      (typeof content === 'number' && !Number.isFinite(content))
    ) {
      throw new Error(`<${name}> has no value`);
    }
    if (Array.isArray(content)) {
      out += `${indent}<${name}>\n${renderChildren(content as readonly XmlChild[], depth + 1)}${indent}</${name}>\n`;
    } else {
      out += `${indent}<${name}>${escapeXml(String(content))}</${name}>\n`;
    }
  }
  return out;
}
