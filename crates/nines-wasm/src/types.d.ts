
// ---- Input: the model (data/schema/model.schema.json) ----

/** A percentage in 0..=100, e.g. `99.95`. */
export type PercentNumber = number;

/** An architecture to evaluate. */
export interface Model {
  name?: string;
  /** ISO currency code of fees and losses; `"USD"` when absent. */
  currency?: string;
  /** What one hour of the whole architecture being down costs, in currency units. */
  business_loss_per_hour?: number;
  /** Components defined once and referenced with `{"shared": "id"}`. */
  shared?: { [id: string]: Component };
  root: Node;
  /** An outage scenario for the contract view. */
  incidents?: Incident[];
}

/** A node of the architecture tree: exactly one key. */
export type Node =
  | { serial: Group }
  | { parallel: Group }
  | { k_of_n: KOfN }
  | { failover: Failover }
  | { replicate: Replicate }
  | { component: Component }
  | { shared: string };

export interface Group {
  name?: string;
  children: Node[];
}

export interface KOfN {
  name?: string;
  /** How many children must be up. */
  k: number;
  children: Node[];
}

export interface Failover {
  name?: string;
  primary: Node;
  standby: Node;
  /** Downtime per primary failure while the standby takes over, minutes. */
  switchover_minutes: number;
  /** Primary failures per year; optional when the primary is an MTBF component. */
  incidents_per_year?: number;
}

export interface Replicate {
  name?: string;
  /** Identical, independent copies; any one suffices. */
  copies: number;
  child: Node;
}

/** A leaf: exactly one of `catalog`, `sla`, `availability` or `mtbf_hours` + `mttr_hours`. */
export interface Component {
  id?: string;
  name?: string;
  /** A catalog id such as `azure/virtual-machines/availability-zones`. */
  catalog?: string;
  sla?: Sla;
  availability?: PercentNumber;
  mtbf_hours?: number;
  mttr_hours?: number;
  maintenance_hours_per_month?: number;
  /** Monthly fee in currency units (input: a number; echoed in reports as a decimal string). */
  monthly_fee?: number;
}

export interface Incident {
  /** A component id or shared key. */
  component: string;
  /** `YYYY-MM-DDTHH:MM:SS`, UTC. */
  start: string;
  minutes: number;
  /** Which copy of the enclosing `replicate` (1-based); all copies when absent. */
  copy?: number;
}

// ---- SLA entries (catalog and inline) ----

export type Window = "calendar_month" | "billing_month";
export type DowntimeKind =
  | "unavailable_minutes"
  | "error_rate"
  | "deployment_minutes"
  | "failed_executions"
  | "recovery_time_objective";
export type SourceStatus = "primary" | "archived" | "secondary" | "unverified";

/** One SLA: a provider's commitment for one service configuration. */
export interface Sla {
  /** `provider/service/configuration`. */
  id: string;
  provider: string;
  service: string;
  configuration: string;
  preconditions?: string[];
  commitment: PercentNumber;
  window: Window;
  downtime_definition: {
    kind: DowntimeKind;
    text: string;
    interval_minutes?: number;
    retry_minutes?: number;
    rto_minutes?: number;
  };
  credit_tiers?: { below: PercentNumber; credit: PercentNumber }[];
  credit_cap: PercentNumber;
  minimum_credit?: { amount: number; currency: string; text?: string };
  claim_window: string;
  exclusions?: string[];
  data_guarantee: { kind: "not_applicable" | "none"; text: string };
  caveats?: string[];
  source: { url: string; as_of: string; status: SourceStatus; note?: string };
}

/** A catalog document, to replace the bundled catalog. */
export interface CatalogDocument {
  version: string;
  /** `YYYY-MM-DD`. */
  date: string;
  entries: Sla[];
}

// ---- Options ----

/** `"30-day"` (default), `"365/12"`, `"gregorian"` or a calendar month `"YYYY-MM"`. */
export type ConventionName = "30-day" | "365/12" | "gregorian" | (string & {});

export interface ConventionOptions {
  convention?: ConventionName;
}

export interface EvaluateOptions extends ConventionOptions {
  /** Replaces the bundled catalog (object or JSON text). */
  catalog?: CatalogDocument | string;
}

export interface CatalogOptions {
  /** `azure`, `aws`, `gcp`, … (case-insensitive). */
  provider?: string;
}

// ---- Output: the report (data/schema/report.schema.json) ----

/** A decimal amount with two places, e.g. `"1234.50"`. */
export type MoneyString = string;

export interface Periods {
  day: number;
  week: number;
  month: number;
  quarter: number;
  year: number;
}

export interface ConventionInfo {
  name: "calendar-month" | "30-day" | "365/12" | "gregorian";
  /** `YYYY-MM`, for `calendar-month`. */
  month?: string;
  description: string;
  period_seconds: Periods;
}

/** Durations for people per period, e.g. `"43 min 12 s"`. */
export interface PeriodTexts {
  day: string;
  week: string;
  month: string;
  quarter: string;
  year: string;
}

export interface Downtime {
  /** Seconds per period (12 significant digits). */
  seconds: Periods;
  /** The same for people, e.g. `"43 min 12 s"`. */
  text: PeriodTexts;
}

