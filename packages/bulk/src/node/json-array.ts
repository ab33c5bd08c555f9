/**
 * Splits a JSON array arriving in text chunks into the source text of its elements, without
 * parsing the whole document: memory holds one element, so a JSON file of a million rows reads
 * like an NDJSON one. It tracks only strings, escapes and bracket depth; each element's text is
 * then handed to `JSON.parse` by the caller, which reports a bad element on its own.
 */
export class JsonArraySplitter {
  private state: "before" | "inside" | "after" = "before";
  private depth = 0;
  private inString = false;
  private escaped = false;
  private element = "";
  private elementLine = 1;
  /** The next non-space character starts an element: note its line. */
  private awaitingElement = true;
  private line = 1;
  private index = 0;

  /** Feeds text; returns the complete elements it ended, each with its position. */
  push(text: string): Array<{ text: string; index: number; line: number }> {
    const out: Array<{ text: string; index: number; line: number }> = [];
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.line += 1;
      if (this.state === "before") {
        if (c === 0x5b) {
          this.state = "inside";
          start = i + 1;
        } else if (!isSpace(c) && c !== 0xfeff) throw new SyntaxError(`line ${this.line}: expected a JSON array of data rows ("["); for one object per line, name the file .ndjson`);
        continue;
      }
      if (this.state === "after") {
        if (!isSpace(c)) throw new SyntaxError(`line ${this.line}: unexpected text after the end of the array`);
        continue;
      }
      if (this.awaitingElement && !isSpace(c)) {
        this.awaitingElement = false;
        this.elementLine = this.line;
      }
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === 0x5c) this.escaped = true;
        else if (c === 0x22) this.inString = false;
        continue;
      }
      if (c === 0x22) this.inString = true;
      else if (c === 0x7b || c === 0x5b) this.depth += 1;
      else if (c === 0x7d || c === 0x5d) {
        if (this.depth === 0 && c === 0x5d) {
          this.element += text.slice(start, i);
          this.take(out, true);
          this.state = "after";
          continue;
        }
        this.depth -= 1;
        if (this.depth < 0) throw new SyntaxError(`line ${this.line}: unbalanced ${String.fromCharCode(c)}`);
      } else if (c === 0x2c && this.depth === 0) {
        this.element += text.slice(start, i);
        this.take(out, false);
        start = i + 1;
      }
    }
    if (this.state === "inside") this.element += text.slice(start);
    return out;
  }

  /** Ends the input; throws if the array was never closed. */
  end(): void {
    if (this.state === "before") throw new SyntaxError("the file is empty: expected a JSON array of data rows");
    if (this.state === "inside") throw new SyntaxError(`line ${this.line}: the array is never closed ("]")`);
  }

  private take(out: Array<{ text: string; index: number; line: number }>, last: boolean): void {
    const text = this.element.trim();
    this.element = "";
    if (text === "") {
      // `[]` is an empty array; `[1,,2]` or a trailing comma is not JSON.
      if (!last || this.index > 0) throw new SyntaxError(`line ${this.line}: an array element is missing (two commas, or a comma before "]")`);
      return;
    }
    out.push({ text, index: this.index, line: this.elementLine });
    this.index += 1;
    this.awaitingElement = true;
  }
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}
