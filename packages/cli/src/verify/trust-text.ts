// What a verified proof leaves to trust, said the same way for every kind.

/**
 * Lines naming the header a proof rests on, and whether the user anchored it.
 * @example trustLines('9f86…', 12, false)
 */
export function trustLines(headerHashHex: string, height: number, anchored: boolean): string[] {
  return anchored
    ? [`rests on header ${height} with hash ${headerHashHex}, which is the trusted header hash you gave`]
    : [
        `rests on header ${height} with hash ${headerHashHex}`,
        'trust: only as far as you trust that header hash: compare it with one from another peer or a checkpoint,',
        '       or pass --trusted-header-hash to check it here',
      ];
}