export interface ComponentReport {
  id: string;
  name: string;
  path: string;
  source: "catalog" | "sla" | "custom" | "on_prem";
  catalog?: string;
  shared: boolean;
  instances: number;
  availability: number;
  unavailability: number;
  percent: string;
  attributed_unavailability: number;
  share: number;
}

export interface TierReport {
  below: PercentNumber;
  credit: PercentNumber;
  after_seconds: number;
  after: string;
}

export interface Service {
  component: string;
  sla: string;
  provider: string;
  service: string;
  configuration: string;
  commitment: string;
  window: Window;
  downtime_kind: DowntimeKind;
  instances: number;
  monthly_fee?: MoneyString;
  credit_cap: PercentNumber;
  max_credit: PercentNumber;
  tiers: TierReport[];
  source: Sla["source"];
}

export interface WorstCase {
  fees: MoneyString;
  credit: MoneyString;
  downtime_seconds: number;
  business_loss?: MoneyString;
}

export interface ScenarioService {
  component: string;
  sla: string;
  copy?: number;
  downtime_seconds: number;
  uptime: string;
  /** The threshold of the credit tier reached; absent when no tier was crossed. */
  tier_below?: PercentNumber;
  credit_percent: PercentNumber;
  credit: MoneyString;
}

export interface ArchitectureOutage {
  /** `YYYY-MM-DDTHH:MM:SS`. */
  start: string;
  seconds: number;
  incidents: number[];
}

export interface Scenario {
  /** `YYYY-MM-DDTHH:MM:SS`. */
  window_start: string;
  window_seconds: number;
  architecture_downtime_seconds: number;
  architecture_uptime: string;
  /** Each stretch of architecture downtime, with the incidents (indices into the model's `incidents`) that overlap it. */
  architecture_outages: ArchitectureOutage[];
  business_loss?: MoneyString;
  services: ScenarioService[];
  total_credit: MoneyString;
}

export interface Contract {
  currency: string;
  business_loss_per_hour?: MoneyString;
  expected_downtime_seconds_per_month: number;
  expected_monthly_business_loss?: MoneyString;
  services: Service[];
  worst_case: WorstCase;
  scenario?: Scenario;
}

export type CaveatKind =
  | "no_data_guarantee"
  | "credit_cap"
  | "unverified"
  | "no_credits"
  | "precondition"
  | "provider"
  | "sole_remedy"
  | "sla_is_not_availability";

export interface Caveat {
  kind: CaveatKind;
  sla?: string;
  components: string[];
  text: string;
}

/** One thing wrong with an input, at a JSON path such as `root.serial.children[1].k_of_n.k`. */
export interface Problem {
  path: string;
  message: string;
}

/** The model as echoed in a report: as read, with its defaults (`currency`) filled in. */
export type EchoedModel = Model & { currency: string };

/** Everything nines knows about one model under one convention. */
export interface Report {
  schema_version: number;
  /** e.g. `"nines-core 0.1.0"`. */
  generator: string;
  catalog: { version: string; date: string };
  convention: ConventionInfo;
  name?: string;
  availability: number;
  unavailability: number;
  /** Every significant digit, e.g. `"99.9999999999"`. */
  percent: string;
  /** `-log10(unavailability)`; `null` for 100%. */
  nines: number | null;
  downtime: Downtime;
  weakest_link?: string;
  components: ComponentReport[];
  contract: Contract;
  caveats: Caveat[];
  warnings: Problem[];
  input: { model: EchoedModel; convention: string };
}

// ---- Output of the small functions: the same shapes the CLI's --json prints ----

/** An availability in every form: `serial`, `parallel`, `kOfN`; `nines serial|parallel|k-of-n --json`. */
export interface AvailabilityAnswer {
  availability: number;
  /** The exact figure. */
  unavailability: number;
  /** Every significant digit, e.g. `"99.9999999999"`. */
  percent: string;
  /** `-log10(unavailability)`; `null` for 100%. */
  nines: number | null;
}

/** An availability and the downtime it allows per period: `downtime`, `required`; `nines downtime --json`. */
export interface DowntimeAnswer extends AvailabilityAnswer {
  /** `30-day`, `365/12`, `gregorian` or a month `YYYY-MM`. */
  convention: string;
  /** A sentence stating the period lengths. */
  convention_description: string;
  /** Seconds of downtime allowed per period. */
  seconds: Periods;
  /** The same for people: `43 min 12 s`. */
  text: PeriodTexts;
}

export interface CatalogResult {
  version: string;
  date: string;
  entries: Sla[];
}

export interface VersionResult {
  /** The package version. */
  version: string;
  generator: string;
  report_schema_version: number;
  catalog: { version: string; date: string };
}

/** One problem as a thrown error lists it: `kind` says which error type was thrown. */
export interface ErrorProblem extends Problem {
  /** `"shape"` (a `TypeError`: malformed JSON, unknown or missing field, wrong type) or `"value"` (a `RangeError`). */
  kind: "shape" | "value";
}

/** Thrown as `TypeError` (bad shape) or `RangeError` (bad value). */
export interface NinesError extends Error {
  problems: ErrorProblem[];
}
