export namespace app {
	
	export class RenderedMetric {
	    id: string;
	    text: string;
	    exact: string;
	
	    static createFrom(source: any = {}) {
	        return new RenderedMetric(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.text = source["text"];
	        this.exact = source["exact"];
	    }
	}

}

export namespace backend {
	
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
	export class Period {
	    preset: string;
	    label: string;
	    start?: string | null;
	    end?: string | null;
	    time_zone: string;
	
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
	    }
	}
	export class Preset {
	    id: string;
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
	export class SourceInfo {
	    kind: string;
	    label: string;
	    account: string;
	
	    static createFrom(source: any = {}) {
	        return new SourceInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.label = source["label"];
	        this.account = source["account"];
	    }
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

