// Built-in table of notifiable diseases by ICD-10 code with their legal class (SCENARIOS.md §2; 传染病防治法,
// 传染病信息报告管理规范: 甲类 and 乙类按甲类管理 within 2 hours of diagnosis, all others within 24 hours).

/** Legal class: 甲类 `A`, 乙类 `B`, 乙类按甲类管理 `B-as-A`, 丙类 `C`. */
export type LegalClass = 'A' | 'B' | 'B-as-A' | 'C';

/** One notifiable disease. */
export interface DiseaseInfo {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  readonly legalClass: LegalClass;
}

/** 2 hours: statutory deadline of 甲类 and 乙类按甲类管理 cases. */
export const DEADLINE_URGENT_MS = 2 * 3_600_000;
/** 24 hours: statutory deadline of every other notifiable case. */
export const DEADLINE_STANDARD_MS = 24 * 3_600_000;

const d = (code: string, zh: string, en: string, legalClass: LegalClass): DiseaseInfo => ({ code, zh, en, legalClass });

/**
 * The table, by ICD-10 code. COVID-19 is listed as 乙类按甲类管理, as it was managed 2020–2022
 * (a later reclassification is a code-table change, i.e. a new module version).
 */
export const DISEASES: Readonly<Record<string, DiseaseInfo>> = Object.freeze(
  Object.fromEntries(
    [
      d('A00', '霍乱', 'Cholera', 'A'),
      d('A20', '鼠疫', 'Plague', 'A'),
      d('U07.1', '新型冠状病毒感染（病毒已确认）', 'COVID-19, virus identified', 'B-as-A'),
      d('U04.9', '传染性非典型肺炎', 'SARS', 'B-as-A'),
      d('A22.1', '肺炭疽', 'Pulmonary anthrax', 'B-as-A'),
      d('A22', '炭疽', 'Anthrax', 'B'),
      d('J09', '人感染H7N9禽流感', 'Human infection with avian influenza A(H7N9)', 'B'),
      d('A90', '登革热', 'Dengue fever', 'B'),
      d('A91', '登革出血热', 'Dengue haemorrhagic fever', 'B'),
      d('B05', '麻疹', 'Measles', 'B'),
      d('A01', '伤寒和副伤寒', 'Typhoid and paratyphoid fevers', 'B'),
      d('A80', '脊髓灰质炎', 'Acute poliomyelitis', 'B'),
      d('A39', '流行性脑脊髓膜炎', 'Meningococcal infection', 'B'),
      d('A15', '肺结核', 'Respiratory tuberculosis', 'B'),
      d('B04', '猴痘', 'Monkeypox (mpox)', 'B'),
      d('J10', '流行性感冒（病毒已确认）', 'Influenza, virus identified', 'C'),
      d('J11', '流行性感冒（病毒未确认）', 'Influenza, virus not identified', 'C'),
      d('A09', '其他感染性腹泻病', 'Other infectious diarrhoea', 'C'),
      d('B26', '流行性腮腺炎', 'Mumps', 'C'),
      d('B06', '风疹', 'Rubella', 'C'),
      d('B08.4', '手足口病', 'Hand, foot and mouth disease', 'C'),
    ].map((x) => [x.code, x] as const),
  ),
);

/**
 * The table entry of an ICD-10 code, or undefined when the code is not notifiable here.
 * @example diseaseInfo('A00')?.legalClass // 'A'
 */
export function diseaseInfo(code: string): DiseaseInfo | undefined {
  return Object.hasOwn(DISEASES, code) ? DISEASES[code] : undefined;
}

/**
 * The statutory reporting deadline (ms after diagnosis) of a legal class.
 * @example reportingDeadlineMs('B-as-A') // 7_200_000
 */
export function reportingDeadlineMs(legalClass: LegalClass): number {
  return legalClass === 'A' || legalClass === 'B-as-A' ? DEADLINE_URGENT_MS : DEADLINE_STANDARD_MS;
}
