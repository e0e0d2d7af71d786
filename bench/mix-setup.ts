// Scenario mix for the peer benchmark (issue 4): charity donations, custody transfers and case reports, signed
// with the dev consortium's keys of the benchmark's data dir after a short setup (a campaign, a large batch).
import { bytesToHex } from '@gongxin/core';
import { gs1CheckDigit } from '@gongxin/modules';
import { DEV_KEY_PASSWORD, loadKey } from '@gongxin/node';

/** What the mix signers need: private keys (hex) of the actors and the ids the setup created. */
export interface MixPlan {
  readonly charityKey: string;
  readonly makerKey: string;
  readonly clinicKey: string;
  readonly campaign: string;
  readonly batch: string;
}

/** Loads the actors' keys from the data dir and names the campaign and batch the setup creates. */
export function mixPlan(dataDir: string): MixPlan {
  const hex = (name: string): string => bytesToHex(loadKey(dataDir, name, DEV_KEY_PASSWORD).privateKey);
  const body = '0690555000001';
  return {
    charityKey: hex('hubei-charity-charity'),
    makerKey: hex('hanyang-masks-manufacturer'),
    clinicKey: hex('jianghan-clinics-clinic'),
    campaign: 'bench-campaign',
    batch: `${body}${gs1CheckDigit(body)}-BENCH1`,
  };
}

/** The setup calls (one block): open the campaign, register the batch the transfers draw from. */
export function mixSetupCalls(plan: MixPlan): Array<{ key: string; module: string; command: string; args: Record<string, unknown> }> {
  const gtin = plan.batch.slice(0, 14);
  return [
    { key: plan.charityKey, module: 'charity', command: 'open-campaign', args: { id: plan.campaign, title: 'bench', goal: 1_000_000_000, accepts: { funds: true, items: [] } } },
    { key: plan.makerKey, module: 'supply-trace', command: 'register-batch', args: { gtin, lot: 'BENCH1', productType: 'surgical-mask', standard: 'YY 0469-2011', quantity: 1_000_000_000, productionDate: '261101' } },
  ];
}

/** The i-th call of the mix: a donation, a transfer of one unit, or a case report, in turn. */
export function mixCall(plan: MixPlan, i: number, donorKey: string, now: number): { key: string; module: string; command: string; args: Record<string, unknown> } {
  switch (i % 3) {
    case 0:
      return { key: donorKey, module: 'charity', command: 'donate', args: { campaign: plan.campaign, kind: 'funds', amount: 100 + (i % 1000) } };
    case 1:
      return { key: plan.makerKey, module: 'supply-trace', command: 'transfer', args: { code: plan.batch, to: 'changjiang-logistics', quantity: 1 } };
    default:
      return {
        key: plan.clinicKey,
        module: 'early-warning',
        command: 'report',
        args: { disease: 'J10', symptoms: ['fever'], onsetDate: new Date(now - 5 * 86_400_000).toISOString().slice(0, 10), diagnosedAt: now - 3_600_000, region: '420103', patientHash: i.toString(16).padStart(64, '0') },
      };
  }
}
