
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
  /** Failure domains (zones, regions, racks, control planes) that nodes list in `domains`. */
  domains?: { [id: string]: Domain };
  /** Mean outage, minutes, of components that give no failure process (risk simulation; 60 when absent). */
  default_outage_minutes?: number;
  /** Calendars (service hours in a time zone, holidays, maintenance windows) referred to by id. */
  calendars?: { [id: string]: Calendar };
  /** The business's own hours: an id of `calendars`. */
  business_calendar?: string;
  /** What an hour of outage costs outside the business calendar's hours (0 when absent). */
  business_loss_per_hour_outside_hours?: number;
  /** The availability a month must reach, percent (risk simulation). */
  target?: PercentNumber;
  root: Node;
  /** An outage scenario for the contract view. */
  incidents?: Incident[];
}

/** A local time of day, `"HH:MM"` (`"24:00"` ends a day). */
export type Clock = string;

/** Service hours in a time zone, minus holidays and maintenance windows. */
export interface Calendar {
  /** An IANA time zone, e.g. `"Europe/Berlin"`; `"UTC"` when absent. */
  time_zone?: string;
  /** Intervals `[from, to]` per weekday; a day left out has none. Absent: 24×7. */
  hours?: Partial<Record<"mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun", [Clock, Clock][]>>;
  /** Local dates without service, `YYYY-MM-DD`. */
  holidays?: string[];
  maintenance?: Maintenance[];
}

/** A recurring window excluded from service time; `to` at or before `from` ends the next day. */
export interface Maintenance {
  every: "week" | "month";
  /** `"sun"` (weekly), `"first-sun"` … `"last-sun"` or a day 1–31 (monthly). */
  day: string | number;
  from: Clock;
  to: Clock;
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
  /** Failure domains it lives in: down whenever any of them is. */
  domains?: string[];
  /** Parallel only: how many members `optimize` may use, `[min, max]` (1 ≤ min ≤ max ≤ 64):
   * its first members, then copies of its last. */
  copies_range?: [number, number];
}

/** A failure domain: `availability`, or `incidents_per_year` with `outage_minutes`. */
export interface Domain {
  name?: string;
  availability?: PercentNumber;
  incidents_per_year?: number;
  outage_minutes?: number;
  outage_distribution?: OutageDistribution;
}

export type OutageDistribution =
  | "exponential"
  | "fixed"
  | { lognormal: { median_minutes: number; p90_minutes: number } };

export interface KOfN {
  name?: string;
  /** How many children must be up. */
  k: number;
  children: Node[];
  domains?: string[];
}

export interface Failover {
  name?: string;
  primary: Node;
  standby: Node;
  /** Downtime per primary failure while the standby takes over, minutes. */
  switchover_minutes: number;
  /** Primary failures per year; optional when the primary is an MTBF component. */
  incidents_per_year?: number;
  domains?: string[];
}

export interface Replicate {
  name?: string;
  /** Identical, independent copies; any one suffices. */
  copies: number;
  child: Node;
  domains?: string[];
  /** How many copies `optimize` may choose, `[min, max]` (1 ≤ min ≤ max ≤ 64). */
  copies_range?: [number, number];
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
  /** Failures a (365-day) year, for the risk simulation; or give `outage_minutes`. */
  incidents_per_year?: number;
  /** Mean outage, minutes, for the risk simulation. */
  outage_minutes?: number;
  outage_distribution?: OutageDistribution;
  domains?: string[];
  /** Other configurations that could take its place (leaf fields, each with its
   * `monthly_fee`; no `id`, `domains` or `alternatives`), for `optimize`. */
  alternatives?: Omit<Component, "id" | "domains" | "alternatives">[];
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
  /** Highest threshold first; `"unknown"` when the provider's table could not be sourced. */
  credit_tiers?: CreditTier[] | "unknown";
  /** Credits in days of service for an outage's length (Route 53), where confirmed. */
  credit_days?: { after_minutes: number; days: number }[];
  credit_cap: PercentNumber;
  minimum_credit?: { amount: number; currency: string; text?: string };
  claim_window: string;
  exclusions?: string[];
  data_guarantee: { kind: "not_applicable" | "none"; text: string };
  /** The provider's design durability: a design figure, never a commitment. */
  durability?: Durability;
  /** Contractual recovery or replication commitments, apart from uptime. */
  recovery?: RecoveryCommitment[];
  /** The calendar the commitment is measured over: an id of the model's `calendars`. */
  calendar?: string;
  caveats?: string[];
  source: Source;
}

export interface CreditTier {
  below: PercentNumber;
  credit: PercentNumber;
}

export interface Source {
  url: string;
  /** `YYYY-MM-DD`. */
  as_of: string;
  status: SourceStatus;
  note?: string;
}

export interface Durability {
  design_percent: PercentNumber;
  text: string;
  source: Source;
}

