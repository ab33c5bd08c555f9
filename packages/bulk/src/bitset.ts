/**
 * A fixed-size set of small integers (offsets inside one task's span of rows), stored as bits
 * and written to checkpoints as base64: 150,000 rows take 25 KB of text.
 */
export class Bitset {
  private readonly bytes: Uint8Array;

  constructor(readonly size: number, bytes?: Uint8Array) {
    this.bytes = bytes ?? new Uint8Array(Math.ceil(size / 8));
  }

  static fromBase64(text: string, size: number): Bitset {
    const binary = atob(text);
    if (binary.length !== Math.ceil(size / 8)) throw new RangeError(`bitset of ${size} bits has ${binary.length} bytes`);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return new Bitset(size, bytes);
  }

  set(i: number): void {
    this.bytes[i >> 3]! |= 1 << (i & 7);
  }

  has(i: number): boolean {
    return (this.bytes[i >> 3]! & (1 << (i & 7))) !== 0;
  }

  /** Whether any bit is set. */
  any(): boolean {
    return this.bytes.some((b) => b !== 0);
  }

  toBase64(): string {
    let binary = "";
    // In slices: String.fromCharCode with a huge spread overflows the stack.
    for (let i = 0; i < this.bytes.length; i += 8192) binary += String.fromCharCode(...this.bytes.subarray(i, i + 8192));
    return btoa(binary);
  }
}
