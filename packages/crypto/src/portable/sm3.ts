// SM3 hash (GB/T 32905-2016) in pure TypeScript on @noble/hashes' Merkle–Damgård base: the portable SM3.
// Node's OpenSSL has SM3 too (node-hash.ts); both are checked against each other and the standard's examples.
import { HashMD } from '@noble/hashes/_md.js';
import { createHasher, rotl, type CHash } from '@noble/hashes/utils.js';

/** GB/T 32905 §4.1 initial value IV. */
const SM3_IV = Uint32Array.of(0x7380166f, 0x4914b2b9, 0x172442d7, 0xda8a0600, 0xa96f30bc, 0x163138aa, 0xe38dee4d, 0xb0fb0e4e);
/** Message expansion W0..W67 (§5.3.2); W'j is computed on the fly as W[j] ^ W[j + 4]. */
const SM3_W = new Uint32Array(68);
/** T_j rotated left by j (mod 32), precomputed for the 64 rounds (§4.2, §5.3.3). */
const SM3_TJ = Uint32Array.from({ length: 64 }, (_, j) => rotl(j < 16 ? 0x79cc4519 : 0x7a879d8a, j % 32));

const p0 = (x: number): number => x ^ rotl(x, 9) ^ rotl(x, 17);
const p1 = (x: number): number => x ^ rotl(x, 15) ^ rotl(x, 23);

/** SM3 state: eight 32-bit words A..H, big-endian, 64-byte blocks, 64-bit length. */
class Sm3 extends HashMD<Sm3> {
  private A = SM3_IV[0]! | 0;
  private B = SM3_IV[1]! | 0;
  private C = SM3_IV[2]! | 0;
  private D = SM3_IV[3]! | 0;
  private E = SM3_IV[4]! | 0;
  private F = SM3_IV[5]! | 0;
  private G = SM3_IV[6]! | 0;
  private H = SM3_IV[7]! | 0;

  constructor() {
    super(64, 32, 8, false);
  }
  protected get(): [number, number, number, number, number, number, number, number] {
    const { A, B, C, D, E, F, G, H } = this;
    return [A, B, C, D, E, F, G, H];
  }
  protected set(A: number, B: number, C: number, D: number, E: number, F: number, G: number, H: number): void {
    this.A = A | 0;
    this.B = B | 0;
    this.C = C | 0;
    this.D = D | 0;
    this.E = E | 0;
    this.F = F | 0;
    this.G = G | 0;
    this.H = H | 0;
  }
  _cloneInto(to?: Sm3): Sm3 {
    const target = to ?? new Sm3();
    target.set(...this.get());
    return this._cloneIntoMeta(target);
  }
  protected process(view: DataView, offset: number): void {
    const W = SM3_W;
    for (let i = 0; i < 16; i++, offset += 4) W[i] = view.getUint32(offset, false);
    for (let j = 16; j < 68; j++) {
      W[j] = p1(W[j - 16]! ^ W[j - 9]! ^ rotl(W[j - 3]!, 15)) ^ rotl(W[j - 13]!, 7) ^ W[j - 6]!;
    }
    let { A, B, C, D, E, F, G, H } = this;
    for (let j = 0; j < 64; j++) {
      const a12 = rotl(A, 12);
      const ss1 = rotl((a12 + E + SM3_TJ[j]!) | 0, 7);
      const ss2 = ss1 ^ a12;
      const wj = W[j]!;
      const wj1 = wj ^ W[j + 4]!;
      const ff = j < 16 ? A ^ B ^ C : (A & B) | (A & C) | (B & C);
      const gg = j < 16 ? E ^ F ^ G : (E & F) | (~E & G);
      const tt1 = (ff + D + ss2 + wj1) | 0;
      const tt2 = (gg + H + ss1 + wj) | 0;
      D = C;
      C = rotl(B, 9);
      B = A;
      A = tt1;
      H = G;
      G = rotl(F, 19);
      F = E;
      E = p0(tt2);
    }
    this.set(A ^ this.A, B ^ this.B, C ^ this.C, D ^ this.D, E ^ this.E, F ^ this.F, G ^ this.G, H ^ this.H);
  }
  protected roundClean(): void {
    SM3_W.fill(0);
  }
  destroy(): void {
    this.destroyed = true;
    this.set(0, 0, 0, 0, 0, 0, 0, 0);
    this.buffer.fill(0);
  }
}

/**
 * SM3 digest (32 bytes) of `data`, pure JS: runs in browsers. Also a noble `CHash` (usable with noble's hmac).
 * @example bytesToHex(sm3(utf8Encode('abc'))) // '66c7f0f4…8f4ba8e0' (GB/T 32905 example 1)
 */
export const sm3: CHash = createHasher(() => new Sm3());