export interface RecoveryCommitment {
  kind: "replication_time" | "recovery_time" | "restore_time";
  minutes: number;
  /** The share of objects or operations the time applies to. */
  objects_percent?: PercentNumber;
  text: string;
  /** `below` compares with the measured share, not with uptime. */
  credit_tiers?: CreditTier[];
  source: Source;
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
  /** `downtime` and `required`: count only this calendar's service time. */
  calendar?: Calendar;
}

export interface EvaluateOptions extends Omit<ConventionOptions, "calendar"> {
  /** Count the expected downtime in this calendar of the model (an id of its `calendars`). */
  calendar?: string;
  /** Replaces the bundled catalog (object or JSON text). */
  catalog?: CatalogDocument | string;
  /** List how the design fails: its minimal cut sets up to this many failures (1–6) in `cut_sets`. */
  cut_sets?: number;
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
  /** The calendar the downtime figures count, when asked for. */
  calendar?: CalendarInfo;
}

/** A calendar a figure counts in. */
export interface CalendarInfo {
  id: string;
  description: string;
  /** Service time per period, seconds. */
  service_seconds: Periods;
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
  /** The calendar the SLA is measured over, when not every minute. */
  calendar?: CalendarInfo;
  tiers: TierReport[];
  /** Present (true) when the provider's credit tiers could not be sourced: credits unknown, not zero. */
  credits_unknown?: true;
  source: Sla["source"];
}

export interface WorstCase {
  fees: MoneyString;
  credit: MoneyString;
  downtime_seconds: number;
  business_loss?: MoneyString;
  /** Components whose credits are unknown, left out of `credit`. */
  credits_unknown?: string[];
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
  /** Present (true) when the SLA's credit tiers could not be sourced. */
  credit_unknown?: true;
  /** Its calendar's service time in the window, seconds; `downtime_seconds` counts only that. */
  service_seconds?: number;
}

/** Which of an incident's minutes its component's SLA counts, and why not the others. */
export interface IncidentCount {
  incident: number;
  component: string;
  sla: string;
  minutes: number;
  counted_minutes: number;
  outside_month_minutes: number;
  outside_hours_minutes: number;
  holiday_minutes: number;
  maintenance_minutes: number;
  why: string;
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
  /** Downtime inside the business calendar's hours, seconds. */
  business_hours_downtime_seconds?: number;
  /** Per incident, when the model uses calendars. */
  incidents?: IncidentCount[];
  services: ScenarioService[];
  total_credit: MoneyString;
}

export interface Contract {
  currency: string;
  business_loss_per_hour?: MoneyString;
  business_loss_per_hour_outside_hours?: MoneyString;
  expected_downtime_seconds_per_month: number;
  expected_monthly_business_loss?: MoneyString;
  /** The business's own hours, when the model names them. */
  business_calendar?: CalendarInfo;
  services: Service[];
  worst_case: WorstCase;
  scenario?: Scenario;
  /** What each data store's SLA does and does not say about your data. */
  data?: DataStore[];
}

