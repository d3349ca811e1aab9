/** Wording and small rules about connection profiles and their sessions. */
import { EVERYONE, type Profile, type ProfileView, type ServerInfo, type SessionInfo } from '../api';
import { DAY_MS } from './days';
import { formatDateTime, formatInteger } from './format';

function isPlatform(p: Pick<Profile, 'kind'>): boolean {
  return p.kind === 'platform';
}

export function kindLabel(kind: string): string {
  return kind === 'platform' ? 'Platform API' : kind === 'mongodb' ? 'MongoDB' : 'Unknown';
}

/** "agents.example.com", "db.example.com:27017", or the text as given when it does not parse. */
export function profileHost(p: Profile): string {
  if (isPlatform(p)) {
    const raw = (p.base_url ?? '').trim();
    try {
      return new URL(raw).host || raw;
    } catch {
      return raw;
    }
  }
  const uri = (p.mongo_uri ?? '').trim();
  const m = /^[a-z+]+:\/\/(?:[^@/]*@)?([^/?]+)/i.exec(uri);
  const host = m ? m[1] : uri;
  return p.database ? `${host} / ${p.database}` : host;
}

/** Who the profile signs in as (platform) or whose usage it shows (MongoDB; "Everyone" for "*"). */
export function profileAccount(p: Profile): string {
  const account = ((isPlatform(p) ? p.login : p.account) ?? '').trim();
  return !isPlatform(p) && account === EVERYONE ? 'Everyone (team totals)' : account;
}

const plural = (n: number, one: string, many: string) => `${formatInteger(n)} ${n === 1 ? one : many}`;

/**
 * A connection test's answer in one line: "Connected: MongoDB 7.0.77 (FerretDB v1.24.2)
 * · claude_workflows · 4 users · 3,994 logs" (no logs when the server did not say).
 */
export function serverInfoText(info: ServerInfo): string {
  const parts = [info.version ? `Connected: MongoDB ${info.version}` : 'Connected: MongoDB'];
  if (info.database) parts.push(info.database);
  if (typeof info.users === 'number' && info.users >= 0) parts.push(plural(info.users, 'user', 'users'));
  if (typeof info.logs === 'number' && info.logs >= 0) parts.push(plural(info.logs, 'log', 'logs'));
  return parts.join(' · ');
}

export const NO_PLATFORM_SCHEMA = 'This database has no platform users or logs — check the database name.';

function expiresAtMs(s: SessionInfo): number | undefined {
  if (!s.expires_at) return undefined;
  const t = new Date(s.expires_at).getTime();
  return Number.isNaN(t) ? undefined : t;
}

/** Signed in with a session that has not ended (by the backend's word or the clock). */
export function sessionActive(s: SessionInfo, now: number = Date.now()): boolean {
  if (!s.signed_in || s.expired) return false;
  const t = expiresAtMs(s);
  return t === undefined || t > now;
}

/** A platform profile that needs a password before it can show usage. */
export function needsSignIn(v: ProfileView | undefined, now: number = Date.now()): boolean {
  return !!v && isPlatform(v.profile) && !sessionActive(v.session, now);
}

const rtf = new Intl.RelativeTimeFormat('en-US', { numeric: 'always' });

/** "in 6 days", "in 5 hours", "in 12 minutes", "in under a minute" — until `expiresAt`. */
export function formatTimeLeft(expiresAt: string | null | undefined, now: number = Date.now()): string {
  if (!expiresAt) return '';
  const ms = new Date(expiresAt).getTime() - now;
  if (Number.isNaN(ms)) return '';
  if (ms < 60_000) return 'in under a minute';
  if (ms < 3_600_000) return rtf.format(Math.round(ms / 60_000), 'minute');
  if (ms < DAY_MS) return rtf.format(Math.max(1, Math.round(ms / 3_600_000)), 'hour');
  return rtf.format(Math.round(ms / DAY_MS), 'day');
}

/** Less than a day left on an active session. */
export function sessionEndingSoon(s: SessionInfo, now: number = Date.now()): boolean {
  const t = expiresAtMs(s);
  return sessionActive(s, now) && t !== undefined && t - now < DAY_MS;
}

/** "Session ends in 6 days" for an active session with an end, else "". */
export function sessionEndsText(s: SessionInfo, now: number = Date.now()): string {
  if (!sessionActive(s, now) || !s.expires_at) return '';
  return `Session ends ${formatTimeLeft(s.expires_at, now)}`;
}

/** "Signed in as demo until Nov 26, 2025, 3:04 PM" */
export function sessionTooltip(s: SessionInfo): string {
  const who = s.username ? ` as ${s.username}` : '';
  return s.expires_at ? `Signed in${who} until ${formatDateTime(s.expires_at)}` : `Signed in${who}`;
}

/** "Signed in as demo · ends in 6 days", "Session ended", "Signed out". */
export function sessionStatusText(s: SessionInfo, now: number = Date.now()): string {
  if (sessionActive(s, now)) {
    const who = s.username ? `Signed in as ${s.username}` : 'Signed in';
    return s.expires_at ? `${who} · ends ${formatTimeLeft(s.expires_at, now)}` : who;
  }
  return s.signed_in ? 'Session ended' : 'Signed out';
}
