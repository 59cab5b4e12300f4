import { SaxesParser } from 'saxes';
import { MAX_CELL_CHARS } from './limits.js';

/**
 * Most characters of XML between two tags before a reader gives up: a cell of MAX_CELL_CHARS
 * characters written as character references (`&#x1F680;`, ten characters for two) fits.
 */
const RAW_RUN_LIMIT = MAX_CELL_CHARS * 10;

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
 * A strict, streaming, XML 1.0 conformant parser (saxes) that reports well-formedness errors by
 * throwing from `write`. It expands no entity beyond the predefined ones and character references:
 * a DTD's entity declarations are not processed, so no "billion laughs".
 */
export class XmlStream {
  private readonly parser = new SaxesParser({ xmlns: false, position: true });
  private failure: Error | undefined;
  /** Characters since the last '<': the text (or tag) saxes is holding in memory. */
  private run = 0;

  /**
   * `tooLong` builds the error thrown when more than RAW_RUN_LIMIT characters pass without a tag:
   * one text (a cell) far past MAX_CELL_CHARS, which saxes would otherwise gather whole in memory.
   */
  constructor(
    handlers: XmlHandlers,
    private readonly tooLong?: () => Error,
  ) {
    const p = this.parser;
    p.on('error', (e: Error) => {
      this.failure ??= e;
    });
    const { open, close, text } = handlers;
    if (open) p.on('opentag', (tag) => open(localName(tag.name), tag.attributes, tag.isSelfClosing));
    if (close) p.on('closetag', (tag) => close(localName(tag.name)));
    if (text) {
      p.on('text', text);
      p.on('cdata', text);
    }
  }

  /** Feeds text; throws the first XML error met. */
  write(text: string): void {
    this.check();
    const lt = text.lastIndexOf('<');
    this.run = lt < 0 ? this.run + text.length : text.length - lt - 1;
    if (this.run > RAW_RUN_LIMIT && this.tooLong) throw this.tooLong();
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