export interface DataStore {
  component: string;
  sla: string;
  /** The SLA's commitment on availability, percent. */
  availability_commitment: string;
  /** A design figure, not guaranteed. */
  design_durability?: Durability;
  recovery: RecoveryCommitment[];
  /** What is not covered, in plain words. */
  not_covered: string;
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

/** The minimal cut sets up to an order, most probable first. */
export interface CutSetReport {
  order: number;
  /** `false` when the least probable sets of some step were dropped (more than 20,000). */
  complete: boolean;
  sets: CutSet[];
}

/** A smallest set of failures that takes the design down. */
export interface CutSet {
  members: CutSetMember[];
  /** All of them down at once (independent failures). */
  probability: number;
  /** `probability / unavailability`, to first order. */
  share: number;
}

/** A component (in one copy of its replicates, outermost first) or a failover's switchover. */
export interface CutSetMember {
  component?: string;
  copy?: number[];
  /** The failover (name or path) whose switchover this is. */
  switchover?: string;
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
  /** Present when asked for with `cut_sets` in the options. */
  cut_sets?: CutSetReport;
  caveats: Caveat[];
  warnings: Problem[];
  input: { model: EchoedModel; convention: string; calendar?: string };
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
  /** The calendar whose service time `seconds` counts (absent: every minute). */
  calendar?: string;
  /** Service time per period, seconds. */
  service_seconds?: Periods;
  /** The same percentage of every minute (24×7, UTC), side by side. */
  around_the_clock?: Downtime;
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

// ---- The risk simulation (data/schema/risk.schema.json) ----

export interface SimulateOptions extends ConventionOptions {
  /** Months to simulate, 1 to 10,000,000 (default 100,000). */
  trials?: number;
  /** The seed of the random streams (default 1): the same seed gives the same report. */
  seed?: number;
  /** The availability a month must reach, percent; the model's `target` when absent. */
  target?: PercentNumber;
  /** Replaces the bundled catalog (object or JSON text). */
  catalog?: CatalogDocument | string;
}

/** An estimate with its 95% confidence interval. */
export interface Estimate {
  estimate: number;
  low: number;
  high: number;
}

export interface MoneyEstimate {
  estimate: MoneyString;
  low: MoneyString;
  high: MoneyString;
}

/** How likely a month misses an availability. */
export interface Breach {
  /** Percent. */
  target: number;
  probability: number;
  low: number;
  /** The bound the trials allow when no month missed it. */
  high: number;
  method: "months" | "importance_sampling";
  /** Months that missed it among those simulated. */
  months: number;
  allowed_seconds: number;
}

export interface ServiceRisk {
  component: string;
  sla: string;
  instances: number;
  p_credit: number;
  p_credit_low: number;
  p_credit_high: number;
  expected_credit: MoneyString;
  expected_credit_low: MoneyString;
  expected_credit_high: MoneyString;
  credit_distribution: { credit_percent: number; months: number; share: number }[];
  credits_unknown?: true;
}

/** How bad a month can get: `simulate`, `simulateJson`, `Simulation`; `nines simulate --json`. */
export interface RiskReport {
  schema_version: number;
  generator: string;
  catalog: { version: string; date: string };
  convention: ConventionInfo;
  name?: string;
  trials: number;
  seed: number;
  month_seconds: number;
  exact_unavailability: number;
  mean_unavailability: Estimate;
  downtime_seconds: { mean: number; p50: number; p90: number; p99: number; p999: number };
  histogram: { zero_months: number; bin_seconds: number; counts: number[]; beyond: number };
  breach?: Breach;
  commitments: Breach[];
  services: ServiceRisk[];
  money: {
    currency: string;
    expected_credit: MoneyEstimate;
    expected_loss?: MoneyEstimate;
    p99_loss?: MoneyString;
    credits_cover?: number;
  };
  processes: {
    component: string;
    failures_per_year: number;
    mean_outage_minutes: number;
    distribution: "exponential" | "fixed" | "lognormal";
    outage_from: string;
  }[];
  assumptions: string[];
}

// ---- decisions: improve, optimize, slo ----

/** Options of `improve`, `optimize`, `Optimization`, `slo` and `openslo`. */
export interface DecideOptions extends ConventionOptions {
  /** The availability to reach, percent; the model's `target` when absent. */
  target?: PercentNumber;
  /** A catalog document replacing the bundled one. */
  catalog?: CatalogDocument | string;
  /** `slo`: simulate months and report the SLO met in this share of them (0 < c < 1). */
  confidence?: number;
  /** `slo`: months to simulate (default 100,000). */
  trials?: number;
  /** `slo`: the seed of the simulation (default 1). */
  seed?: number;
  /** `openslo`: the IANA time zone of the calendar window (default `Etc/UTC`). */
  time_zone?: string;
}

/** `nines improve --json`. */
export interface ImproveAnswer {
  /** Percent. */
  target: number;
  /** Fraction. */
  availability: number;
  components: ComponentNeed[];
  groups: GroupNeed[];
}

export interface ComponentNeed {
  id: string;
  /** Fraction; null when even a perfect component cannot reach the target. */
  required_availability: number | null;
  status: "met" | "possible" | "impossible";
  birnbaum: number;
  raw: number | null;
  rrw: number | null;
  share: number;
  /** Copies its availability applies to (inside a replicate). */
  instances: number;
}

export interface GroupNeed {
  path: string;
  kind: "replicate" | "parallel" | "k_of_n";
  current: number;
  required: number | null;
}

/** `nines optimize --json`. */
export interface OptimizeAnswer {
  target: number;
  optimal: boolean;
  evaluated: number;
  combinations: number;
  currency: string;
  current: Design;
  cheapest: Design | null;
  frontier: Design[];
}

export interface Design {
  monthly_fee: MoneyString;
  /** Fraction. */
  availability: number;
  /** What differs from the model as written. */
  choices: { id: string; choice: number; label: string }[];
}

/** `nines slo --json`. */
export interface SloAnswer {
  target: number;
  availability: number;
  convention: ConventionInfo;
  budget: Downtime;
  expected: Downtime;
  remaining: { seconds: Periods; text: PeriodTexts; fraction: number };
  supported: {
    long_run: string;
    simulated?: {
      confidence: number;
      percent: string;
      trials: number;
      seed: number;
      target_breach: Breach;
      one_month_in: number | null;
    };
  };
}

/** An OpenSLO v1 `SLO` document (`openslo`). */
export interface OpenSloDocument {
  apiVersion: "openslo/v1";
  kind: "SLO";
  metadata: { name: string; displayName: string; annotations: Record<string, string> };
  spec: {
    description: string;
    service: string;
    indicatorRef: string;
    timeWindow: { duration: "1M"; isRolling: false; calendar: { startTime: string; timeZone: string } }[];
    budgetingMethod: "Timeslices";
    objectives: { displayName: string; target: number; timeSliceTarget: number; timeSliceWindow: string }[];
  };
}
