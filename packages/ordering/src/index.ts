// @gongxin/ordering: ordering services behind core's Orderer interface (solo now; etcd next).
export { createSoloOrderer } from './solo/solo-orderer.js';
export type { SoloOrdererParams } from './solo/solo-orderer.js';
