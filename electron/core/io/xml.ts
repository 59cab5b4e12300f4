import sax from 'sax';
import type { Tag } from 'sax';

/** Handlers for a streamed XML part; element names arrive without their namespace prefix. */
export interface XmlHandlers {
  open?: (name: string, attrs: Record<string, string>, selfClosing: boolean) => void;
  close?: (name: string) => void;
  text?: (text: string) => void;
}

/** The local part of a qualified name ("x:row" -> "row"). */
export function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/**
 * A strict streaming XML parser (sax) that reports well-formedness errors by throwing from
 * `write`. No DTD is processed, so no entity can expand beyond the five predefined ones.
 */
export class XmlStream {
  private readonly parser = sax.parser(true, { trim: false, normalize: false, xmlns: false, position: true });
  private failure: Error | undefined;

  constructor(handlers: XmlHandlers) {
    const p = this.parser;
    p.onerror = (e: Error) => {
      this.failure ??= e;
    };
    if (handlers.open) {
      const open = handlers.open;
      p.onopentag = (tag) => {
        const t = tag as Tag;
        open(localName(t.name), t.attributes, t.isSelfClosing);
      };
    }
    if (handlers.close) {
      const close = handlers.close;
      p.onclosetag = (name) => close(localName(name));
    }
    if (handlers.text) {
      const text = handlers.text;
      p.ontext = text;
      p.oncdata = text;
    }
  }

  /** Feeds text; throws the first XML error met. */
  write(text: string): void {
    this.check();
    if (text !== '') this.parser.write(text);
    this.check();
  }

  /** Ends the document; throws when it was cut short. */
  end(): void {
    this.check();
    this.parser.close();
    this.check();
  }

  private check(): void {
    const failure: Error | undefined = this.failure;
    if (failure) throw failure;
  }
}

/** An attribute read without case trouble: OOXML writers agree on case, so this is a plain lookup. */
export function attr(attrs: Record<string, string>, name: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(attrs, name) ? attrs[name] : undefined;
}

/** The attribute whose local name is `local`, whatever its prefix ("r:id", "table:name"). */
export function attrLocal(attrs: Record<string, string>, local: string): string | undefined {
  for (const key of Object.keys(attrs)) if (localName(key) === local) return attrs[key];
  return undefined;
}
