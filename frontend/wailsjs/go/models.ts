export namespace app {
	
	export enum Bucket {
	    Day = "day",
	    Hour = "hour",
	}
	export enum BudgetLevel {
	    None = "none",
	    OK = "ok",
	    Near = "near",
	    Over = "over",
	}
	export enum Event {
	    ConnectionChanged = "connection:changed",
	    SettingsChanged = "settings:changed",
	    GlanceUpdated = "glance:updated",
	    SessionEnded = "session:ended",
	}
	export enum ErrorCode {
	    Invalid = "invalid",
	    NotFound = "not_found",
	    Unauthorized = "unauthorized",
	    Unavailable = "unavailable",
	    Locked = "locked",
	    BadData = "bad_data",
	    Internal = "internal",
	}
	export enum Theme {
	    System = "system",
	    Light = "light",
	    Dark = "dark",
	}
	export enum TrayShows {
	    Today = "today",
	    Month = "month",
	    Budget = "budget",
	}
	export class AboutInfo {
	    version: string;
	    go_version: string;
	    platform: string;
	    config_dir: string;
	    data_dir: string;
	    state_dir: string;
	
	    static createFrom(source: any = {}) {
	        return new AboutInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.version = source["version"];
	        this.go_version = source["go_version"];
	        this.platform = source["platform"];
	        this.config_dir = source["config_dir"];
	        this.data_dir = source["data_dir"];
	        this.state_dir = source["state_dir"];
	    }
	}
	export class History {
	    entries: history.Entry[];
	    warnings: history.Warning[];
	
	    static createFrom(source: any = {}) {
	        return new History(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.entries = this.convertValues(source["entries"], history.Entry);
	        this.warnings = this.convertValues(source["warnings"], history.Warning);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class PriceStatus {
	    version: string;
	    update?: pricing.UpdateInfo;
	    checked?: string | null;
	    checked_text: string;
	    last_error: string;
	    store_error: string;
	    checking: boolean;
	    daily_check: boolean;
	    url: string;
	
	    static createFrom(source: any = {}) {
	        return new PriceStatus(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.version = source["version"];
	        this.update = this.convertValues(source["update"], pricing.UpdateInfo);
	        this.checked = source["checked"];
	        this.checked_text = source["checked_text"];
	        this.last_error = source["last_error"];
	        this.store_error = source["store_error"];
	        this.checking = source["checking"];
	        this.daily_check = source["daily_check"];
	        this.url = source["url"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class PriceTableInfo {
	    version: string;
	    source: string;
	    models: pricing.Price[];
	
	    static createFrom(source: any = {}) {
	        return new PriceTableInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.version = source["version"];
	        this.source = source["source"];
	        this.models = this.convertValues(source["models"], pricing.Price);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ProfileView {
	    profile: backend.Profile;
	    session: backend.SessionInfo;
	    has_password: boolean;
	    insecure: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ProfileView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.profile = this.convertValues(source["profile"], backend.Profile);
	        this.session = this.convertValues(source["session"], backend.SessionInfo);
	        this.has_password = source["has_password"];
	        this.insecure = source["insecure"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ProfilesState {
	    profiles: ProfileView[];
	    active_id: string;
	    secret_storage: string;
	    secret_warning: string;
	    demo_login: string;
	    demo_password: string;
	
	    static createFrom(source: any = {}) {
	        return new ProfilesState(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.profiles = this.convertValues(source["profiles"], ProfileView);
	        this.active_id = source["active_id"];
	        this.secret_storage = source["secret_storage"];
	        this.secret_warning = source["secret_warning"];
	        this.demo_login = source["demo_login"];
	        this.demo_password = source["demo_password"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class StoredReport {
	    report?: backend.Report;
	    entry: history.Entry;
	
	    static createFrom(source: any = {}) {
	        return new StoredReport(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.report = this.convertValues(source["report"], backend.Report);
	        this.entry = this.convertValues(source["entry"], history.Entry);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class RecostedReport {
	    stored?: StoredReport;
	    recost?: pricing.Recost;
	
	    static createFrom(source: any = {}) {
	        return new RecostedReport(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.stored = this.convertValues(source["stored"], StoredReport);
	        this.recost = this.convertValues(source["recost"], pricing.Recost);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ReportDiff {
	    from: backend.Report;
	    to: backend.Report;
	    cost_usd: number;
	    total_tokens: number;
	    input_tokens: number;
	    output_tokens: number;
	    cache_creation_tokens: number;
	    cache_read_tokens: number;
	
	    static createFrom(source: any = {}) {
	        return new ReportDiff(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.from = this.convertValues(source["from"], backend.Report);
	        this.to = this.convertValues(source["to"], backend.Report);
	        this.cost_usd = source["cost_usd"];
	        this.total_tokens = source["total_tokens"];
	        this.input_tokens = source["input_tokens"];
	        this.output_tokens = source["output_tokens"];
	        this.cache_creation_tokens = source["cache_creation_tokens"];
	        this.cache_read_tokens = source["cache_read_tokens"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace backend {
	
	export enum PresetID {
	    Today = "today",
	    Yesterday = "yesterday",
	    Last7Days = "last_7_days",
	    Last30Days = "last_30_days",
	    ThisMonth = "this_month",
	    LastMonth = "last_month",
	    AllTime = "all_time",
	    Custom = "custom",
	}
	export enum SourceKind {
	    Platform = "platform",
	    MongoDB = "mongodb",
	}
	export class TokenBreakdown {
	    input_tokens: number;
	    output_tokens: number;
	    cache_creation_input_tokens: number;
	    cache_read_input_tokens: number;
	    total_tokens: number;
	
	    static createFrom(source: any = {}) {
	        return new TokenBreakdown(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.input_tokens = source["input_tokens"];
	        this.output_tokens = source["output_tokens"];
	        this.cache_creation_input_tokens = source["cache_creation_input_tokens"];
	        this.cache_read_input_tokens = source["cache_read_input_tokens"];
	        this.total_tokens = source["total_tokens"];
	    }
	}
	export class UsageRow {
	    key: string;
	    label: string;
	    logs: number;
	    tokens: TokenBreakdown;
	    cost_usd: number;
	    execution_time_ms: number;
	    computed_usd: number;
	    unpriced_tokens: number;
	
	    static createFrom(source: any = {}) {
	        return new UsageRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.label = source["label"];
	        this.logs = source["logs"];
	        this.tokens = this.convertValues(source["tokens"], TokenBreakdown);
	        this.cost_usd = source["cost_usd"];
	        this.execution_time_ms = source["execution_time_ms"];
	        this.computed_usd = source["computed_usd"];
	        this.unpriced_tokens = source["unpriced_tokens"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Breakdowns {
	    by_day: UsageRow[];
	    by_model: UsageRow[];
	    by_workflow: UsageRow[];
	    by_instance: UsageRow[];
	    by_mode: UsageRow[];
	    by_user: UsageRow[];
	
	    static createFrom(source: any = {}) {
	        return new Breakdowns(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.by_day = this.convertValues(source["by_day"], UsageRow);
	        this.by_model = this.convertValues(source["by_model"], UsageRow);
	        this.by_workflow = this.convertValues(source["by_workflow"], UsageRow);
	        this.by_instance = this.convertValues(source["by_instance"], UsageRow);
	        this.by_mode = this.convertValues(source["by_mode"], UsageRow);
	        this.by_user = this.convertValues(source["by_user"], UsageRow);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Budget {
	    monthly_usd: number;
	    alert_percents: number[];
	
	    static createFrom(source: any = {}) {
	        return new Budget(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.monthly_usd = source["monthly_usd"];
	        this.alert_percents = source["alert_percents"];
	    }
	}
	export class CacheTTLChoice {
	    model: string;
	    ttl: string;
	    policy: string;
	    reported_usd: number;
	    computed_usd: number;
	    mismatch_percent?: number;
	
	    static createFrom(source: any = {}) {
	        return new CacheTTLChoice(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.model = source["model"];
	        this.ttl = source["ttl"];
	        this.policy = source["policy"];
	        this.reported_usd = source["reported_usd"];
	        this.computed_usd = source["computed_usd"];
	        this.mismatch_percent = source["mismatch_percent"];
	    }
	}
	export class Coverage {
	    counts_scope: string;
	    active_workflows?: number;
	    active_instances?: number;
	    averages_over: string;
	
	    static createFrom(source: any = {}) {
	        return new Coverage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.counts_scope = source["counts_scope"];
	        this.active_workflows = source["active_workflows"];
	        this.active_instances = source["active_instances"];
	        this.averages_over = source["averages_over"];
	    }
	}
	export class TokenShares {
	    input: number;
	    output: number;
	    cache_creation: number;
	    cache_read: number;
	
	    static createFrom(source: any = {}) {
	        return new TokenShares(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.input = source["input"];
	        this.output = source["output"];
	        this.cache_creation = source["cache_creation"];
	        this.cache_read = source["cache_read"];
	    }
	}
	export class Derived {
	    avg_cost_per_instance_usd: number;
	    avg_tokens_per_instance: number;
	    cost_per_1k_tokens_usd: number;
	    token_shares: TokenShares;
	
	    static createFrom(source: any = {}) {
	        return new Derived(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.avg_cost_per_instance_usd = source["avg_cost_per_instance_usd"];
	        this.avg_tokens_per_instance = source["avg_tokens_per_instance"];
	        this.cost_per_1k_tokens_usd = source["cost_per_1k_tokens_usd"];
	        this.token_shares = this.convertValues(source["token_shares"], TokenShares);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Glance {
	    profile_id: string;
	    profile_name: string;
	    today_usd: number;
	    month_usd: number;
	    budget_usd: number;
	    budget_fraction: number;
	    level: string;
	    forecast_usd: number;
	    as_of: string;
	    stale: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Glance(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.profile_id = source["profile_id"];
	        this.profile_name = source["profile_name"];
	        this.today_usd = source["today_usd"];
	        this.month_usd = source["month_usd"];
	        this.budget_usd = source["budget_usd"];
	        this.budget_fraction = source["budget_fraction"];
	        this.level = source["level"];
	        this.forecast_usd = source["forecast_usd"];
	        this.as_of = source["as_of"];
	        this.stale = source["stale"];
	    }
	}
	export class ModelRates {
	    input: number;
	    output: number;
	    cache_write_5m: number;
	    cache_write_1h: number;
	    cache_read: number;
	
	    static createFrom(source: any = {}) {
	        return new ModelRates(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.input = source["input"];
	        this.output = source["output"];
	        this.cache_write_5m = source["cache_write_5m"];
	        this.cache_write_1h = source["cache_write_1h"];
	        this.cache_read = source["cache_read"];
	    }
	}
	export class PartStatus {
	    state: string;
	    message?: string;
	    code?: string;
	    retryable?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new PartStatus(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.state = source["state"];
	        this.message = source["message"];
	        this.code = source["code"];
	        this.retryable = source["retryable"];
	    }
	}
	export class Period {
	    preset: PresetID;
	    label: string;
	    start?: string | null;
	    end?: string | null;
	    time_zone: string;
	    bucket: string;
	
	    static createFrom(source: any = {}) {
	        return new Period(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.preset = source["preset"];
	        this.label = source["label"];
	        this.start = source["start"];
	        this.end = source["end"];
	        this.time_zone = source["time_zone"];
	        this.bucket = source["bucket"];
	    }
	}
	export class PeriodRequest {
	    preset: string;
	    from: string;
	    to: string;
	    utc: boolean;
	
	    static createFrom(source: any = {}) {
	        return new PeriodRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.preset = source["preset"];
	        this.from = source["from"];
	        this.to = source["to"];
	        this.utc = source["utc"];
	    }
	}
	export class Preset {
	    id: PresetID;
	    label: string;
	
	    static createFrom(source: any = {}) {
	        return new Preset(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.label = source["label"];
	    }
	}
	export class SecondaryRowUse {
	    row: string;
	    logs: number;
	    computed_usd: number;
	
	    static createFrom(source: any = {}) {
	        return new SecondaryRowUse(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.row = source["row"];
	        this.logs = source["logs"];
	        this.computed_usd = source["computed_usd"];
	    }
	}
	export class RuleUse {
	    rule: string;
	    logs: number;
	
	    static createFrom(source: any = {}) {
	        return new RuleUse(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rule = source["rule"];
	        this.logs = source["logs"];
	    }
	}
	export class PricingSummary {
	    table_version: string;
	    table_source: string;
	    computed_usd: number;
	    unpriced_tokens: number;
	    unpriced_models: string[];
	    logs_without_cost: number;
	    filled_in_usd: number;
	    estimated_usd: number;
	    reported_compared_usd: number;
	    computed_compared_usd: number;
	    drift_usd: number;
	    long_context_logs: number;
	    long_context_extra_usd: number;
	    cache_savings_usd: number;
	    cache_hit_ratio: number;
	    rules: RuleUse[];
	    secondary_rows: SecondaryRowUse[];
	    unconfirmed_logs: number;
	    cache_ttl: CacheTTLChoice[];
	    cache_ttl_note: string;
	
	    static createFrom(source: any = {}) {
	        return new PricingSummary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.table_version = source["table_version"];
	        this.table_source = source["table_source"];
	        this.computed_usd = source["computed_usd"];
	        this.unpriced_tokens = source["unpriced_tokens"];
	        this.unpriced_models = source["unpriced_models"];
	        this.logs_without_cost = source["logs_without_cost"];
	        this.filled_in_usd = source["filled_in_usd"];
	        this.estimated_usd = source["estimated_usd"];
	        this.reported_compared_usd = source["reported_compared_usd"];
	        this.computed_compared_usd = source["computed_compared_usd"];
	        this.drift_usd = source["drift_usd"];
	        this.long_context_logs = source["long_context_logs"];
	        this.long_context_extra_usd = source["long_context_extra_usd"];
	        this.cache_savings_usd = source["cache_savings_usd"];
	        this.cache_hit_ratio = source["cache_hit_ratio"];
	        this.rules = this.convertValues(source["rules"], RuleUse);
	        this.secondary_rows = this.convertValues(source["secondary_rows"], SecondaryRowUse);
	        this.unconfirmed_logs = source["unconfirmed_logs"];
	        this.cache_ttl = this.convertValues(source["cache_ttl"], CacheTTLChoice);
	        this.cache_ttl_note = source["cache_ttl_note"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Profile {
	    id: string;
	    name: string;
	    kind: SourceKind;
	    base_url?: string;
	    login?: string;
	    allow_insecure_http?: boolean;
	    mongo_uri?: string;
	    database?: string;
	    account?: string;
	    demo?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Profile(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.kind = source["kind"];
	        this.base_url = source["base_url"];
	        this.login = source["login"];
	        this.allow_insecure_http = source["allow_insecure_http"];
	        this.mongo_uri = source["mongo_uri"];
	        this.database = source["database"];
	        this.account = source["account"];
	        this.demo = source["demo"];
	    }
	}
	export class Series {
	    bucket: string;
	    rows: UsageRow[];
	    unknown?: string[];
	
	    static createFrom(source: any = {}) {
	        return new Series(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.bucket = source["bucket"];
	        this.rows = this.convertValues(source["rows"], UsageRow);
	        this.unknown = source["unknown"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class SourceInfo {
	    kind: SourceKind;
	    label: string;
	    account: string;
	    vocabulary?: string;
	    cost_computed?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new SourceInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.label = source["label"];
	        this.account = source["account"];
	        this.vocabulary = source["vocabulary"];
	        this.cost_computed = source["cost_computed"];
	    }
	}
	export class Report {
	    user_id: string;
	    username: string;
	    total_workflows: number;
	    total_instances: number;
	    total_tokens: number;
	    total_input_tokens: number;
	    total_output_tokens: number;
	    total_cache_creation_tokens: number;
	    total_cache_read_tokens: number;
	    total_cost_usd: number;
	    total_execution_time_ms: number;
	    period_start?: string | null;
	    period_end?: string | null;
	    token_breakdown: TokenBreakdown;
	    source: SourceInfo;
	    generated_at: string;
	    period: Period;
	    derived: Derived;
	    breakdowns?: Breakdowns;
	    series?: Series;
	    series_note?: string;
	    pricing?: PricingSummary;
	    notes?: string[];
	    record_only_days?: string[];
	    parts?: {[key: string]: PartStatus};
	    coverage: Coverage;
	
	    static createFrom(source: any = {}) {
	        return new Report(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.user_id = source["user_id"];
	        this.username = source["username"];
	        this.total_workflows = source["total_workflows"];
	        this.total_instances = source["total_instances"];
	        this.total_tokens = source["total_tokens"];
	        this.total_input_tokens = source["total_input_tokens"];
	        this.total_output_tokens = source["total_output_tokens"];
	        this.total_cache_creation_tokens = source["total_cache_creation_tokens"];
	        this.total_cache_read_tokens = source["total_cache_read_tokens"];
	        this.total_cost_usd = source["total_cost_usd"];
	        this.total_execution_time_ms = source["total_execution_time_ms"];
	        this.period_start = source["period_start"];
	        this.period_end = source["period_end"];
	        this.token_breakdown = this.convertValues(source["token_breakdown"], TokenBreakdown);
	        this.source = this.convertValues(source["source"], SourceInfo);
	        this.generated_at = source["generated_at"];
	        this.period = this.convertValues(source["period"], Period);
	        this.derived = this.convertValues(source["derived"], Derived);
	        this.breakdowns = this.convertValues(source["breakdowns"], Breakdowns);
	        this.series = this.convertValues(source["series"], Series);
	        this.series_note = source["series_note"];
	        this.pricing = this.convertValues(source["pricing"], PricingSummary);
	        this.notes = source["notes"];
	        this.record_only_days = source["record_only_days"];
	        this.parts = this.convertValues(source["parts"], PartStatus, true);
	        this.coverage = this.convertValues(source["coverage"], Coverage);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	
	export class ServerInfo {
	    version: string;
	    database: string;
	    platform_schema: boolean;
	    users: number;
	    logs: number;
	
	    static createFrom(source: any = {}) {
	        return new ServerInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.version = source["version"];
	        this.database = source["database"];
	        this.platform_schema = source["platform_schema"];
	        this.users = source["users"];
	        this.logs = source["logs"];
	    }
	}
	export class SessionInfo {
	    signed_in: boolean;
	    user_id: string;
	    username: string;
	    expires_at?: string | null;
	    expired: boolean;
	
	    static createFrom(source: any = {}) {
	        return new SessionInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.signed_in = source["signed_in"];
	        this.user_id = source["user_id"];
	        this.username = source["username"];
	        this.expires_at = source["expires_at"];
	        this.expired = source["expired"];
	    }
	}
	export class Settings {
	    refresh_minutes: number;
	    close_to_tray: boolean;
	    tray_shows: string;
	    alerts_paused: boolean;
	    budgets: {[key: string]: Budget};
	    model_aliases: {[key: string]: string};
	    custom_prices: {[key: string]: ModelRates};
	    check_prices_daily: boolean;
	    price_list_url: string;
	    cache_ttl: {[key: string]: string};
	
	    static createFrom(source: any = {}) {
	        return new Settings(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.refresh_minutes = source["refresh_minutes"];
	        this.close_to_tray = source["close_to_tray"];
	        this.tray_shows = source["tray_shows"];
	        this.alerts_paused = source["alerts_paused"];
	        this.budgets = this.convertValues(source["budgets"], Budget, true);
	        this.model_aliases = source["model_aliases"];
	        this.custom_prices = this.convertValues(source["custom_prices"], ModelRates, true);
	        this.check_prices_daily = source["check_prices_daily"];
	        this.price_list_url = source["price_list_url"];
	        this.cache_ttl = source["cache_ttl"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	
	
	export class UserSummary {
	    id: string;
	    username: string;
	    email: string;
	    full_name: string;
	    is_active: boolean;
	
	    static createFrom(source: any = {}) {
	        return new UserSummary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.username = source["username"];
	        this.email = source["email"];
	        this.full_name = source["full_name"];
	        this.is_active = source["is_active"];
	    }
	}

}

export namespace history {
	
	export class Entry {
	    id: string;
	    profile_id: string;
	    profile_name: string;
	    period_key: string;
	    period: backend.Period;
	    source: backend.SourceInfo;
	    fetched_at: string;
	    total_cost_usd: number;
	    total_tokens: number;
	
	    static createFrom(source: any = {}) {
	        return new Entry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.profile_id = source["profile_id"];
	        this.profile_name = source["profile_name"];
	        this.period_key = source["period_key"];
	        this.period = this.convertValues(source["period"], backend.Period);
	        this.source = this.convertValues(source["source"], backend.SourceInfo);
	        this.fetched_at = source["fetched_at"];
	        this.total_cost_usd = source["total_cost_usd"];
	        this.total_tokens = source["total_tokens"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Warning {
	    file: string;
	    reason: string;
	
	    static createFrom(source: any = {}) {
	        return new Warning(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.file = source["file"];
	        this.reason = source["reason"];
	    }
	}

}

export namespace pricing {
	
	export class Provenance {
	    origin: string;
	    url?: string;
	    fetched_at: string;
	    sha256?: string;
	    check?: string;
	    note?: string;
	
	    static createFrom(source: any = {}) {
	        return new Provenance(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.origin = source["origin"];
	        this.url = source["url"];
	        this.fetched_at = source["fetched_at"];
	        this.sha256 = source["sha256"];
	        this.check = source["check"];
	        this.note = source["note"];
	    }
	}
	export class Modifier {
	    rule: string;
	    from: string;
	    until: string;
	    multiplier: number;
	    source?: string;
	    confidence?: string;
	
	    static createFrom(source: any = {}) {
	        return new Modifier(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rule = source["rule"];
	        this.from = source["from"];
	        this.until = source["until"];
	        this.multiplier = source["multiplier"];
	        this.source = source["source"];
	        this.confidence = source["confidence"];
	    }
	}
	export class LongContext {
	    threshold_tokens: number;
	    input: number;
	    output: number;
	    cache_write_5m: number;
	    cache_write_1h: number;
	    cache_read: number;
	
	    static createFrom(source: any = {}) {
	        return new LongContext(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.threshold_tokens = source["threshold_tokens"];
	        this.input = source["input"];
	        this.output = source["output"];
	        this.cache_write_5m = source["cache_write_5m"];
	        this.cache_write_1h = source["cache_write_1h"];
	        this.cache_read = source["cache_read"];
	    }
	}
	export class RowListing {
	    row: string;
	    family: string;
	    name: string;
	    from: string;
	    input: number;
	    output: number;
	    cache_write_5m: number;
	    cache_write_1h: number;
	    cache_read: number;
	    long_context?: LongContext;
	    modifiers?: Modifier[];
	    custom: boolean;
	    note?: string;
	    source?: string;
	    verified?: string;
	    confidence?: string;
	    provenance: Provenance;
	
	    static createFrom(source: any = {}) {
	        return new RowListing(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.row = source["row"];
	        this.family = source["family"];
	        this.name = source["name"];
	        this.from = source["from"];
	        this.input = source["input"];
	        this.output = source["output"];
	        this.cache_write_5m = source["cache_write_5m"];
	        this.cache_write_1h = source["cache_write_1h"];
	        this.cache_read = source["cache_read"];
	        this.long_context = this.convertValues(source["long_context"], LongContext);
	        this.modifiers = this.convertValues(source["modifiers"], Modifier);
	        this.custom = source["custom"];
	        this.note = source["note"];
	        this.source = source["source"];
	        this.verified = source["verified"];
	        this.confidence = source["confidence"];
	        this.provenance = this.convertValues(source["provenance"], Provenance);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class FamilyListing {
	    family: string;
	    name: string;
	    same_as: string[];
	    litellm_wrong: string[];
	    rows: RowListing[];
	    in_force: number;
	
	    static createFrom(source: any = {}) {
	        return new FamilyListing(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.family = source["family"];
	        this.name = source["name"];
	        this.same_as = source["same_as"];
	        this.litellm_wrong = source["litellm_wrong"];
	        this.rows = this.convertValues(source["rows"], RowListing);
	        this.in_force = source["in_force"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class UpdateInfo {
	    url: string;
	    fetched_at: string;
	    sha256: string;
	    families: number;
	    kept_out: string[];
	
	    static createFrom(source: any = {}) {
	        return new UpdateInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.url = source["url"];
	        this.fetched_at = source["fetched_at"];
	        this.sha256 = source["sha256"];
	        this.families = source["families"];
	        this.kept_out = source["kept_out"];
	    }
	}
	export class Listing {
	    version: string;
	    source: string;
	    update?: UpdateInfo;
	    families: FamilyListing[];
	    custom: RowListing[];
	    cache_ttl: string;
	    aliases: {[key: string]: string};
	
	    static createFrom(source: any = {}) {
	        return new Listing(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.version = source["version"];
	        this.source = source["source"];
	        this.update = this.convertValues(source["update"], UpdateInfo);
	        this.families = this.convertValues(source["families"], FamilyListing);
	        this.custom = this.convertValues(source["custom"], RowListing);
	        this.cache_ttl = source["cache_ttl"];
	        this.aliases = source["aliases"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	export class Price {
	    family: string;
	    name: string;
	    from: string;
	    input: number;
	    output: number;
	    cache_write_5m: number;
	    cache_write_1h: number;
	    cache_read: number;
	    long_context?: LongContext;
	    modifiers?: Modifier[];
	    custom: boolean;
	    note?: string;
	    source?: string;
	    verified?: string;
	    confidence?: string;
	    provenance: Provenance;
	
	    static createFrom(source: any = {}) {
	        return new Price(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.family = source["family"];
	        this.name = source["name"];
	        this.from = source["from"];
	        this.input = source["input"];
	        this.output = source["output"];
	        this.cache_write_5m = source["cache_write_5m"];
	        this.cache_write_1h = source["cache_write_1h"];
	        this.cache_read = source["cache_read"];
	        this.long_context = this.convertValues(source["long_context"], LongContext);
	        this.modifiers = this.convertValues(source["modifiers"], Modifier);
	        this.custom = source["custom"];
	        this.note = source["note"];
	        this.source = source["source"];
	        this.verified = source["verified"];
	        this.confidence = source["confidence"];
	        this.provenance = this.convertValues(source["provenance"], Provenance);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class RecostRow {
	    model: string;
	    tokens: backend.TokenBreakdown;
	    stored_usd: number;
	    current_usd?: number;
	    cache_ttl: string;
	
	    static createFrom(source: any = {}) {
	        return new RecostRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.model = source["model"];
	        this.tokens = this.convertValues(source["tokens"], backend.TokenBreakdown);
	        this.stored_usd = source["stored_usd"];
	        this.current_usd = source["current_usd"];
	        this.cache_ttl = source["cache_ttl"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Recost {
	    stored_version: string;
	    current_version: string;
	    at: string;
	    models: RecostRow[];
	    stored_usd: number;
	    current_usd: number;
	    unpriced_models: string[];
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new Recost(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.stored_version = source["stored_version"];
	        this.current_version = source["current_version"];
	        this.at = source["at"];
	        this.models = this.convertValues(source["models"], RecostRow);
	        this.stored_usd = source["stored_usd"];
	        this.current_usd = source["current_usd"];
	        this.unpriced_models = source["unpriced_models"];
	        this.note = source["note"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	

}

