// Z_A agrees with sm-crypto-v2 for the default id and for other ids.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bytesToHex, utf8Encode } from '@gongxin/core';
import { sm2 as smCrypto } from 'sm-crypto-v2';
import { sm2PublicKeyOf } from './sm2-curve.js';
import { SM2_DEFAULT_ID, sm2Z } from './sm2-z.js';
import { sm3 } from './sm3.js';

test('the default id is ASCII 1234567812345678 (ENTL 0x0080)', () => {
  assert.equal(bytesToHex(SM2_DEFAULT_ID), '31323334353637383132333435363738');
});

test('Z_A equals sm-crypto-v2 getZ: default id, empty id, another id', () => {
  for (const d of [3n, 0xdeadbeefn, 123456789012345678901234567890n]) {
    const pk = sm2PublicKeyOf(d);
    const hex = bytesToHex(pk);
    assert.equal(bytesToHex(sm2Z(sm3, pk)), bytesToHex(smCrypto.getZ(hex)));
    assert.equal(bytesToHex(sm2Z(sm3, pk, new Uint8Array(0))), bytesToHex(smCrypto.getZ(hex, '')));
    assert.equal(bytesToHex(sm2Z(sm3, pk, utf8Encode('ALICE123@YAHOO.COM'))), bytesToHex(smCrypto.getZ(hex, 'ALICE123@YAHOO.COM')));
    assert.notEqual(bytesToHex(sm2Z(sm3, pk)), bytesToHex(sm2Z(sm3, pk, new Uint8Array(0))));
  }
});
