/**
 * Pulls complete items out of a streamed JSON reply shaped like `{"key": [ {...}, {...} ]}` as soon
 * as each item's closing brace arrives, so a consumer can use the first item long before the reply
 * ends. String-aware (braces inside strings are ignored); text before the first `{` (code fences,
 * chatter) is skipped. Items are returned as raw JSON text; the caller parses and validates them.
 */
export class ArrayItemStream {
  private depth = 0;
  private inString = false;
  private escaped = false;
  private started = false;
  private arrayDepth = -1;
  private itemStart = -1;
  private buf = '';
  private pos = 0;

  /** Feeds more text; returns the items completed by it. */
  push(delta: string): string[] {
    this.buf += delta;
    const out: string[] = [];
    for (; this.pos < this.buf.length; this.pos++) {
      const ch = this.buf[this.pos]!;
      if (!this.started) {
        if (ch === '{') {
          this.started = true;
          this.depth = 1;
        }
        continue;
      }
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (ch === '\\') this.escaped = true;
        else if (ch === '"') this.inString = false;
        continue;
      }
      if (ch === '"') this.inString = true;
      else if (ch === '[') {
        this.depth++;
        if (this.arrayDepth < 0 && this.depth === 2) this.arrayDepth = 2;
      } else if (ch === '{') {
        this.depth++;
        if (this.depth === this.arrayDepth + 1 && this.itemStart < 0) this.itemStart = this.pos;
      } else if (ch === '}' || ch === ']') {
        if (ch === '}' && this.depth === this.arrayDepth + 1 && this.itemStart >= 0) {
          out.push(this.buf.slice(this.itemStart, this.pos + 1));
          this.itemStart = -1;
        }
        this.depth--;
      }
    }
    return out;
  }
}
