/** A threshold a suite metric must meet. */
export interface Threshold {
  readonly min?: number;
  readonly max?: number;
}

/** The result of one eval suite, printed as a table or JSON by `threatstorm eval`. */
export interface SuiteResult {
  /** Suite name, e.g. "coverage" or "injection". */
  readonly suite: string;
  /** "ALWAYS_PASSES" suites gate CI; "USUALLY_PASSES" suites depend on a model and may vary. */
  readonly tag: 'ALWAYS_PASSES' | 'USUALLY_PASSES';
  /** Headline metrics, e.g. { recall: 0.93, falsePositiveRate: 0.02 }. */
  readonly metrics: Record<string, number>;
  /** Thresholds on headline metrics; the suite passes when all are met. */
  readonly thresholds: Record<string, Threshold>;
  readonly passed: boolean;
  /** Detail table: first row is the header. */
  readonly table: string[][];
  /** Extra tables (e.g. per hiding place, per family, per dataset source), each with a title. */
  readonly sections?: { title: string; table: string[][] }[];
  /** Notes such as "dataset not found, skipped". */
  readonly notes?: string[];
}

/** True when every threshold holds for the metrics. */
export function meetsThresholds(metrics: Record<string, number>, thresholds: Record<string, Threshold>): boolean {
  return Object.entries(thresholds).every(([k, t]) => {
    const v = metrics[k];
    if (v === undefined || Number.isNaN(v)) return false;
    return (t.min === undefined || v >= t.min) && (t.max === undefined || v <= t.max);
  });
}
